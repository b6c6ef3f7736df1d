package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.config.Configuration;
import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.budget.BudgetStatus;
import com.costguard.cost.budget.Forecast;
import com.costguard.cost.budget.PeriodType;
import com.costguard.model.audit.AuditEntry;
import com.costguard.model.audit.ChainVerification;
import com.costguard.model.budget.BudgetDefinition;
import com.costguard.model.costevent.Attribution;
import com.costguard.model.costevent.CostEvent;
import com.costguard.model.costevent.NewCostEvent;
import com.costguard.model.job.Job;
import com.costguard.model.job.JobRepository;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class BudgetServiceTest {

  /** A Monday, the 23rd of a 30-day month. */
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private static final Actor ADMIN = Actor.api(user(Role.ADMIN));

  private final InMemoryBudgetRepository budgets = new InMemoryBudgetRepository();
  private final InMemoryCostEventRepository events = new InMemoryCostEventRepository();
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final InMemoryAuditRepository auditLog = new InMemoryAuditRepository();
  private final BudgetService service = new BudgetService();
  private final MovableClock clock = new MovableClock(NOW);
  private final RecordedJobs jobs = new RecordedJobs(clock);
  private final BudgetAlerts alerting = new BudgetAlerts();

  @BeforeEach
  void wire() {
    service.budgets = budgets;
    service.costEvents = events;
    service.jobs = jobs.repository;
    service.users = users;
    service.configuration = Configuration.from(Map.of());
    service.audit = new AuditLog();
    service.audit.log = auditLog;
    service.alerts = alerting;
    alerting.budgets = budgets;
    alerting.budgetService = service;
    alerting.configuration = service.configuration;
    alerting.alerts = new InMemoryAlertRepository(budgets, service.configuration);
    at(NOW);
    users.add(
        new User("alice", "alice@example.com", "Alice", EnumSet.of(Role.APPROVER), null, NOW));
  }

  private void at(Instant now) {
    clock.set(now);
    service.clock = clock;
    service.audit.clock = clock;
    alerting.clock = clock;
  }

  private void zone(String zone) {
    service.configuration = Configuration.from(Map.of("COSTGUARD_TIMEZONE", zone));
  }

  private static User user(Role role) {
    return new User("u-" + role, role + "@example.com", "U", EnumSet.of(role), null, NOW);
  }

  /** A budget of client Acme, thresholds 80/95/100, enabled, not blocking, no rollover. */
  private static BudgetDefinition acme(String period, String limit) {
    return new BudgetDefinition(
        "Acme " + period,
        period,
        new BigDecimal(limit),
        List.of(80, 95, 100),
        true,
        BudgetScope.ofNullable("Acme", null, null, null),
        false,
        false,
        Optional.empty(),
        Optional.empty());
  }

  private void spent(String at, String amount, String client) {
    NewCostEvent event =
        new NewCostEvent(
            "k" + events.stored.size(),
            Instant.parse(at),
            "llm",
            Optional.of(new BigDecimal(amount)),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            new Attribution(
                Optional.ofNullable(client),
                Optional.of("Support assistant"),
                Optional.of("applied-ai"),
                Optional.empty(),
                Optional.of("openai"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    events.add(new CostEvent(event, new BigDecimal(amount), "USD", NOW));
  }

  private long created(BudgetDefinition definition) {
    return service.create(ADMIN, definition).budget().id();
  }

  @Test
  void aNewBudgetTakesTheDefaultsForWhatIsNotGiven() {
    BudgetDefinition given =
        with(with(BudgetDefinition.defaults(), "name", "Everything"), "limit", "1000");

    BudgetView view = service.create(ADMIN, given);

    assertThat(view.budget().id()).isPositive();
    assertThat(view.budget().name()).isEqualTo("Everything");
    assertThat(view.budget().period()).isEqualTo(PeriodType.CALENDAR_MONTH);
    assertThat(view.budget().thresholds().percents()).containsExactly(80, 95, 100);
    assertThat(view.budget().enabled()).isTrue();
    assertThat(view.budget().scope().isWholeOrganisation()).isTrue();
    assertThat(view.budget().blockNewJobs()).isFalse();
    assertThat(view.budget().rollover()).isFalse();
    assertThat(view.budget().createdAt()).isEqualTo(NOW);
    assertThat(service.get(view.budget().id()).budget().definition()).isEqualTo(given);
  }

  @Test
  void aMonthlyBudgetCountsThisMonthsCostEventsInItsScope() {
    spent("2026-11-01T00:00:00Z", "250.00", "Acme"); // the month's first instant counts
    spent("2026-11-23T09:00:00Z", "150.005", "Acme");
    spent("2026-11-22T12:00:00Z", "1000", "Globex"); // another client
    spent("2026-11-22T12:00:00Z", "1000", null); // no client
    spent("2026-10-31T23:59:59.999999Z", "70", "Acme"); // last month

    BudgetStatus status = service.get(created(acme("calendar_month", "500"))).status();

    assertThat(status.spent()).isEqualByComparingTo("400.005");
    assertThat(status.reserved()).isEqualByComparingTo("0");
    assertThat(status.rollover()).isEqualByComparingTo("0");
    assertThat(status.usagePercentage()).isEqualTo(new BigDecimal("80.00")); // 80.001
    assertThat(status.remaining()).isEqualByComparingTo("99.995");
    assertThat(status.isExceeded()).isFalse();
    assertThat(status.periodStart()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(status.periodEnd()).contains(Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void theForecastExtrapolatesTheAverageDayToTheMonthsEnd() {
    spent("2026-11-01T00:00:00Z", "250.00", "Acme");
    spent("2026-11-23T09:00:00Z", "150.005", "Acme");

    var forecast = service.get(created(acme("calendar_month", "500"))).forecast().orElseThrow();

    // 400.005 over 23 days is 17.39 a day; 7 days remain: 400.005 + 7 × 17.39
    assertThat(forecast.averageDailyCostEvents()).isEqualByComparingTo("17.39");
    assertThat(forecast.low()).isEqualByComparingTo("521.735");
    assertThat(forecast.high()).isEqualByComparingTo("521.735");
  }

  @Test
  void spendEqualToTheLimitExceedsIt() {
    spent("2026-11-02T00:00:00Z", "499.999999", "Acme");
    long id = created(acme("calendar_month", "500"));
    assertThat(service.get(id).status().isExceeded()).isFalse();

    spent("2026-11-03T00:00:00Z", "0.000001", "Acme");

    BudgetStatus status = service.get(id).status();
    assertThat(status.isExceeded()).isTrue();
    assertThat(status.remaining()).isEqualByComparingTo("0");
    assertThat(status.usagePercentage()).isEqualTo(new BigDecimal("100.00"));
  }

  @Test
  void aDailyBudgetCountsTodayInTheInstallationsZone() {
    zone("Europe/Berlin"); // 23 Nov starts at 2026-11-22T23:00Z
    spent("2026-11-22T22:59:59Z", "40", "Acme"); // 23:59:59 on the 22nd in Berlin
    spent("2026-11-22T23:00:00Z", "100", "Acme");
    spent("2026-11-23T09:00:00Z", "50.005", "Acme");

    BudgetView daily = service.get(created(acme("daily", "100")));
    BudgetView monthly = service.get(created(acme("calendar_month", "1000")));

    assertThat(daily.status().spent()).isEqualByComparingTo("150.005");
    assertThat(daily.status().usagePercentage()).isEqualTo(new BigDecimal("150.01"));
    assertThat(daily.status().isExceeded()).isTrue();
    assertThat(daily.status().periodStart()).isEqualTo(Instant.parse("2026-11-22T23:00:00Z"));
    assertThat(daily.status().periodEnd()).contains(Instant.parse("2026-11-23T23:00:00Z"));
    assertThat(daily.forecast().orElseThrow().low()).isEqualByComparingTo("150.005");
    assertThat(monthly.status().spent()).isEqualByComparingTo("190.005");
    assertThat(monthly.status().periodStart()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
  }

  @Test
  void aRollingBudgetCountsTheLastThirtyDaysAndHasNoForecast() {
    spent("2026-10-24T10:00:00Z", "30", "Acme"); // exactly 30 days ago: outside
    spent("2026-10-24T10:00:01Z", "20", "Acme");
    spent("2026-11-23T10:00:00Z", "5", "Acme"); // now: inside

    BudgetView view = service.get(created(acme("rolling_30_days", "100")));

    assertThat(view.status().spent()).isEqualByComparingTo("25");
    assertThat(view.status().periodEnd()).contains(NOW);
    assertThat(view.forecast()).isEmpty();
  }

  @Test
  void aTotalBudgetRunsFromItsCreationUntilAResetZeroesIt() {
    spent("2026-11-01T00:00:00Z", "10", "Acme"); // before the budget existed
    at(Instant.parse("2026-11-05T00:00:00Z"));
    long id = created(acme("total", "100"));
    spent("2026-11-06T00:00:00Z", "42.50", "Acme");
    at(NOW);

    BudgetView before = service.get(id);
    assertThat(before.status().spent()).isEqualByComparingTo("42.50");
    assertThat(before.status().periodStart()).isEqualTo(Instant.parse("2026-11-05T00:00:00Z"));
    assertThat(before.status().periodEnd()).isEmpty();
    assertThat(before.forecast()).isEmpty();

    BudgetView reset = service.reset(ADMIN, id);

    assertThat(reset.status().spent()).isEqualByComparingTo("0");
    assertThat(reset.status().periodStart()).isEqualTo(NOW);
    assertThat(reset.budget().lastResetAt()).contains(NOW);
    spent("2026-11-23T10:00:00Z", "1.25", "Acme");
    assertThat(service.get(id).status().spent()).isEqualByComparingTo("1.25");
  }

  @Test
  void aResetSplitsTheCalendarPeriod() {
    spent("2026-11-10T00:00:00Z", "300", "Acme");
    long id = created(acme("calendar_month", "500"));
    at(Instant.parse("2026-11-20T00:00:00Z"));
    service.reset(ADMIN, id);
    spent("2026-11-21T00:00:00Z", "50", "Acme");
    at(NOW);

    BudgetStatus status = service.get(id).status();

    assertThat(status.spent()).isEqualByComparingTo("50");
    assertThat(status.periodStart()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
    assertThat(status.periodEnd()).contains(Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void unusedLimitOfLastMonthRollsOverCappedAtOneLimit() {
    at(Instant.parse("2026-10-15T00:00:00Z"));
    long rolling = created(rollingOver(acme("calendar_month", "500")));
    long notRolling = created(acme("calendar_month", "500"));
    at(NOW);
    spent("2026-10-20T00:00:00Z", "70", "Acme");
    spent("2026-11-02T00:00:00Z", "400.005", "Acme");

    BudgetStatus status = service.get(rolling).status();

    assertThat(status.rollover()).isEqualByComparingTo("430");
    assertThat(status.usagePercentage()).isEqualTo(new BigDecimal("43.01")); // of 930
    assertThat(status.remaining()).isEqualByComparingTo("529.995");
    assertThat(service.get(notRolling).status().rollover()).isEqualByComparingTo("0");
  }

  @Test
  void aQuietMonthRollsOverOneLimitAtMost() {
    at(Instant.parse("2026-09-15T00:00:00Z"));
    long id = created(rollingOver(acme("calendar_month", "500")));
    at(NOW);

    assertThat(service.get(id).status().rollover()).isEqualByComparingTo("500");
  }

  @Test
  void nothingRollsOverFromBeforeTheBudgetExistedNorIntoAPeriodBegunByAReset() {
    at(Instant.parse("2026-11-02T00:00:00Z"));
    long createdThisMonth = created(rollingOver(acme("calendar_month", "500")));
    at(Instant.parse("2026-10-02T00:00:00Z"));
    long reset = created(rollingOver(acme("calendar_month", "500")));
    at(Instant.parse("2026-11-20T00:00:00Z"));
    service.reset(ADMIN, reset);
    at(NOW);

    assertThat(service.get(createdThisMonth).status().rollover()).isEqualByComparingTo("0");
    assertThat(service.get(reset).status().rollover()).isEqualByComparingTo("0");
  }

  private static BudgetDefinition rollingOver(BudgetDefinition d) {
    return new BudgetDefinition(
        d.name(),
        d.period(),
        d.limit(),
        d.thresholds(),
        d.enabled(),
        d.scope(),
        d.blockNewJobs(),
        true,
        d.approver(),
        d.manager());
  }

  @Test
  void theListFiltersByPeriodAndEnabled() {
    long daily = created(acme("daily", "10"));
    long monthly = created(acme("calendar_month", "100"));
    long disabled = created(with(acme("daily", "10"), "enabled", "false"));

    assertThat(ids(service.list(Optional.empty(), false)))
        .containsExactly(daily, monthly, disabled);
    assertThat(ids(service.list(Optional.of(PeriodType.DAILY), false)))
        .containsExactly(daily, disabled);
    assertThat(ids(service.list(Optional.of(PeriodType.DAILY), true))).containsExactly(daily);
    assertThat(ids(service.list(Optional.empty(), true))).containsExactly(daily, monthly);
  }

  private static List<Long> ids(List<BudgetView> views) {
    return views.stream().map(v -> v.budget().id()).toList();
  }

  @Test
  void anUpdateReplacesWhatItChangesAndKeepsTheRest() {
    long id = created(acme("calendar_month", "500"));
    at(NOW.plusSeconds(60));

    BudgetView updated =
        service.update(
            Actor.api(user(Role.BUDGET_MANAGER)), id, current -> with(current, "limit", "750.50"));

    assertThat(updated.budget().limit()).isEqualByComparingTo("750.50");
    assertThat(updated.budget().name()).isEqualTo("Acme calendar_month");
    assertThat(updated.budget().scope().client()).contains("Acme");
    assertThat(updated.budget().createdAt()).isEqualTo(NOW);
    assertThat(updated.budget().updatedAt()).isEqualTo(NOW.plusSeconds(60));
    assertThat(service.get(id).budget().limit()).isEqualByComparingTo("750.50");
  }

  @Test
  void anInvalidUpdateChangesNothing() {
    long id = created(acme("calendar_month", "500"));

    assertThatThrownBy(() -> service.update(ADMIN, id, current -> with(current, "limit", "0")))
        .hasFieldOrPropertyWithValue("reason", Reason.VALIDATION);
    assertThat(service.get(id).budget().limit()).isEqualByComparingTo("500");
  }

  @Test
  void approverAndManagerNameExistingUsers() {
    BudgetDefinition d = with(with(acme("daily", "10"), "approver", "alice"), "manager", "alice");

    BudgetView view = service.create(ADMIN, d);

    assertThat(view.budget().approver()).contains("alice");
    assertThat(view.budget().manager()).contains("alice");
  }

  @Test
  void aDeletedBudgetIsGone() {
    long id = created(acme("daily", "10"));

    service.delete(ADMIN, id);

    assertThat(budgets.stored).isEmpty();
    assertRefused(() -> service.get(id), Reason.NOT_FOUND);
  }

  @Test
  void anUnknownBudgetIsNotFound() {
    assertRefused(() -> service.get(404), Reason.NOT_FOUND);
    assertRefused(() -> service.update(ADMIN, 404, d -> d), Reason.NOT_FOUND);
    assertRefused(() -> service.delete(ADMIN, 404), Reason.NOT_FOUND);
    assertRefused(() -> service.reset(ADMIN, 404), Reason.NOT_FOUND);
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"APPROVER", "ENGINEER", "VIEWER"})
  void onlyAnAdminOrABudgetManagerChangesBudgets(Role role) {
    Actor actor = Actor.api(user(role));
    long id = created(acme("calendar_month", "500"));

    assertRefused(() -> service.create(actor, acme("daily", "10")), Reason.FORBIDDEN);
    assertRefused(() -> service.update(actor, id, d -> with(d, "limit", "1")), Reason.FORBIDDEN);
    assertRefused(() -> service.reset(actor, id), Reason.FORBIDDEN);
    assertRefused(() -> service.delete(actor, id), Reason.FORBIDDEN);

    assertThat(budgets.stored).hasSize(1);
    assertThat(service.get(id).budget().limit()).isEqualByComparingTo("500");
    assertThat(service.get(id).budget().lastResetAt()).isEmpty();
    assertThat(service.list(Optional.empty(), false)).hasSize(1); // anyone may read
  }

  @Test
  void aBudgetManagerChangesBudgets() {
    Actor manager = Actor.api(user(Role.BUDGET_MANAGER));
    long id = service.create(manager, acme("daily", "10")).budget().id();

    service.reset(manager, id);
    service.delete(manager, id);

    assertThat(budgets.stored).isEmpty();
  }

  @Test
  void everyChangeIsAuditedWithItsActorChannelAndTheFieldsItChanged() {
    long id = created(acme("calendar_month", "500"));
    Actor manager = Actor.portal(user(Role.BUDGET_MANAGER));
    at(NOW.plusSeconds(60));

    service.update(manager, id, d -> with(with(d, "limit", "750.5"), "enabled", "false"));
    service.update(manager, id, d -> with(d, "approver", "alice"));
    service.update(manager, id, d -> with(d, "thresholds", "100 80 95 95")); // as it was
    service.update(ADMIN, id, d -> with(d, "limit", "500"));
    service.reset(ADMIN, id);
    service.delete(ADMIN, id);

    String created =
        "{\"name\":\"Acme calendar_month\",\"period\":\"calendar_month\",\"limit\":500.00,"
            + "\"thresholds\":[80,95,100],\"enabled\":true,\"scope\":{\"client\":\"Acme\","
            + "\"project\":null,\"team\":null,\"provider\":null},\"blockNewJobs\":false,"
            + "\"rollover\":false,\"approver\":null,\"manager\":null}";
    String deleted =
        created
            .replace("\"approver\":null", "\"approver\":\"alice\"")
            .replace("\"enabled\":true", "\"enabled\":false");
    assertThat(auditLog.stored)
        .extracting(
            AuditEntry::seq,
            AuditEntry::action,
            AuditEntry::actor,
            AuditEntry::channel,
            e -> e.oldValue().orElse(null),
            e -> e.newValue().orElse(null),
            e -> e.changePercent().map(BigDecimal::toPlainString).orElse(null))
        .containsExactly(
            tuple(1L, "budget.created", "u-ADMIN", "api", null, created, null),
            tuple(
                2L,
                "budget.limit_changed",
                "u-BUDGET_MANAGER",
                "portal",
                "{\"limit\":500.00,\"enabled\":true}",
                "{\"limit\":750.50,\"enabled\":false}",
                "50.10"),
            tuple(
                3L,
                "budget.updated",
                "u-BUDGET_MANAGER",
                "portal",
                "{\"approver\":null}",
                "{\"approver\":\"alice\"}",
                null),
            tuple(
                4L,
                "budget.limit_changed",
                "u-ADMIN",
                "api",
                "{\"limit\":750.50}",
                "{\"limit\":500.00}",
                "-33.38"),
            tuple(
                5L,
                "budget.reset",
                "u-ADMIN",
                "api",
                "{\"lastResetAt\":null}",
                "{\"lastResetAt\":\"2026-11-23T10:01:00Z\"}",
                null),
            tuple(6L, "budget.deleted", "u-ADMIN", "api", deleted, null, null));
    assertThat(auditLog.stored)
        .allSatisfy(
            e -> {
              assertThat(e.subjectType()).isEqualTo("budget");
              assertThat(e.subjectId()).isEqualTo(String.valueOf(id));
            });
    assertThat(auditLog.stored.get(1).at()).isEqualTo(NOW.plusSeconds(60));
    AuditLog reader = service.audit;
    assertThat(reader.verify(user(Role.APPROVER))).isEqualTo(ChainVerification.intact(6));
  }

  @Test
  void aRefusedChangeIsNotAudited() {
    long id = created(acme("calendar_month", "500"));
    Actor viewer = Actor.api(user(Role.VIEWER));

    assertRefused(() -> service.update(ADMIN, id, d -> with(d, "limit", "0")), Reason.VALIDATION);
    assertRefused(() -> service.update(viewer, id, d -> with(d, "limit", "1")), Reason.FORBIDDEN);
    assertRefused(() -> service.reset(viewer, id), Reason.FORBIDDEN);
    assertRefused(() -> service.delete(ADMIN, 404), Reason.NOT_FOUND);
    assertRefused(
        () -> service.create(ADMIN, with(acme("daily", "1"), "name", null)), Reason.VALIDATION);

    assertThat(auditLog.stored).extracting(AuditEntry::action).containsExactly("budget.created");
  }

  static List<Arguments> invalidDefinitions() {
    return List.of(
        invalid("no name", "name", null, "name"),
        invalid("blank name", "name", " ", "name"),
        invalid("long name", "name", "n".repeat(201), "name"),
        invalid("no period", "period", null, "period"),
        invalid("seed's monthly", "period", "monthly", "period"),
        invalid("upper case", "period", "DAILY", "period"),
        invalid("no limit", "limit", null, "limit"),
        invalid("zero limit", "limit", "0", "limit"),
        invalid("negative limit", "limit", "-5", "limit"),
        invalid("seven decimals", "limit", "0.0000001", "limit"),
        invalid("over a trillion", "limit", "1000000000000.000001", "limit"),
        invalid("no thresholds", "thresholds", null, "thresholds"),
        invalid("zero percent", "thresholds", "80 0", "thresholds[1]"),
        invalid("over 1000 percent", "thresholds", "1001", "thresholds[0]"),
        invalid("long client", "client", "c".repeat(201), "scope.client"),
        invalid("long project", "project", "p".repeat(201), "scope.project"),
        invalid("long team", "team", "t".repeat(201), "scope.team"),
        invalid("long provider", "provider", "p".repeat(201), "scope.provider"),
        invalid("unknown approver", "approver", "bob", "approver"),
        invalid("unknown manager", "manager", "bob", "manager"));
  }

  private static Arguments invalid(String name, String field, String value, String refused) {
    return Arguments.of(name, with(acme("calendar_month", "500"), field, value), refused);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDefinitions")
  void anInvalidDefinitionIsRefusedNamingItsField(String name, BudgetDefinition bad, String field) {
    assertThatThrownBy(() -> service.create(ADMIN, bad))
        .isInstanceOfSatisfying(
            RequestRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.VALIDATION);
              assertThat(e.field()).contains(field);
              assertThat(e.getMessage()).isNotBlank();
            });
    assertThat(budgets.stored).isEmpty();
  }

  @Test
  void theEdgesOfTheRulesAreAccepted() {
    BudgetDefinition edges =
        with(
            with(
                with(acme("session", "1000000000000"), "thresholds", "1 1000"),
                "name",
                "n".repeat(200)),
            "client",
            "c".repeat(200));

    BudgetView view = service.create(ADMIN, edges);

    assertThat(view.budget().thresholds().percents()).containsExactly(1, 1000);
    assertThat(service.create(ADMIN, with(acme("weekly", "0.000001"), "thresholds", "")))
        .satisfies(v -> assertThat(v.budget().thresholds().percents()).isEmpty());
  }

  /**
   * Job costs in budgets: what jobs in scope accrued in the period, what queued and running ones
   * reserve, and what active ones add to the forecast. At noon on Monday 2 March 2026, the day of
   * {@link RecordedJobs}' events; each job an A100 at $1.20/h estimated at $1-$100.
   */
  @Nested
  class JobCosts {

    @BeforeEach
    void noon() {
      at(RecordedJobs.at("12:00"));
    }

    @Test
    void aMonthlyBudgetCountsWhatJobsInItsScopeAccruedThisMonthBesideItsCostEvents() {
      // since Saturday 28 February 22:00: 2 h in February, 36 h (43.20) in March so far
      jobs.report(jobs.create("Acme"), "-2 22:00 started");
      jobs.report(jobs.create("Acme"), "08:00 started; 09:30 completed"); // 1.80
      jobs.report(jobs.create("Acme"), "-3 08:00 started; -3 10:00 completed"); // February's
      jobs.report(jobs.create("Globex"), "08:00 started"); // another client
      jobs.report(jobs.create(null), "08:00 started"); // no client
      spent("2026-03-02T09:00:00Z", "10.005", "Acme");

      BudgetStatus status = service.get(created(acme("calendar_month", "500"))).status();

      assertThat(status.spent()).isEqualByComparingTo("55.005"); // 43.20 + 1.80 + 10.005
      assertThat(status.usagePercentage()).isEqualTo(new BigDecimal("11.00"));
      assertThat(status.reserved()).isEqualByComparingTo("54.40"); // 100 − 45.60 (38 h)
    }

    @Test
    void aFinishedJobWithEveryEventInThePeriodCountsItsFinalCostAndOneAcrossItsStartItsShare() {
      Job inside = jobs.report(jobs.create("Acme"), "08:00 started; 09:30 completed"); // 1.80
      // started Saturday 28 February 22:00, completed today 02:00: 2 h in February, 26 h in March
      Job across = jobs.report(jobs.create("Acme"), "-2 22:00 started; 02:00 completed");
      long id = created(acme("calendar_month", "500"));
      BudgetPeriod march =
          BudgetPeriod.startingAt(
              Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"));

      BudgetStatus status = service.get(id).status();

      assertThat(inside.settledIn(march)).isTrue();
      assertThat(across.settledIn(march)).isFalse();
      JobRepository.SettledJobs settled =
          jobs.repository.settledTotal(march, BudgetScope.ofNullable("Acme", null, null, null));
      assertThat(settled.total()).isEqualByComparingTo("1.80");
      assertThat(settled.count()).isEqualTo(1);
      assertThat(status.spent()).isEqualByComparingTo("33.00"); // 1.80 + 26 h × 1.20
      assertThat(status.reserved()).isEqualByComparingTo("0");
    }

    @Test
    void queuedAndRunningJobsInScopeHoldWhatTheyHaveNotSpentOfTheirEstimate() {
      jobs.create("Acme"); // queued: all of its 100
      jobs.report(jobs.create("Acme"), "08:00 started; 09:00 paused"); // 1.20 spent: 98.80
      jobs.report(jobs.create("Acme"), "10:00 started"); // 2.40 spent: 97.60
      jobs.report(
          jobs.create("Acme", Optional.empty(), "ml-platform", "aws", "1"),
          "08:00 started"); // 4.80 spent of at most 1: nothing
      jobs.report(jobs.create("Acme"), "08:00 started; 08:30 completed"); // ended: nothing
      jobs.create("Globex"); // another client's

      BudgetStatus status = service.get(created(acme("calendar_month", "500"))).status();

      assertThat(status.reserved()).isEqualByComparingTo("296.40");
      assertThat(status.spent()).isEqualByComparingTo("9.00"); // 1.20 + 2.40 + 4.80 + 0.60
      assertThat(status.remaining()).isEqualByComparingTo("491.00"); // reservations aside
    }

    @Test
    void aBudgetScopedByTeamOrProviderCountsTheJobsWithThatAttribution() {
      jobs.report(
          jobs.create("Acme", Optional.empty(), "ml-platform", "aws", "100"), "08:00 started");
      jobs.report(
          jobs.create("Globex", Optional.empty(), "research", "gcp", "100"), "10:00 started");
      BudgetDefinition everyone = with(acme("daily", "100"), "client", null);

      BudgetStatus team = service.get(created(with(everyone, "team", "ml-platform"))).status();
      BudgetStatus gcp = service.get(created(with(everyone, "provider", "gcp"))).status();
      BudgetStatus all = service.get(created(everyone)).status();

      assertThat(team.spent()).isEqualByComparingTo("4.80");
      assertThat(team.reserved()).isEqualByComparingTo("95.20");
      assertThat(gcp.spent()).isEqualByComparingTo("2.40");
      assertThat(gcp.reserved()).isEqualByComparingTo("97.60");
      assertThat(all.spent()).isEqualByComparingTo("7.20");
      assertThat(all.reserved()).isEqualByComparingTo("192.80");
    }

    @Test
    void theForecastAddsWhatActiveJobsAreStillProjectedToCost() {
      at(RecordedJobs.at("10:00"));
      // 1000 of 2000 steps in 2 h of training (2.40); 2 h + 15 min to go (2.70):
      // projected 5.10, band 4.34-5.87, so 1.94 / 2.70 / 3.47 still to come
      jobs.report(
          jobs.create("Acme"), "08:00 started; 08:00 progress 0 training; 10:00 progress 1000");
      jobs.report(jobs.create("Acme"), "08:00 started; 09:00 completed"); // ended: 1.20
      spent("2026-03-01T12:00:00Z", "20", "Acme"); // 10.00 a day over the 2 days elapsed

      Forecast forecast =
          service.get(created(acme("calendar_month", "500"))).forecast().orElseThrow();

      // 23.60 so far + 10.00 × 29 days to come = 313.60, + what the running job adds
      assertThat(forecast.averageDailyCostEvents()).isEqualByComparingTo("10.00");
      assertThat(forecast.low()).isEqualByComparingTo("315.54");
      assertThat(forecast.expected()).isEqualByComparingTo("316.30");
      assertThat(forecast.high()).isEqualByComparingTo("317.07");
    }

    @Test
    void whatAJobCostYesterdayIsTakenOffWhatRollsOverIntoToday() {
      at(RecordedJobs.at("-1 00:00"));
      long id = created(rollingOver(acme("daily", "10")));
      at(RecordedJobs.at("12:00"));
      jobs.report(jobs.create("Acme"), "-1 22:00 started; 01:00 completed");

      BudgetStatus status = service.get(id).status();

      assertThat(status.rollover()).isEqualByComparingTo("7.60"); // 10 − 2.40 (22:00-24:00)
      assertThat(status.spent()).isEqualByComparingTo("1.20"); // 00:00-01:00
      assertThat(status.reserved()).isEqualByComparingTo("0");
    }
  }

  private static void assertRefused(Runnable call, Reason reason) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            RequestRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  /** {@code d} with one field set from text; thresholds are space-separated percents. */
  private static BudgetDefinition with(BudgetDefinition d, String field, String value) {
    Optional<String> v = Optional.ofNullable(value);
    BudgetScope s = d.scope();
    return new BudgetDefinition(
        field.equals("name") ? value : d.name(),
        field.equals("period") ? value : d.period(),
        field.equals("limit") ? v.map(BigDecimal::new).orElse(null) : d.limit(),
        field.equals("thresholds")
            ? v.map(BudgetServiceTest::percents).orElse(null)
            : d.thresholds(),
        field.equals("enabled") ? Boolean.parseBoolean(value) : d.enabled(),
        new BudgetScope(
            field.equals("client") ? v : s.client(),
            field.equals("project") ? v : s.project(),
            field.equals("team") ? v : s.team(),
            field.equals("provider") ? v : s.provider()),
        d.blockNewJobs(),
        d.rollover(),
        field.equals("approver") ? v : d.approver(),
        field.equals("manager") ? v : d.manager());
  }

  private static List<Integer> percents(String spaced) {
    List<Integer> percents = new ArrayList<>();
    Arrays.stream(spaced.split(" "))
        .filter(p -> !p.isEmpty())
        .map(Integer::valueOf)
        .forEach(percents::add);
    return percents;
  }
}
