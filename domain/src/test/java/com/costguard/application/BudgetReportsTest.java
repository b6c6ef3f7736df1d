package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.application.BudgetReports.DaySpend;
import com.costguard.config.Configuration;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.model.budget.BudgetDefinition;
import com.costguard.model.costevent.Attribution;
import com.costguard.model.costevent.CostEvent;
import com.costguard.model.costevent.NewCostEvent;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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
}
