package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.costguard.alerting.AlertKind;
import com.costguard.alerting.Channel;
import com.costguard.alerting.NotificationSettings;
import com.costguard.alerting.QuietHours;
import com.costguard.alerting.ThresholdNotification;
import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.config.Configuration;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.model.alert.NewDelivery;
import com.costguard.model.audit.AuditEntry;
import com.costguard.model.budget.Budget;
import com.costguard.model.budget.BudgetDefinition;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A budget's notification settings (SPEC §3, §4): per threshold channels and recipients, the
 * budget's Slack channel, who may change them, the audit of every change, and the deliveries the
 * alert writer makes of them.
 */
class BudgetNotificationsTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final User ADMIN =
      new User("admin", "admin@example.com", "Admin", EnumSet.of(Role.ADMIN), null, NOW);
  private static final User VIEWER =
      new User("vera", "vera@example.com", "Vera", EnumSet.of(Role.VIEWER), null, NOW);

  /** SMTP and Slack on, with no default Slack alert channel. */
  private static final Map<String, String> ON =
      Map.of(
          "COSTGUARD_SMTP_HOST", "mail.example",
          "SLACK_BOT_TOKEN", "xoxb-test",
          "SLACK_SIGNING_SECRET", "secret");

  private final InMemoryBudgetRepository budgets = new InMemoryBudgetRepository();
  private final MovableClock clock = new MovableClock(NOW);
  private BudgetAlerts alerts;
  private BudgetService service;
  private long id;

  @BeforeEach
  void wire() {
    configure(ON);
    id =
        service
            .create(
                Actor.api(ADMIN),
                new BudgetDefinition(
                    "Acme",
                    "calendar_month",
                    new BigDecimal("100"),
                    List.of(80, 95, 100),
                    true,
                    BudgetScope.ofNullable("Acme", null, null, null),
                    false,
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    List.of("finance@example.com"),
                    Optional.empty()))
            .budget()
            .id();
  }

  private void configure(Map<String, String> env) {
    alerts =
        Alerting.wired(budgets, new InMemoryCostEventRepository(), clock, Configuration.from(env));
    service = alerts.budgetService;
  }

  private Budget budget() {
    return budgets.byId(id).orElseThrow();
  }

  private List<AuditEntry> audited() {
    return ((InMemoryAuditRepository) service.audit.log)
        .stored.stream().filter(e -> e.action().equals("budget.notifications_changed")).toList();
  }

  private static NotificationSettings settings(
      Optional<String> slackChannel, ThresholdNotification... thresholds) {
    return new NotificationSettings(
        List.of("finance@example.com"),
        Optional.of(QuietHours.parse("22:00-07:00")),
        slackChannel,
        List.of(thresholds));
  }

  @Test
  void withoutSettingsEveryThresholdGoesEverywhereToTheBudgetsRecipients() {
    NotificationSettings read = service.notifications(id);
    assertThat(read.recipients()).containsExactly("finance@example.com");
    assertThat(read.thresholds())
        .containsExactly(
            ThresholdNotification.defaults(80),
            ThresholdNotification.defaults(95),
            ThresholdNotification.defaults(100));
    assertThat(budget().slackChannel()).isEmpty();
  }

  @Test
  void eachThresholdGoesOnItsChannelsToItsRecipients() {
    service.changeNotifications(
        Actor.api(ADMIN),
        id,
        settings(
            Optional.of("C0ACME"),
            new ThresholdNotification(80, Set.of(Channel.IN_APP), List.of()),
            new ThresholdNotification(
                100, Set.of(Channel.EMAIL, Channel.SLACK), List.of("cfo@example.com"))));

    assertThat(alerts.deliveries(budget(), AlertKind.THRESHOLD, 80, NOW))
        .containsExactly(NewDelivery.of(Channel.IN_APP));
    assertThat(alerts.deliveries(budget(), AlertKind.THRESHOLD, 95, NOW))
        .containsExactly(
            new NewDelivery(Channel.EMAIL, List.of("finance@example.com")),
            NewDelivery.of(Channel.IN_APP),
            NewDelivery.of(Channel.SLACK));
    assertThat(alerts.deliveries(budget(), AlertKind.THRESHOLD, 100, NOW))
        .containsExactly(
            new NewDelivery(Channel.EMAIL, List.of("cfo@example.com")),
            NewDelivery.of(Channel.SLACK));
    // not a threshold: every channel, the budget's recipients
    assertThat(alerts.deliveries(budget(), AlertKind.FORECAST, 0, NOW))
        .extracting(NewDelivery::channel)
        .containsExactly(Channel.EMAIL, Channel.IN_APP, Channel.SLACK);
    assertThat(budget().slackChannel()).contains("C0ACME");
    assertThat(budget().definition().notifyEmails()).containsExactly("finance@example.com");
    assertThat(budget().quietHours()).contains(QuietHours.parse("22:00-07:00"));
  }

  @Test
  void slackNeedsAChannelTheBudgetsOrTheDefault() {
    assertThat(alerts.deliveries(budget(), AlertKind.THRESHOLD, 80, NOW))
        .extracting(NewDelivery::channel)
        .containsExactly(Channel.EMAIL, Channel.IN_APP);

    java.util.HashMap<String, String> withDefault = new java.util.HashMap<>(ON);
    withDefault.put("SLACK_ALERT_CHANNEL", "C0ALERTS");
    configure(withDefault);
    assertThat(alerts.deliveries(budget(), AlertKind.THRESHOLD, 80, NOW))
        .extracting(NewDelivery::channel)
        .containsExactly(Channel.EMAIL, Channel.IN_APP, Channel.SLACK);

    configure(Map.of());
    service.changeNotifications(Actor.api(ADMIN), id, settings(Optional.of("C0ACME")));
    assertThat(alerts.deliveries(budget(), AlertKind.THRESHOLD, 80, NOW))
        .as("Slack off")
        .containsExactly(NewDelivery.of(Channel.IN_APP));
  }

  @Test
  void aChangeIsAuditedWithOldAndNewSettingsAndNoChangeIsNot() {
    service.changeNotifications(
        Actor.api(ADMIN),
        id,
        settings(
            Optional.of("C0ACME"),
            new ThresholdNotification(80, Set.of(Channel.IN_APP), List.of())));

    assertThat(audited()).hasSize(1);
    AuditEntry entry = audited().get(0);
    assertThat(entry.actor()).isEqualTo("admin");
    assertThat(entry.subjectId()).isEqualTo(String.valueOf(id));
    assertThat(entry.oldValue().orElseThrow())
        .contains("\"quietHours\":null")
        .contains("\"slackChannel\":null")
        .contains("{\"threshold\":80,\"channels\":[\"email\",\"in_app\",\"slack\"]");
    assertThat(entry.newValue().orElseThrow())
        .contains("\"quietHours\":\"22:00-07:00\"")
        .contains("\"slackChannel\":\"C0ACME\"")
        .contains("{\"threshold\":80,\"channels\":[\"in_app\"],\"recipients\":[]}");

    service.changeNotifications(Actor.api(ADMIN), id, service.notifications(id));
    assertThat(audited()).hasSize(1);
  }

  @Test
  void leavingAThresholdOutPutsItBackToItsDefault() {
    service.changeNotifications(
        Actor.api(ADMIN),
        id,
        settings(Optional.empty(), new ThresholdNotification(95, Set.of(), List.of())));
    assertThat(service.notifications(id).forThreshold(95).channels()).isEmpty();

    service.changeNotifications(Actor.api(ADMIN), id, settings(Optional.empty()));
    assertThat(service.notifications(id).forThreshold(95))
        .isEqualTo(ThresholdNotification.defaults(95));
  }

  @Test
  void onlyAdminsAndBudgetManagersChangeThem() {
    assertThatThrownBy(
            () -> service.changeNotifications(Actor.api(VIEWER), id, settings(Optional.empty())))
        .isInstanceOfSatisfying(
            RequestRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN));
    assertThat(audited()).isEmpty();
    assertThat(service.notifications(id).quietHours()).isEmpty();
  }

  private void refused(NotificationSettings bad, String field) {
    assertThatThrownBy(() -> service.changeNotifications(Actor.api(ADMIN), id, bad))
        .isInstanceOfSatisfying(
            RequestRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.VALIDATION);
              assertThat(e.field()).contains(field);
            });
    assertThat(audited()).isEmpty();
    assertThat(budget().slackChannel()).isEmpty();
  }

  @Test
  void invalidSettingsAreRefusedNamingTheFieldAndNothingChanges() {
    refused(
        settings(Optional.of("C0ACME"), new ThresholdNotification(90, Set.of(), List.of())),
        "thresholds[0].threshold");
    refused(
        settings(
            Optional.of("C0ACME"),
            new ThresholdNotification(80, Set.of(), List.of()),
            new ThresholdNotification(80, Set.of(Channel.EMAIL), List.of())),
        "thresholds[1].threshold");
    refused(
        settings(
            Optional.of("C0ACME"),
            new ThresholdNotification(80, Set.of(Channel.EMAIL), List.of("not an address"))),
        "thresholds[0].recipients[0]");
    refused(settings(Optional.of("<!channel> x")), "slackChannel");
    refused(
        new NotificationSettings(
            List.of("a@example.com", "nope"), Optional.empty(), Optional.of("C0ACME"), List.of()),
        "recipients[1]");
    assertThatThrownBy(() -> BudgetService.quietHours("25:00-07:00"))
        .isInstanceOfSatisfying(
            RequestRefusedException.class, e -> assertThat(e.field()).contains("quietHours"));
  }
}
