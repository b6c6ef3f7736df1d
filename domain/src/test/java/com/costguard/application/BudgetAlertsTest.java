package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.costguard.alerting.AlertBanner;
import com.costguard.alerting.AlertKind;
import com.costguard.alerting.Channel;
import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.config.Configuration;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.budget.SpendAttribution;
import com.costguard.cost.job.Pricing;
import com.costguard.model.alert.FiredAlert;
import com.costguard.model.alert.NewDelivery;
import com.costguard.model.audit.AuditEntry;
import com.costguard.model.budget.Budget;
import com.costguard.model.budget.BudgetDefinition;
import com.costguard.model.costevent.Attribution;
import com.costguard.model.costevent.NewCostEvent;
import com.costguard.model.job.NewJob;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Threshold alerts over the real budget computation, the ingestion path and blocking. */
class BudgetAlertsTest {

  /** The 23rd of November: a monthly period from the 1st. */
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private static final User ADMIN =
      new User("admin", "admin@example.com", "Admin", EnumSet.of(Role.ADMIN), null, NOW);

  private final InMemoryBudgetRepository budgets = new InMemoryBudgetRepository();
  private final InMemoryCostEventRepository events = new InMemoryCostEventRepository();
  private final MovableClock clock = new MovableClock(NOW);
  private final CostEventService ingestion = new CostEventService();
  private BudgetAlerts alerts;
  private InMemoryAlertRepository stored;
  private int keys;

  @BeforeEach
  void wire() {
    configure(Configuration.from(Map.of()));
  }

  private void configure(Configuration configuration) {
    alerts = Alerting.wired(budgets, events, clock, configuration);
    stored = (InMemoryAlertRepository) alerts.alerts;
    CostEventWriter writer = new CostEventWriter();
    writer.events = events;
    writer.configuration = configuration;
    writer.clock = clock;
    writer.alerts = alerts;
    ingestion.configuration = configuration;
    ingestion.writer = writer;
    ingestion.events = events;
    ingestion.clock = clock;
    ingestion.alerts = alerts;
    RateCardService rateCards = new RateCardService();
    rateCards.cards = new InMemoryRateCardRepository();
    ingestion.rateCards = rateCards;
  }

  private BudgetService budgetService() {
    return alerts.budgetService;
  }

  private long budget(String client, String period, String limit, boolean blocking) {
    return budget(client, period, limit, blocking, List.of());
  }

  private long budget(
      String client, String period, String limit, boolean blocking, List<String> emails) {
    return budgetService()
        .create(
            Actor.api(ADMIN),
            new BudgetDefinition(
                client + " " + period,
                period,
                new BigDecimal(limit),
                List.of(80, 95, 100),
                true,
                BudgetScope.ofNullable(client, null, null, null),
                blocking,
                false,
                Optional.empty(),
                Optional.empty(),
                emails,
                Optional.empty()))
        .budget()
        .id();
  }

  /** Spend reported now (a minute ago) by client {@code client}, through the ingestion path. */
  private void spend(String client, String amount) {
    Attribution attribution =
        new Attribution(
            Optional.of(client),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    ingestion.ingest(
        ADMIN,
        List.of(
            new NewCostEvent(
                "k" + keys++,
                clock.instant().minusSeconds(60),
                "llm.completion",
                Optional.of(new BigDecimal(amount)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                attribution,
                Optional.empty(),
                Optional.empty(),
                Optional.empty())));
  }

  private List<Integer> standing(long budgetId) {
    return stored.standingByBudget(AlertKind.THRESHOLD).getOrDefault(budgetId, List.of()).stream()
        .sorted()
        .toList();
  }

  /** The budget's threshold alerts, oldest first. */
  private List<FiredAlert> fired(long budgetId) {
    return fired(budgetId, AlertKind.THRESHOLD);
  }

  private List<FiredAlert> fired(long budgetId, AlertKind kind) {
    return stored.list(Optional.of(budgetId), Optional.empty(), 100).stream()
        .filter(a -> a.kind() == kind)
        .toList();
  }

  @Test
  void eachThresholdFiresOnceAsSpendCrossesIt() {
    long acme = budget("Acme", "calendar_month", "500", false);
    long other = budget("Globex", "calendar_month", "500", false);

    spend("Acme", "399.99");
    assertThat(standing(acme)).isEmpty();
    spend("Acme", "0.01");
    assertThat(standing(acme)).containsExactly(80);
    spend("Acme", "75");
    assertThat(standing(acme)).containsExactly(80, 95);
    spend("Acme", "1000");
    spend("Acme", "1000");

    assertThat(fired(acme)).extracting(FiredAlert::threshold).containsExactly(80, 95, 100);
    assertThat(fired(acme).get(0).spent()).contains(new BigDecimal("400.00"));
    assertThat(fired(acme).get(0).limit()).contains(new BigDecimal("500"));
    assertThat(fired(acme).get(0).periodStart()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(fired(other)).isEmpty();
  }

  @Test
  void evaluatingAgainAndAgainFiresNothingMore() {
    long acme = budget("Acme", "calendar_month", "500", false);
    spend("Acme", "480");

    for (int i = 0; i < 5; i++) {
      alerts.evaluateNow(acme);
    }

    assertThat(fired(acme)).extracting(FiredAlert::threshold).containsExactly(80, 95);
  }

  @Test
  void aRaisedLimitReArmsAndTheThresholdFiresAgainWhenCrossedAgain() {
    long acme = budget("Acme", "calendar_month", "500", false);
    spend("Acme", "480");

    budgetService()
        .update(Actor.api(ADMIN), acme, d -> withLimit(d, "550")); // 87.27%: 95 re-arms, 80 stands

    assertThat(standing(acme)).containsExactly(80);
    assertThat(fired(acme))
        .filteredOn(a -> a.threshold() == 95)
        .singleElement()
        .satisfies(a -> assertThat(a.rearmedAt()).isPresent());

    spend("Acme", "50"); // 530 of 550: 96.4%

    assertThat(standing(acme)).containsExactly(80, 95);
    assertThat(fired(acme)).extracting(FiredAlert::threshold).containsExactly(80, 95, 95);
  }

  @Test
  void aLoweredLimitFiresWhatItNowCrosses() {
    long acme = budget("Acme", "calendar_month", "500", false);
    spend("Acme", "400");

    budgetService().update(Actor.api(ADMIN), acme, d -> withLimit(d, "400"));

    assertThat(standing(acme)).containsExactly(80, 95, 100);
  }

  @Test
  void aRollingWindowReArmsWhenItsSpendFallsBack() {
    long acme = budget("Acme", "rolling_30_days", "100", false);
    spend("Acme", "85");
    assertThat(standing(acme)).containsExactly(80);

    clock.advance(Duration.ofDays(31)); // the 85 left the window
    alerts.evaluateNow(acme); // the sweep

    assertThat(standing(acme)).isEmpty();

    spend("Acme", "81");

    assertThat(standing(acme)).containsExactly(80);
    assertThat(fired(acme)).extracting(FiredAlert::threshold).containsExactly(80, 80);
  }

  @Test
  void aNewPeriodStartsClean() {
    long acme = budget("Acme", "calendar_month", "100", false);
    spend("Acme", "85");

    clock.set(Instant.parse("2026-12-02T10:00:00Z"));
    spend("Acme", "90");

    assertThat(fired(acme))
        .extracting(FiredAlert::periodStart)
        .containsExactly(
            Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void aForecastPassingTheLimitAlertsOncePerPeriod() {
    long acme = budget("Acme", "calendar_month", "500", false);
    long rolling = budget("Acme", "rolling_30_days", "500", false);

    // The 23rd of a 30-day month: 350 so far is 15.22 a day, 456.52 by the 30th
    spend("Acme", "350");
    assertThat(fired(acme, AlertKind.FORECAST)).isEmpty();
    // 400 so far is 17.39 a day, 521.73 by the 30th
    spend("Acme", "50");
    spend("Acme", "10");
    alerts.evaluateNow(acme);

    assertThat(fired(acme, AlertKind.FORECAST))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.threshold()).isZero();
              assertThat(a.spent()).contains(new BigDecimal("400"));
            });
    assertThat(fired(rolling, AlertKind.FORECAST)).as("a rolling window has no end").isEmpty();

    clock.set(Instant.parse("2026-12-15T10:00:00Z"));
    spend("Acme", "400"); // 400 in half of December: 826.67 by the 31st

    assertThat(fired(acme, AlertKind.FORECAST))
        .extracting(FiredAlert::periodStart)
        .containsExactly(
            Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void aDisabledBudgetNeitherFiresNorReArms() {
    long acme = budget("Acme", "calendar_month", "100", false);
    spend("Acme", "85");
    budgetService().update(Actor.api(ADMIN), acme, d -> disabled(d));

    spend("Acme", "10");
    budgetService().update(Actor.api(ADMIN), acme, d -> withLimit(d, "1000"));

    assertThat(standing(acme)).containsExactly(80);
  }

  @Test
  void inAppAlwaysAndEmailOnlyWithSmtpAndRecipients() {
    Budget budget =
        budgets
            .byId(budget("Acme", "calendar_month", "100", false, List.of("a@example.com")))
            .orElseThrow();
    Budget silent = budgets.byId(budget("Globex", "calendar_month", "100", false)).orElseThrow();

    assertThat(alerts.deliveries(budget, AlertKind.THRESHOLD, 80, NOW))
        .containsExactly(NewDelivery.of(Channel.IN_APP));

    configure(Configuration.from(Map.of("COSTGUARD_SMTP_HOST", "mail.example")));

    assertThat(alerts.deliveries(budget, AlertKind.THRESHOLD, 80, NOW))
        .containsExactly(
            new NewDelivery(Channel.EMAIL, List.of("a@example.com")),
            NewDelivery.of(Channel.IN_APP));
    assertThat(alerts.deliveries(silent, AlertKind.THRESHOLD, 80, NOW))
        .containsExactly(NewDelivery.of(Channel.IN_APP));
  }

  @Test
  void slackWhenSlackIsOnAndTheBudgetHasAChannel() {
    Budget budget = budgets.byId(budget("Acme", "calendar_month", "100", false)).orElseThrow();
    configure(
        Configuration.from(
            Map.of("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_SIGNING_SECRET", "secret")));

    assertThat(alerts.deliveries(budget, AlertKind.THRESHOLD, 80, NOW))
        .as("no alert channel")
        .containsExactly(NewDelivery.of(Channel.IN_APP));

    configure(
        Configuration.from(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-test",
                "SLACK_SIGNING_SECRET", "secret",
                "SLACK_ALERT_CHANNEL", "C0ALERTS")));

    assertThat(alerts.deliveries(budget, AlertKind.THRESHOLD, 80, NOW))
        .containsExactly(NewDelivery.of(Channel.IN_APP), NewDelivery.of(Channel.SLACK));

    configure(Configuration.from(Map.of("SLACK_ALERT_CHANNEL", "C0ALERTS")));

    assertThat(alerts.deliveries(budget, AlertKind.THRESHOLD, 80, NOW))
        .as("Slack off")
        .containsExactly(NewDelivery.of(Channel.IN_APP));
  }

  @Test
  void inQuietHoursEmailWaitsUnlessTheAlertIsAtOrOver100Percent() {
    configure(
        Configuration.from(
            Map.of("COSTGUARD_SMTP_HOST", "mail.example", "COSTGUARD_TIMEZONE", "Europe/Berlin")));
    long id = budget("Acme", "calendar_month", "100", false, List.of("a@example.com"));
    budgetService().update(Actor.api(ADMIN), id, d -> quiet(d, "22:00-07:00"));
    Budget budget = budgets.byId(id).orElseThrow();
    Instant night = Instant.parse("2026-11-23T22:30:00Z"); // 23:30 in Berlin
    Instant morning = Instant.parse("2026-11-24T06:00:00Z"); // 07:00 in Berlin
    Instant day = Instant.parse("2026-11-23T12:00:00Z");

    assertThat(alerts.deliveries(budget, AlertKind.THRESHOLD, 95, night).get(0).notBefore())
        .contains(morning);
    assertThat(alerts.deliveries(budget, AlertKind.FORECAST, 0, night).get(0).notBefore())
        .contains(morning);
    assertThat(alerts.deliveries(budget, AlertKind.THRESHOLD, 100, night).get(0).notBefore())
        .isEmpty();
    assertThat(alerts.deliveries(budget, AlertKind.BLOCKED, 0, night).get(0).notBefore()).isEmpty();
    assertThat(alerts.deliveries(budget, AlertKind.THRESHOLD, 80, day).get(0).notBefore())
        .isEmpty();
    assertThat(alerts.deliveries(budget, AlertKind.THRESHOLD, 80, night).get(1).notBefore())
        .as("in-app never waits")
        .isEmpty();
    assertThat(budget.definition().quietHours()).contains("22:00-07:00");
  }

  @Test
  void quietHoursAreValidated() {
    long id = budget("Acme", "calendar_month", "100", false);

    for (String bad : List.of("22-07", "25:00-07:00", "07:00-07:00", "")) {
      assertThatThrownBy(() -> budgetService().update(Actor.api(ADMIN), id, d -> quiet(d, bad)))
          .as(bad)
          .isInstanceOfSatisfying(
              RequestRefusedException.class, e -> assertThat(e.field()).contains("quietHours"));
    }
  }

  private static BudgetDefinition quiet(BudgetDefinition d, String quietHours) {
    return new BudgetDefinition(
        d.name(),
        d.period(),
        d.limit(),
        d.thresholds(),
        d.enabled(),
        d.scope(),
        d.blockNewJobs(),
        d.rollover(),
        d.approver(),
        d.manager(),
        d.notifyEmails(),
        Optional.of(quietHours));
  }

  @Test
  void onlyEnabledBudgetsWhoseScopeMatchesAreCandidates() {
    long acme = budget("Acme", "calendar_month", "100", false);
    long blocking = budget("Acme", "daily", "100", true);
    budget("Globex", "calendar_month", "100", true);
    long off = budget("Acme", "weekly", "100", false);
    budgetService().update(Actor.api(ADMIN), off, d -> disabled(d));
    SpendAttribution spend = SpendAttribution.ofNullable("Acme", null, null, null);

    assertThat(alerts.inScope(List.of(spend, SpendAttribution.none())))
        .containsExactly(acme, blocking);
    assertThat(alerts.blockingInScope(spend)).containsExactly(blocking);
  }

  @Test
  void aRefusedJobIsAuditedAgainstTheBudgetThatRefusedIt() {
    long acme = budget("Acme Corp", "calendar_month", "100", true);
    spend("Acme Corp", "100");
    JobWriter writer = new JobWriter();
    writer.jobs = new InMemoryJobRepository();
    writer.alerts = alerts;
    writer.audit = budgetService().audit;
    writer.clock = clock;
    NewJob job = JobServiceTest.a100("blocked-1");
    Actor runner = Actor.api(ADMIN);

    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(
              () ->
                  writer.create(
                      runner,
                      job,
                      "alice",
                      Pricing.SPOT,
                      alerts.blockingInScope(
                          SpendAttribution.ofNullable("Acme Corp", null, null, null))))
          .isInstanceOfSatisfying(
              RequestRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.BUDGET_EXCEEDED));
    }

    List<AuditEntry> blocked =
        ((InMemoryAuditRepository) budgetService().audit.log)
            .stored.stream().filter(e -> e.action().equals("job.blocked")).toList();
    assertThat(blocked).as("every refusal, never silent").hasSize(2);
    AuditEntry entry = blocked.get(0);
    assertThat(entry.subjectType()).isEqualTo("budget");
    assertThat(entry.subjectId()).isEqualTo(String.valueOf(acme));
    assertThat(entry.actor()).isEqualTo("admin");
    assertThat(entry.channel()).isEqualTo("api");
    assertThat(entry.newValue().orElseThrow())
        .contains("\"budget\":\"Acme Corp calendar_month\"")
        .contains("\"externalId\":\"blocked-1\"")
        .contains("\"createdBy\":\"alice\"")
        .contains("\"estimateMax\":14")
        .contains("is at 100.00% of its limit");
    assertThat(fired(acme, AlertKind.BLOCKED)).as("alerted once per period").hasSize(1);
    assertThat(writer.jobs.externalIdExists("blocked-1")).isFalse();
  }

  @Test
  void aBlockingBudgetRefusesNewJobsAndAlertsOncePerPeriod() {
    long acme = budget("Acme", "calendar_month", "100", true);
    SpendAttribution job = SpendAttribution.ofNullable("Acme", null, null, null);
    spend("Acme", "60");

    // 60 spent + 40 estimate reaches the limit exactly: it fits
    alerts.admitJob(alerts.lock(List.of(acme)), job, new BigDecimal("40"));
    assertThatThrownBy(
            () -> alerts.admitJob(alerts.lock(List.of(acme)), job, new BigDecimal("40.01")))
        .isInstanceOfSatisfying(
            RequestRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.BUDGET_EXCEEDED);
              assertThat(e.reason().code()).isEqualTo("budget_exceeded");
              assertThat(e.getMessage())
                  .contains("budget 'Acme calendar_month' (id " + acme + ")")
                  .contains("40.01");
            });

    spend("Acme", "40");
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> alerts.admitJob(alerts.lock(List.of(acme)), job, BigDecimal.ZERO))
          .hasMessageContaining("is at 100.00% of its limit");
    }

    assertThat(fired(acme, AlertKind.BLOCKED))
        .singleElement()
        .satisfies(a -> assertThat(a.threshold()).isZero());
  }

  @Test
  void eachBudgetWithAStandingThresholdHasABannerOfItsHighestTier() {
    long warned = budget("Acme", "calendar_month", "100", false);
    long serious = budget("Globex", "calendar_month", "100", false);
    long exceeded = budget("Initech", "calendar_month", "100", false);
    budget("Umbrella", "calendar_month", "100", false);
    spend("Acme", "80");
    spend("Globex", "96");
    spend("Initech", "101");
    AlertService service = new AlertService();
    service.alerts = stored;
    service.budgets = budgets;
    service.configuration = Configuration.from(Map.of());
    service.clock = clock;

    assertThat(service.banners())
        .containsExactly(
            AlertBanner.of(warned, "Acme calendar_month", 80),
            AlertBanner.of(serious, "Globex calendar_month", 95),
            AlertBanner.of(exceeded, "Initech calendar_month", 100));
    assertThat(service.banners())
        .extracting(AlertBanner::tier, AlertBanner::dismissable)
        .containsExactly(
            tuple(AlertBanner.Tier.WARNING, true),
            tuple(AlertBanner.Tier.SERIOUS, false),
            tuple(AlertBanner.Tier.EXCEEDED, false));

    clock.set(Instant.parse("2026-12-01T00:00:00Z")); // a new month: no banner until spend again

    assertThat(service.banners()).isEmpty();
  }

  @Test
  void onlyAnEightyPercentBannerIsDismissedAndOnlyForWhoeverDismissedIt() {
    long warned = budget("Acme", "calendar_month", "100", false);
    long exceeded = budget("Initech", "calendar_month", "100", false);
    spend("Acme", "80");
    spend("Initech", "101");
    AlertService service = new AlertService();
    service.alerts = stored;
    service.budgets = budgets;
    service.configuration = Configuration.from(Map.of());
    service.clock = clock;
    service.dismissals = new InMemoryBannerDismissalRepository();
    User alice =
        new User("alice", "alice@example.com", "Alice", EnumSet.of(Role.VIEWER), null, NOW);
    User bob = new User("bob", "bob@example.com", "Bob", EnumSet.of(Role.VIEWER), null, NOW);

    service.dismiss(alice, warned);
    service.dismiss(alice, warned); // twice is no error

    assertThat(service.bannersFor(alice))
        .extracting(AlertBanner::budgetId)
        .containsExactly(exceeded);
    assertThat(service.bannersFor(bob))
        .extracting(AlertBanner::budgetId)
        .containsExactly(warned, exceeded);
    assertThatThrownBy(() -> service.dismiss(alice, exceeded))
        .isInstanceOf(RequestRefusedException.class)
        .hasMessageContaining("stays");

    spend("Acme", "16"); // 96%: the banner is back, and stays
    assertThat(service.bannersFor(alice))
        .extracting(AlertBanner::budgetId)
        .containsExactly(warned, exceeded);
    assertThatThrownBy(() -> service.dismiss(alice, warned))
        .isInstanceOf(RequestRefusedException.class);
  }

  private static BudgetDefinition withLimit(BudgetDefinition d, String limit) {
    return new BudgetDefinition(
        d.name(),
        d.period(),
        new BigDecimal(limit),
        d.thresholds(),
        d.enabled(),
        d.scope(),
        d.blockNewJobs(),
        d.rollover(),
        d.approver(),
        d.manager(),
        d.notifyEmails(),
        d.quietHours());
  }

  private static BudgetDefinition disabled(BudgetDefinition d) {
    return new BudgetDefinition(
        d.name(),
        d.period(),
        d.limit(),
        d.thresholds(),
        false,
        d.scope(),
        d.blockNewJobs(),
        d.rollover(),
        d.approver(),
        d.manager(),
        d.notifyEmails(),
        d.quietHours());
  }

  /**
   * Ten watched days of about $10 (9, 10, 11, …), then a day of {@code today}: the anomaly check of
   * the sweep, run twice.
   */
  private List<FiredAlert> anomaliesAfterTenDaysAndA(String today) {
    long acme = budget("Acme", "calendar_month", "100000", false);
    String[] usual = {"9", "10", "11", "10", "9", "11", "10", "10", "9", "11"};
    for (String amount : usual) {
      spend("Acme", amount);
      assertThat(alerts.evaluateAnomalyNow(acme)).isFalse();
      clock.advance(Duration.ofDays(1));
    }
    spend("Acme", today);
    alerts.evaluateAnomalyNow(acme);
    alerts.evaluateAnomalyNow(acme);
    return fired(acme, AlertKind.ANOMALY);
  }

  @Test
  void aDayFarAboveItsTrailingFortnightFiresOneAnomalyAlert() {
    List<FiredAlert> anomalies = anomaliesAfterTenDaysAndA("40");
    assertThat(anomalies).hasSize(1);
    FiredAlert anomaly = anomalies.get(0);
    assertThat(anomaly.spent()).hasValueSatisfying(s -> assertThat(s).isEqualByComparingTo("40"));
    assertThat(anomaly.limit()).hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo("10"));
    assertThat(anomaly.periodStart()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
    assertThat(anomaly.deliveries())
        .extracting(FiredAlert.Delivery::channel)
        .contains(Channel.IN_APP);
  }

  @Test
  void aDayWithinThreeStandardDeviationsFiresNothing() {
    // mean 10, sample σ ≈ 0.82: 3σ above is ≈ 12.45
    assertThat(anomaliesAfterTenDaysAndA("12.4")).isEmpty();
  }

  @Test
  void aBudgetWatchedFewerThanSevenDaysJudgesNothing() {
    long acme = budget("Acme", "calendar_month", "100000", false);
    for (int day = 0; day < 5; day++) {
      spend("Acme", "10");
      clock.advance(Duration.ofDays(1));
    }
    spend("Acme", "500");
    assertThat(alerts.evaluateAnomalyNow(acme)).isFalse();
    assertThat(fired(acme, AlertKind.ANOMALY)).isEmpty();
  }

  @Test
  void theNextAnomalousDayFiresAgain() {
    long acme = budget("Acme", "calendar_month", "100000", false);
    String[] usual = {"9", "10", "11", "10", "9", "11", "10", "10", "9", "11"};
    for (String amount : usual) {
      spend("Acme", amount);
      clock.advance(Duration.ofDays(1));
    }
    spend("Acme", "40");
    assertThat(alerts.evaluateAnomalyNow(acme)).isTrue();
    clock.advance(Duration.ofDays(1));
    spend("Acme", "300");
    assertThat(alerts.evaluateAnomalyNow(acme)).isTrue();
    assertThat(fired(acme, AlertKind.ANOMALY)).hasSize(2);
  }
}
