package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.application.BudgetReports.DaySpend;
import com.costguard.config.Configuration;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.model.budget.BudgetDefinition;
import com.costguard.model.costevent.Attribution;
import com.costguard.model.costevent.CostEvent;
import com.costguard.model.costevent.NewCostEvent;
import com.costguard.model.job.JobCriteria;
import com.costguard.model.job.JobInPeriod;
import com.costguard.model.job.JobOrder;
import com.costguard.model.job.JobStatus;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's series count as the budget does, and add up to its spend. */
class BudgetReportsTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final User ADMIN =
      new User("admin", "admin@example.com", "Admin", EnumSet.of(Role.ADMIN), null, NOW);

  private final InMemoryBudgetRepository budgets = new InMemoryBudgetRepository();
  private final InMemoryCostEventRepository events = new InMemoryCostEventRepository();
  private final MovableClock clock = new MovableClock(NOW);
  private final BudgetReports reports = new BudgetReports();
  private BudgetService budgetService;
  private int keys;

  @BeforeEach
  void wire() {
    budgetService = Alerting.wired(budgets, events, clock).budgetService;
    reports.budgets = budgets;
    reports.jobs = budgetService.jobs;
    reports.costEvents = events;
    reports.configuration = Configuration.from(Map.of());
    reports.clock = clock;
  }

  private long budget(String period, String client) {
    return budgetService
        .create(
            Actor.api(ADMIN),
            new BudgetDefinition(
                "b",
                period,
                new BigDecimal("1000"),
                List.of(80, 95, 100),
                true,
                BudgetScope.ofNullable(client, null, null, null),
                false,
                false,
                Optional.empty(),
                Optional.empty()))
        .budget()
        .id();
  }

  private void spend(String client, String at, String amount) {
    NewCostEvent event =
        new NewCostEvent(
            "k" + keys++,
            Instant.parse(at),
            "llm.completion",
            Optional.of(new BigDecimal(amount)),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            new Attribution(
                Optional.of(client),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    events.add(new CostEvent(event, new BigDecimal(amount), "USD", Instant.parse(at)));
  }

  @Test
  void eachDayOfTheMonthUpToTodayCumulatesToTheBudgetsSpend() {
    long id = budget("calendar_month", "acme");
    spend("acme", "2026-11-02T09:00:00Z", "10");
    spend("acme", "2026-11-02T23:59:59Z", "5");
    spend("acme", "2026-11-23T08:00:00Z", "7.50");
    spend("globex", "2026-11-03T08:00:00Z", "100"); // out of scope
    spend("acme", "2026-10-31T23:00:00Z", "100"); // last month

    List<DaySpend> days = reports.days(id);

    assertThat(days).hasSize(23);
    assertThat(days.get(0).date()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(days.get(1).spent()).isEqualByComparingTo("15");
    assertThat(days.get(22).cumulative())
        .isEqualByComparingTo("22.50")
        .isEqualByComparingTo(budgetService.get(id).status().spent());
  }

  @Test
  void aLongPeriodShowsItsLatestDaysCumulatedFromItsStart() {
    clock.set(Instant.parse("2026-06-01T00:00:00Z"));
    long id = budget("total", "acme");
    spend("acme", "2026-06-10T09:00:00Z", "40");
    spend("acme", "2026-11-20T09:00:00Z", "2");
    clock.set(NOW);

    List<DaySpend> days = reports.days(id);

    assertThat(days).hasSize(BudgetReports.MAX_DAYS);
    assertThat(days.get(0).date()).isEqualTo(LocalDate.of(2026, 10, 24));
    assertThat(days.get(0).cumulative()).isEqualByComparingTo("40");
    assertThat(days.get(days.size() - 1).cumulative()).isEqualByComparingTo("42");
  }

  @Test
  void theHistoryHasSixMonthsThisOneLastWithTheTrendOfTheCompleteOnes() {
    long id = budget("calendar_month", "acme");
    spend("acme", "2026-08-15T09:00:00Z", "100");
    spend("acme", "2026-09-15T09:00:00Z", "150");
    spend("acme", "2026-10-15T09:00:00Z", "200");
    spend("acme", "2026-11-15T09:00:00Z", "30");

    BudgetReports.History history = reports.history(id, 6);

    assertThat(history.months())
        .extracting(BudgetReports.MonthSpend::month)
        .containsExactly(
            YearMonth.of(2026, 6),
            YearMonth.of(2026, 7),
            YearMonth.of(2026, 8),
            YearMonth.of(2026, 9),
            YearMonth.of(2026, 10),
            YearMonth.of(2026, 11));
    assertThat(history.months().get(5).complete()).isFalse();
    assertThat(history.months().get(5).spent()).isEqualByComparingTo("30");
    assertThat(history.trend().orElseThrow().nextMonth()).isEqualByComparingTo("250");
  }

  /**
   * The finished jobs' days read from the daily rollups give the budget's view, its job table, the
   * chart and the months of history that costing every job from its events gives: jobs across the
   * month's start, one the months before, a paused and a running one, another client's; monthly,
   * weekly and total budgets (the last one's chart starts before its days: the rollups are read for
   * whole days only).
   */
  @Test
  void theDailyRollupsAnswerTheChartAndTheHistoryAsCostingEveryJobDoes() {
    clock.set(RecordedJobs.at("+2 12:00"));
    RecordedJobs recorded = new RecordedJobs(clock);
    reports.jobs = recorded.repository;
    budgetService.jobs = recorded.repository;
    recorded.report(recorded.create("acme"), "-3 22:00 started; -1 02:00 completed");
    recorded.report(recorded.create("acme"), "-40 10:00 started; -40 12:00 completed");
    recorded.report(recorded.create("acme"), "-33 22:00 started; -31 02:00 failed");
    recorded.report(recorded.create("acme"), "08:00 started; 09:00 paused");
    recorded.report(recorded.create("acme"), "+1 20:00 started");
    recorded.report(recorded.create("globex"), "-2 08:00 started; 10:00 completed");
    spend("acme", "2026-03-03T09:00:00Z", "2.50");
    for (String period : List.of("calendar_month", "weekly", "daily", "total")) {
      for (String client : Arrays.asList("acme", null)) {
        long id = budget(period, client);
        recorded.repository.rollups = true;
        List<BudgetReports.DaySpend> days = reports.days(id);
        BudgetReports.History history = reports.history(id, 6);
        BudgetView view = budgetService.get(id);
        PeriodJobs jobs = reports.jobsIn(id);
        recorded.repository.rollups = false;

        assertThat(view).as(period + " " + client).isEqualTo(budgetService.get(id));
        PeriodJobs costed = reports.jobsIn(id);
        assertThat(jobs.figures()).as(period + " " + client).isEqualTo(costed.figures());
        assertThat(jobs.creators()).as(period + " " + client).isEqualTo(costed.creators());
        assertThat(jobs.count(JobCriteria.ANY)).isEqualTo(costed.count(JobCriteria.ANY));
        assertThat(rows(jobs)).as(period + " " + client).isEqualTo(rows(costed));
        assertThat(rows(jobs).isEmpty()).isEqualTo(period.equals("total")); // created just now

        assertThat(days).as(period + " " + client).isEqualTo(reports.days(id));
        assertThat(history).as(period + " " + client).isEqualTo(reports.history(id, 6));
      }
    }
  }

  /** Every row of the job table, costliest first. */
  private static List<JobInPeriod> rows(PeriodJobs jobs) {
    List<JobInPeriod> rows = new ArrayList<>();
    jobs.each(JobCriteria.ANY, JobOrder.COSTLIEST, rows::add);
    return rows;
  }

  @Test
  void theJobTableMergesSettledAndUnsettledJobsAlikeInEveryOrderAndOnEveryPage() {
    clock.set(RecordedJobs.at("12:00"));
    RecordedJobs recorded = new RecordedJobs(clock);
    reports.jobs = recorded.repository;
    for (int i = 0; i < 7; i++) { // settled in March: 5 to 35 minutes, 0.10 to 0.70
      recorded.report(
          recorded.create("acme"), "0%d:00 started; 0%d:%02d completed".formatted(i, i, 5 * i + 5));
    }
    recorded.report(recorded.create("acme"), "-2 22:00 started"); // running: 36 h in March, 43.20
    recorded.report(
        recorded.create("acme"), "-2 23:00 started; 01:00 completed"); // across: 1 d 1 h
    recorded.report(recorded.create("acme"), "08:00 started; 09:00 paused"); // 1.20
    recorded.create("acme"); // queued: not in the table
    recorded.report(recorded.create("globex"), "08:00 started; 08:30 completed"); // out of scope
    long id = budget("calendar_month", "acme");

    PeriodJobs jobs = reports.jobsIn(id);

    PeriodJobs.Figures figures = jobs.figures();
    assertThat(figures.count()).isEqualTo(10);
    assertThat(figures.completed()).isEqualTo(8);
    assertThat(figures.active()).isEqualTo(2);
    // 0.10 + … + 0.70 = 2.80, 43.20 running, 25 h × 1.20 = 30.00 across the start, 1.20 paused
    assertThat(figures.total()).isEqualByComparingTo("77.20");
    assertThat(figures.costliestActive().orElseThrow().cost()).isEqualByComparingTo("43.20");
    assertThat(jobs.creators()).containsExactly("alice");
    for (JobOrder.Field field : JobOrder.Field.values()) {
      for (boolean descending : List.of(false, true)) {
        JobOrder order = new JobOrder(field, descending);
        List<JobInPeriod> all = new ArrayList<>();
        jobs.each(JobCriteria.ANY, order, all::add);
        assertThat(all).hasSize(10).isSortedAccordingTo(order.comparator());
        List<JobInPeriod> paged = new ArrayList<>();
        for (int first = 0; first < 12; first += 3) {
          paged.addAll(jobs.page(JobCriteria.ANY, order, first, 3));
        }
        assertThat(paged).as(order.toString()).isEqualTo(all);
      }
    }
    JobCriteria costly =
        new JobCriteria(
            Optional.of(JobStatus.COMPLETED),
            Optional.empty(),
            Optional.empty(),
            Optional.of("alice"),
            Optional.of(new BigDecimal("0.55")),
            Optional.empty());
    assertThat(jobs.count(costly)).isEqualTo(3); // 0.60, 0.70, 30.00
    assertThat(jobs.page(costly, JobOrder.COSTLIEST, 0, 25))
        .extracting(JobInPeriod::cost)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("30.00"), new BigDecimal("0.70"), new BigDecimal("0.60"));
  }
}
