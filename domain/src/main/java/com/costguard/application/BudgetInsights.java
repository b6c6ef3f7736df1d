package com.costguard.application;

import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.JobAccrual;
import com.costguard.model.budget.Budget;
import com.costguard.model.budget.BudgetRepository;
import com.costguard.model.costevent.CostEventRepository;
import com.costguard.model.costevent.SpendDimension;
import com.costguard.model.job.Job;
import com.costguard.model.job.JobHistory;
import com.costguard.model.job.JobRepository;
import com.costguard.model.job.ReportedJobEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What people read next to a budget alert (SPEC §3): where the budget stands, its active jobs with
 * their cost now, the period's top jobs and its spend by client; and the budgets a person looks
 * after. Read-only, for the Slack bot and any other face.
 */
@ApplicationScoped
@Transactional // also when called outside any request, by the outbox dispatcher's channels
public class BudgetInsights {

  /** How many top jobs a breakdown lists. */
  public static final int TOP_JOBS = 5;

  /** The line of a breakdown by client that holds cost events of no one client. */
  public static final String COST_EVENTS = "(cost events)";

  @Inject BudgetRepository budgets;
  @Inject BudgetService budgetService;
  @Inject JobRepository jobs;
  @Inject CostEventRepository costEvents;
  @Inject Clock clock;

  /** A job with what it costs now and what it cost in the budget's period. */
  public record JobCost(Job job, BigDecimal currentCost, BigDecimal inPeriod) {}

  /**
   * A budget now, for an alert.
   *
   * @param activeJobs queued, running and paused jobs in scope, most expensive first
   * @param topJobs the jobs that cost the most in the period, at most {@link #TOP_JOBS}
   * @param byClient the period's spend per client (jobs and cost events), largest first
   */
  public record Details(
      BudgetView view,
      List<JobCost> activeJobs,
      List<JobCost> topJobs,
      Map<String, BigDecimal> byClient) {}

  /**
   * @throws RequestRefusedException NOT_FOUND for an unknown budget
   */
  public Details details(long budgetId) {
    Budget budget = budgets.byId(budgetId).orElseThrow(() -> BudgetService.notFound(budgetId));
    BudgetService.Reading reading = budgetService.reading(budget);
    BudgetView view = reading.view();
    Instant now = reading.now();
    BudgetPeriod period = reading.period();
    // The jobs settled in the period (finished, every event inside it) are summed by the database
    // and cost their final cost; the others are costed here from their events.
    List<JobCost> costs = new ArrayList<>();
    for (JobHistory history : reading.jobs()) {
      JobAccrual accrual = JobAccrual.of(history.job().spec(), history.jobEvents(), now);
      costs.add(new JobCost(history.job(), accrual.current().currentCost(), accrual.in(period)));
    }
    List<JobCost> active =
        costs.stream()
            .filter(c -> !c.job().status().isFinished())
            .sorted(Comparator.comparing(JobCost::currentCost).reversed())
            .toList();
    List<JobCost> settled =
        jobs.costliestSettled(period, budget.scope(), TOP_JOBS).stream()
            .map(j -> new JobCost(j, j.finalCost().orElseThrow(), j.finalCost().orElseThrow()))
            .toList();
    List<JobCost> top =
        Stream.concat(costs.stream(), settled.stream())
            .filter(c -> c.inPeriod().signum() > 0)
            .sorted(Comparator.comparing(JobCost::inPeriod).reversed())
            .limit(TOP_JOBS)
            .toList();
    Map<String, BigDecimal> byClient = new LinkedHashMap<>();
    for (JobCost c : costs) {
      byClient.merge(c.job().client().orElse(SpendingSummary.NONE), c.inPeriod(), BigDecimal::add);
    }
    BigDecimal settledTotal = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> client :
        jobs.settledByClient(period, budget.scope()).entrySet()) {
      String name = client.getKey() == null ? SpendingSummary.NONE : client.getKey();
      byClient.merge(name, client.getValue(), BigDecimal::add);
      settledTotal = settledTotal.add(client.getValue());
    }
    Instant to = period.end().filter(end -> end.isBefore(now)).orElse(now);
    if (budget.scope().isWholeOrganisation() && period.start().isAfter(Instant.MIN)) {
      for (var group : costEvents.totalsBy(SpendDimension.CLIENT, period.start(), to)) {
        byClient.merge(
            group.key() == null ? SpendingSummary.NONE : group.key(),
            group.cost(),
            BigDecimal::add);
      }
    } else {
      // The scope's cost events are summed, not grouped: they belong to the scope's client when
      // it names one, else they are shown as one line.
      BigDecimal jobsTotal =
          costs.stream().map(JobCost::inPeriod).reduce(settledTotal, BigDecimal::add);
      BigDecimal events = view.status().spent().subtract(jobsTotal);
      byClient.merge(
          budget.scope().client().orElse(COST_EVENTS),
          events.max(BigDecimal.ZERO),
          BigDecimal::add);
    }
    Map<String, BigDecimal> sorted = new LinkedHashMap<>();
    byClient.entrySet().stream()
        .filter(e -> e.getValue().signum() > 0)
        .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return new Details(view, active, top, sorted);
  }

  /**
   * A job with its cost view now.
   *
   * @throws RequestRefusedException NOT_FOUND for an unknown job
   */
  public JobCostReading job(long jobId) {
    Job job = jobs.byId(jobId).orElseThrow(() -> JobService.noSuchJob(jobId));
    return JobCostReading.of(job, jobs.events(jobId), clock.instant());
  }

  /** Every job not yet ended, with its cost now, most expensive first. */
  public List<JobCost> activeJobs() {
    Instant now = clock.instant();
    List<Job> inProgress = jobs.inProgress();
    Map<Long, List<ReportedJobEvent>> events =
        jobs.eventsOf(inProgress.stream().map(Job::id).toList());
    return inProgress.stream()
        .map(
            job -> {
              BigDecimal cost =
                  JobCostReading.of(job, events.getOrDefault(job.id(), List.of()), now)
                      .view()
                      .currentCost();
              return new JobCost(job, cost, cost);
            })
        .sorted(Comparator.comparing(JobCost::currentCost).reversed())
        .toList();
  }

  /**
   * The budgets {@code username} manages or approves; when they look after none (or are nobody we
   * know), every enabled budget: anyone may read budgets.
   */
  public List<BudgetView> budgetsOf(Optional<String> username) {
    List<Budget> all = budgets.list(Optional.empty(), false);
    List<Budget> own =
        all.stream()
            .filter(
                b ->
                    username.isPresent()
                        && (b.manager().equals(username) || b.approver().equals(username)))
            .toList();
    List<Budget> shown = own.isEmpty() ? all.stream().filter(Budget::enabled).toList() : own;
    return shown.stream().map(budgetService::view).toList();
  }

  /** The budget whose id is {@code idOrName}, else the first whose name it is (any case). */
  public Optional<BudgetView> find(String idOrName) {
    List<Budget> all = budgets.list(Optional.empty(), false);
    return all.stream()
        .filter(b -> String.valueOf(b.id()).equals(idOrName))
        .findFirst()
        .or(() -> all.stream().filter(b -> b.name().equalsIgnoreCase(idOrName)).findFirst())
        .map(budgetService::view);
  }
}
