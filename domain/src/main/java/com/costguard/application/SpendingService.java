package com.costguard.application;

import com.costguard.config.Configuration;
import com.costguard.cost.budget.BudgetCalendar;
import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.budget.JobAccrual;
import com.costguard.cost.budget.SpendAttribution;
import com.costguard.model.costevent.CostEventRepository;
import com.costguard.model.costevent.CostEventRepository.GroupTotal;
import com.costguard.model.costevent.SpendDimension;
import com.costguard.model.job.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What was spent, over a range: the cost events in it, summed and grouped by the database, and the
 * job costs accrued in it, which the cost engine computes from each job's events ({@link
 * JobAccrual}, the rule budgets count by).
 */
@ApplicationScoped
public class SpendingService {

  @Inject CostEventRepository events;
  @Inject JobRepository jobs;
  @Inject Configuration configuration;
  @Inject Clock clock;

  public SpendingSummary summary(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw RequestRefusedException.invalid("to", "to must be after from");
    }
    JobSpend jobSpend = jobSpend(from, to);
    TreeMap<LocalDate, SpendingSummary.Group> days = new TreeMap<>(jobSpend.byDay());
    events
        .totalsByDay(from, to, configuration.timezone())
        .forEach(
            d ->
                days.merge(
                    d.date(),
                    new SpendingSummary.Group(d.cost(), d.count()),
                    SpendingSummary.Group::plus));
    return new SpendingSummary(
        from,
        to,
        configuration.currency().getCurrencyCode(),
        events.total(from, to).add(jobSpend.all().cost()),
        events.count(from, to),
        jobSpend.all(),
        events.reuseSavings(from, to),
        groups(SpendDimension.PROVIDER, from, to, jobSpend.byProvider()),
        groups(SpendDimension.MODE, from, to, Map.of()),
        largestFirst(jobSpend.byStatus()),
        groups(SpendDimension.SESSION, from, to, Map.of()),
        groups(SpendDimension.CLIENT, from, to, jobSpend.byClient()),
        groups(SpendDimension.PROJECT, from, to, jobSpend.byProject()),
        days.entrySet().stream()
            .map(
                d -> new SpendingSummary.Day(d.getKey(), d.getValue().cost(), d.getValue().count()))
            .toList());
  }

  /** The current calendar month in the installation's time zone. */
  public SpendingSummary thisMonth() {
    ZonedDateTime start =
        LocalDate.now(clock.withZone(configuration.timezone()))
            .withDayOfMonth(1)
            .atStartOfDay(configuration.timezone());
    return summary(start.toInstant(), start.plusMonths(1).toInstant());
  }

  /** What jobs accrued in {@code [from, to)}: in all, by attribution, status and day. */
  private record JobSpend(
      SpendingSummary.Group all,
      Map<String, SpendingSummary.Group> byProvider,
      Map<String, SpendingSummary.Group> byStatus,
      Map<String, SpendingSummary.Group> byClient,
      Map<String, SpendingSummary.Group> byProject,
      Map<LocalDate, SpendingSummary.Group> byDay) {}

  /**
   * Each job that ran in the range counts once, with the sum of its accrual day by day (so the days
   * add up to the total).
   */
  private JobSpend jobSpend(Instant from, Instant to) {
    Instant now = clock.instant();
    BudgetCalendar calendar = new BudgetCalendar(configuration.timezone());
    BudgetPeriod range = BudgetPeriod.startingAt(from, to);
    Map<String, SpendingSummary.Group> byProvider = new HashMap<>();
    Map<String, SpendingSummary.Group> byStatus = new HashMap<>();
    Map<String, SpendingSummary.Group> byClient = new HashMap<>();
    Map<String, SpendingSummary.Group> byProject = new HashMap<>();
    Map<LocalDate, SpendingSummary.Group> byDay = new HashMap<>();
    // One job at a time: a month of jobs with their events does not fit in the heap at scale.
    jobs.eachDuring(
        range,
        BudgetScope.wholeOrganisation(),
        history -> {
          JobAccrual accrual = JobAccrual.of(history.job().spec(), history.jobEvents(), now);
          if (!accrual.ranIn(range)) {
            return; // still queued
          }
          SortedMap<LocalDate, BigDecimal> days = accrual.byDay(from, to, calendar);
          BigDecimal cost = days.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
          SpendingSummary.Group job = new SpendingSummary.Group(cost, 1);
          SpendAttribution attribution = history.attribution();
          byProvider.merge(named(attribution.provider()), job, SpendingSummary.Group::plus);
          byStatus.merge(history.job().status().wireName(), job, SpendingSummary.Group::plus);
          byClient.merge(named(attribution.client()), job, SpendingSummary.Group::plus);
          byProject.merge(named(attribution.project()), job, SpendingSummary.Group::plus);
          days.forEach(
              (day, amount) ->
                  byDay.merge(
                      day, new SpendingSummary.Group(amount, 1), SpendingSummary.Group::plus));
        });
    SpendingSummary.Group all =
        byStatus.values().stream().reduce(SpendingSummary.Group.EMPTY, SpendingSummary.Group::plus);
    return new JobSpend(all, byProvider, byStatus, byClient, byProject, byDay);
  }

  private static String named(Optional<String> value) {
    return value.orElse(SpendingSummary.NONE);
  }

  /**
   * The cost events grouped by {@code dimension}, with the jobs' groups added; events without the
   * attribute under "(none)".
   */
  private Map<String, SpendingSummary.Group> groups(
      SpendDimension dimension,
      Instant from,
      Instant to,
      Map<String, SpendingSummary.Group> jobGroups) {
    Map<String, SpendingSummary.Group> groups = new HashMap<>(jobGroups);
    for (GroupTotal g : events.totalsBy(dimension, from, to)) {
      groups.merge(
          g.key() == null ? SpendingSummary.NONE : g.key(),
          new SpendingSummary.Group(g.cost(), g.count()),
          SpendingSummary.Group::plus);
    }
    return largestFirst(groups);
  }

  /** Largest spend first; equal spends by name, so the order never depends on hashing. */
  private static Map<String, SpendingSummary.Group> largestFirst(
      Map<String, SpendingSummary.Group> groups) {
    Map<String, SpendingSummary.Group> ordered = new LinkedHashMap<>();
    groups.entrySet().stream()
        .sorted(
            Comparator.comparing(
                    (Map.Entry<String, SpendingSummary.Group> g) -> g.getValue().cost())
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .forEach(g -> ordered.put(g.getKey(), g.getValue()));
    return ordered;
  }
}
