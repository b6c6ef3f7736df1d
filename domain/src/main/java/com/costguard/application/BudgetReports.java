package com.costguard.application;

import com.costguard.config.Configuration;
import com.costguard.cost.budget.BudgetCalendar;
import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.JobAccrual;
import com.costguard.cost.budget.PeriodType;
import com.costguard.cost.budget.SpendTrend;
import com.costguard.model.budget.Budget;
import com.costguard.model.budget.BudgetRepository;
import com.costguard.model.costevent.CostEventRepository;
import com.costguard.model.job.JobDayTotal;
import com.costguard.model.job.JobDimension;
import com.costguard.model.job.JobHistory;
import com.costguard.model.job.JobInPeriod;
import com.costguard.model.job.JobRepository;
import com.costguard.model.job.JobRepository.SettledJobs;
import com.costguard.model.job.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What the budget dashboard (SPEC §4) shows beside a budget's status ({@link BudgetService#get}):
 * the jobs that count in its current period, its spend day by day, and its spend in the last months
 * with their trend. Counted as the budget counts (SPEC §2: job costs accrued in the period by the
 * cost engine, {@link JobAccrual}, plus the cost events in scope), so the figures add up to the
 * budget's. Anyone signed in reads them.
 */
@ApplicationScoped
public class BudgetReports {

  /** The most days the daily series shows (a month; longer periods show their latest days). */
  public static final int MAX_DAYS = 31;

  @Inject BudgetRepository budgets;
  @Inject JobRepository jobs;
  @Inject CostEventRepository costEvents;
  @Inject Configuration configuration;
  @Inject Clock clock;

  /** A day's spend in scope and the period's spend up to the end of it. */
  public record DaySpend(LocalDate date, BigDecimal spent, BigDecimal cumulative) {}

  /** A calendar month's spend in scope. */
  public record MonthSpend(YearMonth month, BigDecimal spent, boolean complete) {}

  /** The months of a budget's history and their trend (empty with fewer than two months). */
  public record History(List<MonthSpend> months, Optional<SpendTrend> trend) {}

  /**
   * The jobs in the budget's scope that ran in its current period, with what each accrued in it:
   * those not settled there costed now, the settled ones left to the database ({@link PeriodJobs}).
   *
   * @throws RequestRefusedException NOT_FOUND for an unknown budget
   */
  public PeriodJobs jobsIn(long budgetId) {
    Budget budget = budget(budgetId);
    BudgetPeriod period = currentPeriod(budget);
    Instant now = clock.instant();
    // The finished jobs across the period's start from their stored days, when the rollups answer;
    // the others costed from their events.
    Optional<List<JobInPeriod>> finished = jobs.finishedAcross(calendar(), period, budget.scope());
    List<JobInPeriod> unsettled = new ArrayList<>(finished.orElse(List.of()));
    List<JobHistory> costed =
        finished.isPresent()
            ? jobs.unfinishedDuring(period, budget.scope())
            : jobs.unsettledDuring(period, budget.scope());
    for (JobHistory history : costed) {
      JobAccrual accrual = JobAccrual.of(history.job().spec(), history.jobEvents(), now);
      if (accrual.ranIn(period)) { // a queued job holds a reservation, but has cost nothing
        unsettled.add(
            JobInPeriod.of(history.job(), accrual.in(period), accrual.current().currentCost()));
      }
    }
    // The whole organisation's figures and creators from the rollups too: the settled jobs by
    // status are the finished ones that ran in the period less those across its start or end.
    Optional<Map<JobStatus, SettledJobs>> settled = Optional.empty();
    Optional<Set<String>> creators = Optional.empty();
    BudgetCalendar calendar = calendar();
    if (finished.isPresent() && budget.scope().isWholeOrganisation()) {
      LocalDate first = calendar.dayOf(period.start());
      LocalDate last = calendar.dayOf(period.end().orElseThrow()).minusDays(1);
      settled =
          jobs.finishedBy(JobDimension.STATUS, calendar, first, last)
              .map(byStatus -> settledOf(byStatus, finished.get()));
      creators =
          jobs.finishedBy(JobDimension.CREATOR, calendar, first, last)
              .map(
                  byCreator ->
                      byCreator.entrySet().stream()
                          .filter(c -> c.getValue().jobs() > 0)
                          .map(c -> c.getKey().orElseThrow())
                          .collect(Collectors.toSet()));
    }
    return new PeriodJobs(jobs, period, budget.scope(), unsettled, settled, creators);
  }

  /** The finished jobs that ran in the period by status, less those across its start or end. */
  private static Map<JobStatus, SettledJobs> settledOf(
      Map<Optional<String>, JobDayTotal> finished, List<JobInPeriod> across) {
    Map<JobStatus, SettledJobs> settled = new EnumMap<>(JobStatus.class);
    for (JobStatus status : JobStatus.values()) {
      JobDayTotal total = finished.getOrDefault(Optional.of(status.wireName()), JobDayTotal.NONE);
      BigDecimal cost = total.net();
      long count = total.jobs();
      for (JobInPeriod job : across) {
        if (job.status().equals(status.wireName())) {
          cost = cost.subtract(job.cost());
          count--;
        }
      }
      if (count > 0) {
        settled.put(status, new SettledJobs(cost, count));
      }
    }
    return settled;
  }

  /**
   * The budget's spend in each day of its current period up to today (at most the latest {@link
   * #MAX_DAYS}), and cumulated from the period's start, for the spend chart.
   */
  public List<DaySpend> days(long budgetId) {
    Budget budget = budget(budgetId);
    BudgetPeriod period = currentPeriod(budget);
    BudgetCalendar calendar = calendar();
    Instant now = clock.instant();
    LocalDate today = calendar.dayOf(now);
    LocalDate first = calendar.dayOf(period.start());
    LocalDate shownFrom =
        first.isBefore(today.minusDays(MAX_DAYS - 1L)) ? today.minusDays(MAX_DAYS - 1L) : first;
    // A long session or total period: what it spent before the days shown starts the cumulation.
    Optional<BudgetPeriod> earlier =
        shownFrom.isAfter(first)
            ? Optional.of(
                new BudgetPeriod(
                    period.start(),
                    period.startIncluded(),
                    Optional.of(calendar.startOf(shownFrom)),
                    false))
            : Optional.empty();
    BigDecimal before =
        earlier.map(e -> costEvents.total(e, budget.scope())).orElse(BigDecimal.ZERO);
    TreeMap<LocalDate, BigDecimal> spent = new TreeMap<>();
    for (LocalDate day = shownFrom; !day.isAfter(today); day = day.plusDays(1)) {
      spent.put(day, costEvents.total(within(period, calendar.day(day)), budget.scope()));
    }
    Instant from = earlier.isPresent() ? calendar.startOf(shownFrom) : period.start();
    Instant to = calendar.startOf(today.plusDays(1));
    BigDecimal[] earlierJobs = {BigDecimal.ZERO};
    Consumer<JobHistory> costed =
        history -> {
          JobAccrual accrual = JobAccrual.of(history.job().spec(), history.jobEvents(), now);
          earlier.ifPresent(e -> earlierJobs[0] = earlierJobs[0].add(accrual.in(e)));
          accrual
              .byDay(from, to, calendar)
              .forEach((day, cost) -> spent.merge(day, cost, BigDecimal::add));
        };
    // A period of whole days: the finished jobs' days from the rollups, the others costed here.
    Optional<SortedMap<LocalDate, JobDayTotal>> finished =
        calendar.startOf(first).equals(period.start()) && period.startIncluded()
            ? jobs.finishedByDay(calendar, first, today, budget.scope())
            : Optional.empty();
    if (finished.isPresent()) {
      finished
          .get()
          .forEach(
              (day, total) -> {
                if (day.isBefore(shownFrom)) {
                  earlierJobs[0] = earlierJobs[0].add(total.net());
                } else {
                  spent.merge(day, total.amount(), BigDecimal::add);
                }
              });
      jobs.unfinishedDuring(period, budget.scope()).forEach(costed);
    } else {
      // One job at a time: a month of jobs with their events does not fit in the heap at scale.
      jobs.eachDuring(period, budget.scope(), costed);
    }
    before = before.add(earlierJobs[0]);
    List<DaySpend> days = new ArrayList<>();
    BigDecimal cumulative = before;
    for (var day : spent.entrySet()) {
      cumulative = cumulative.add(day.getValue());
      days.add(new DaySpend(day.getKey(), day.getValue(), cumulative));
    }
    return days;
  }

  /**
   * The budget's scope's spend in each of the last {@code count} calendar months, this month (not
   * complete yet) last, and the trend of the complete ones ({@link SpendTrend}).
   */
  public History history(long budgetId, int count) {
    Budget budget = budget(budgetId);
    BudgetCalendar calendar = calendar();
    Instant now = clock.instant();
    YearMonth thisMonth = YearMonth.from(calendar.dayOf(now));
    YearMonth firstMonth = thisMonth.minusMonths(count - 1L);
    // The finished jobs' days of all the months from the rollups, in one read, when they answer.
    Optional<SortedMap<LocalDate, JobDayTotal>> finished =
        jobs.finishedByDay(calendar, firstMonth.atDay(1), thisMonth.atEndOfMonth(), budget.scope());
    List<MonthSpend> months = new ArrayList<>();
    for (int back = count - 1; back >= 0; back--) {
      YearMonth month = thisMonth.minusMonths(back);
      BudgetPeriod period =
          BudgetPeriod.startingAt(
              calendar.startOf(month.atDay(1)), calendar.startOf(month.plusMonths(1).atDay(1)));
      BigDecimal spent = costEvents.total(period, budget.scope());
      List<JobHistory> costed;
      if (finished.isPresent()) {
        spent =
            finished.get().subMap(month.atDay(1), month.plusMonths(1).atDay(1)).values().stream()
                .map(JobDayTotal::net)
                .reduce(spent, BigDecimal::add);
        costed = jobs.unfinishedDuring(period, budget.scope());
      } else {
        spent = spent.add(jobs.settledTotal(period, budget.scope()).total());
        costed = jobs.unsettledDuring(period, budget.scope());
      }
      for (JobHistory history : costed) {
        spent = spent.add(JobAccrual.of(history.job().spec(), history.jobEvents(), now).in(period));
      }
      months.add(new MonthSpend(month, spent, back > 0));
    }
    return new History(
        months,
        SpendTrend.of(
            months.stream().filter(MonthSpend::complete).map(MonthSpend::spent).toList()));
  }

  private Budget budget(long budgetId) {
    return budgets.byId(budgetId).orElseThrow(() -> BudgetService.notFound(budgetId));
  }

  private BudgetCalendar calendar() {
    return new BudgetCalendar(configuration.timezone());
  }

  private BudgetPeriod currentPeriod(Budget budget) {
    PeriodType type = budget.period();
    return calendar()
        .periodContaining(type, clock.instant(), budget.createdAt(), budget.lastResetAt());
  }

  /** The part of {@code day} inside {@code period} (a rolling or reset period starts mid-day). */
  private static BudgetPeriod within(BudgetPeriod period, BudgetPeriod day) {
    if (day.contains(period.start()) || day.start().equals(period.start())) {
      return new BudgetPeriod(period.start(), period.startIncluded(), day.end(), day.endIncluded());
    }
    return day;
  }
}
