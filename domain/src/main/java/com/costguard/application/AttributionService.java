package com.costguard.application;

import com.costguard.config.Configuration;
import com.costguard.cost.attribution.Attribution;
import com.costguard.cost.attribution.AttributionCalculator;
import com.costguard.cost.attribution.ClientCost;
import com.costguard.cost.attribution.ClientInfo;
import com.costguard.cost.attribution.CostedJob;
import com.costguard.cost.attribution.Directory;
import com.costguard.cost.attribution.PriorityTier;
import com.costguard.cost.attribution.ProjectInfo;
import com.costguard.cost.attribution.ProjectProfit;
import com.costguard.cost.attribution.ReuseByClient;
import com.costguard.cost.attribution.TierAllocation;
import com.costguard.cost.attribution.TierUtilisation;
import com.costguard.cost.budget.BudgetCalendar;
import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.budget.JobAccrual;
import com.costguard.cost.optimization.SpotSavings;
import com.costguard.cost.optimization.SpotSavingsCalculator;
import com.costguard.model.client.ClientRepository;
import com.costguard.model.costevent.CostEventRepository;
import com.costguard.model.job.Job;
import com.costguard.model.job.JobHistory;
import com.costguard.model.job.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Attribution, profitability and spot savings over a range (SPEC §2), for the API, the portal and
 * the reports alike. Everything a range needs is read in a handful of queries (the jobs with their
 * events, the clients, the projects, the tier amounts), never one per row; each job is then costed
 * by the job cost engine and the figures computed by the pure calculators.
 *
 * <p>A job is dated by the day it started. A job counts in a range when it ran in it, with what it
 * accrued in it, split by day as the spending summary splits it ({@link JobAccrual}): so
 * attribution's organisation total equals the summary's job spend for the same range. The spot
 * analysis reads each such job's whole cost view.
 */
@ApplicationScoped
public class AttributionService {

  @Inject JobRepository jobs;
  @Inject ClientRepository clients;
  @Inject CostEventRepository events;
  @Inject Configuration configuration;
  @Inject Clock clock;

  /** Attribution over {@code [from, to)} and each registered client's allocation this month. */
  public record AttributionReport(
      Instant from,
      Instant to,
      String currency,
      Attribution attribution,
      YearMonth allocationMonth,
      List<TierAllocation> allocations) {}

  /** The spot vs on-demand analysis over {@code [from, to)}. */
  public record OptimizationReport(
      Instant from, Instant to, String currency, SpotSavings savings) {}

  /** One client's part of an attribution report. */
  public record ClientReport(
      Instant from,
      Instant to,
      String currency,
      ClientInfo client,
      ClientCost cost,
      List<ProjectProfit> projects) {}

  public AttributionReport attribution(Instant from, Instant to) {
    requireRange(from, to);
    Directory directory = directory();
    Attribution attribution = AttributionCalculator.attribute(costed(from, to), directory);
    ZonedDateTime monthStart =
        LocalDate.now(clock.withZone(zone())).withDayOfMonth(1).atStartOfDay(zone());
    Attribution month =
        AttributionCalculator.attribute(
            costed(monthStart.toInstant(), monthStart.plusMonths(1).toInstant()), directory);
    Set<PriorityTier> rollover = clients.rolloverTiers();
    // Last month is read only when a tier rolls over, and only for the clients that existed then.
    List<ClientCost> lastMonth =
        rollover.isEmpty()
            ? List.of()
            : AttributionCalculator.attribute(
                    costed(monthStart.minusMonths(1).toInstant(), monthStart.toInstant()),
                    directory(monthStart.toInstant()))
                .byClient();
    return new AttributionReport(
        from,
        to,
        currency(),
        attribution,
        YearMonth.from(monthStart),
        AttributionCalculator.allocate(
            month.byClient(), lastMonth, clients.monthlyAllocations(), rollover));
  }

  /** Each tier's clients together, from the allocations of an attribution report. */
  public List<TierUtilisation> tierUtilisation(List<TierAllocation> allocations) {
    return AttributionCalculator.byTier(
        allocations, clients.monthlyAllocations(), clients.rolloverTiers());
  }

  /** Reuse ("shared intelligence") savings by client over {@code [from, to)} (seed 003). */
  public ReuseReport reuse(Instant from, Instant to) {
    requireRange(from, to);
    return new ReuseReport(
        from, to, currency(), ReuseByClient.of(events.reuseByClient(from, to), directory()));
  }

  /** The reuse savings by client over a range. */
  public record ReuseReport(Instant from, Instant to, String currency, ReuseByClient savings) {}

  public OptimizationReport optimization(Instant from, Instant to) {
    requireRange(from, to);
    YearMonth first = YearMonth.from(from.atZone(zone()));
    YearMonth last = YearMonth.from(to.minusNanos(1).atZone(zone()));
    return new OptimizationReport(
        from, to, currency(), SpotSavingsCalculator.analyse(costed(from, to), first, last));
  }

  /**
   * @throws RequestRefusedException 404 for an unknown client
   */
  public ClientReport client(long clientId, Instant from, Instant to) {
    requireRange(from, to);
    Directory directory = directory();
    ClientInfo client =
        directory
            .client(clientId)
            .orElseThrow(
                () ->
                    new RequestRefusedException(
                        RequestRefusedException.Reason.NOT_FOUND,
                        null,
                        "there is no client " + clientId));
    Attribution attribution = AttributionCalculator.attribute(costed(from, to), directory);
    ClientCost cost =
        attribution.byClient().stream()
            .filter(c -> c.client().filter(client::equals).isPresent())
            .findFirst()
            .orElseThrow();
    return new ClientReport(
        from,
        to,
        currency(),
        client,
        cost,
        attribution.byProject().stream()
            .filter(p -> p.project().filter(i -> i.clientId() == clientId).isPresent())
            .toList());
  }

  private static void requireRange(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw RequestRefusedException.invalid("to", "to must be after from");
    }
  }

  private Directory directory() {
    return directory(Instant.MAX);
  }

  /** The clients registered before {@code registeredBefore}, with every project. */
  private Directory directory(Instant registeredBefore) {
    return new Directory(
        clients.clients().stream()
            .filter(c -> c.createdAt().isBefore(registeredBefore))
            .map(c -> new ClientInfo(c.id(), c.name(), c.code(), c.industry(), c.priorityTier()))
            .toList(),
        clients.projects().stream()
            .map(
                p ->
                    new ProjectInfo(
                        p.id(),
                        p.name(),
                        p.code(),
                        p.clientId(),
                        p.startDate(),
                        p.endDate(),
                        p.projectedRevenue(),
                        p.otherCosts()))
            .toList());
  }

  /** Every job that ran in {@code [from, to)}, costed by the engine. */
  private List<CostedJob> costed(Instant from, Instant to) {
    Instant now = clock.instant();
    BudgetCalendar calendar = new BudgetCalendar(zone());
    BudgetPeriod range = BudgetPeriod.startingAt(from, to);
    List<CostedJob> costed = new ArrayList<>();
    for (JobHistory history : jobs.during(range, BudgetScope.wholeOrganisation())) {
      Job job = history.job();
      JobAccrual accrual = JobAccrual.of(job.spec(), history.jobEvents(), now);
      if (!accrual.ranIn(range)) {
        continue; // still queued
      }
      BigDecimal inRange =
          accrual.byDay(from, to, calendar).values().stream()
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      costed.add(
          CostedJob.of(
              new CostedJob.Identity(
                  job.id(),
                  job.name(),
                  job.createdBy(),
                  job.status().wireName(),
                  job.gpuType(),
                  job.pricing(),
                  job.client(),
                  job.project(),
                  LocalDate.ofInstant(accrual.startedAt().orElse(job.createdAt()), zone())),
              inRange,
              accrual.current()));
    }
    return costed;
  }

  private ZoneId zone() {
    return configuration.timezone();
  }

  private String currency() {
    return configuration.currency().getCurrencyCode();
  }
}
