package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A budget's notification settings over {@code /budgets/{id}/notifications} on the real WAR and
 * MariaDB: read by anyone, changed by an ADMIN or a BUDGET_MANAGER only, audited with the old and
 * new settings, refused naming the field; the alerts that fire afterwards go where they say. And a
 * blocking budget's refusal of a job is audited against the budget.
 */
@SharedDeployment
class AlertSettingsIT {

  @ArquillianResource URL base;

  private Api api;
  private AlertFixtures fixtures;
  private String manager;

  @BeforeEach
  void setUp() throws SQLException {
    api = new Api(base);
    fixtures = new AlertFixtures(api);
    manager = TestUsers.tokenFor("BUDGET_MANAGER");
  }

  private String path(long budget) {
    return "api/v1/budgets/" + budget + "/notifications";
  }

  private List<JsonObject> audit(String action) {
    Api.Answer answer = api.get("api/v1/audit-log?action=" + action + "&limit=500");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().getJsonArray("entries").getValuesAs(JsonObject.class);
  }

  private List<JsonObject> auditOf(String action, long budget) {
    return audit(action).stream()
        .filter(e -> e.getString("subjectId").equals(String.valueOf(budget)))
        .toList();
  }

  @Test
  void withoutSettingsEveryThresholdGoesEverywhereToTheBudgetsRecipients() throws SQLException {
    // (the ITs' SLACK_ALERT_CHANNEL is C0ALERTS)
    long budget =
        fixtures.budget("Defaults " + fixtures.client, "100", false, List.of("fin@example.com"));

    Api.Answer read = api.get(path(budget), TestUsers.tokenFor("VIEWER"));

    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().toString())
        .isEqualTo(
            ("{\"recipients\":[\"fin@example.com\"],\"quietHours\":null,\"slackChannel\":null,"
                    + "\"thresholds\":[%s,%s,%s],\"budgetId\":%d,\"defaultSlackChannel\":\"C0ALERTS\"}")
                .formatted(all(80), all(95), all(100), budget));
  }

  private static String all(int threshold) {
    return "{\"threshold\":%d,\"channels\":[\"email\",\"in_app\",\"slack\"],\"recipients\":[]}"
        .formatted(threshold);
  }

  @Test
  void aManagerSetsChannelsAndRecipientsPerThresholdAndTheAlertsFollowThem() {
    long budget =
        fixtures.budget("Settings " + fixtures.client, "100", false, List.of("fin@example.com"));
    String settings =
        """
        {"quietHours": "22:00-07:00", "slackChannel": "C0IT%s",
         "thresholds": [
           {"threshold": 80, "channels": ["in_app"]},
           {"threshold": 95, "channels": ["email", "slack"], "recipients": ["cfo@example.com"]}]}
        """
            .formatted(budget);

    Api.Answer changed = api.put(path(budget), settings, manager);

    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    JsonObject answer = changed.json();
    assertThat(answer.getString("quietHours")).isEqualTo("22:00-07:00");
    assertThat(answer.getString("slackChannel")).isEqualTo("C0IT" + budget);
    assertThat(answer.getJsonArray("thresholds").toString())
        .isEqualTo(
            "[{\"threshold\":80,\"channels\":[\"in_app\"],\"recipients\":[]},"
                + "{\"threshold\":95,\"channels\":[\"email\",\"slack\"],"
                + "\"recipients\":[\"cfo@example.com\"]},"
                + all(100)
                + "]");
    assertThat(api.get(path(budget)).json()).isEqualTo(answer);
    // the budget's own fields still read (and write) as before
    JsonObject read = api.get("api/v1/budgets/" + budget).json();
    assertThat(read.getString("quietHours")).isEqualTo("22:00-07:00");
    assertThat(read.getJsonArray("notifyEmails").getString(0)).isEqualTo("fin@example.com");

    List<JsonObject> audited = auditOf("budget.notifications_changed", budget);
    assertThat(audited).hasSize(1);
    assertThat(audited.get(0).get("oldValue").toString())
        .contains(all(80))
        .contains("\"slackChannel\":null");
    assertThat(audited.get(0).get("newValue").toString())
        .contains("{\"threshold\":80,\"channels\":[\"in_app\"],\"recipients\":[]}")
        .contains("\"slackChannel\":\"C0IT" + budget + "\"");
    // the same settings again change nothing and audit nothing
    assertThat(api.put(path(budget), settings, manager).status()).isEqualTo(200);
    assertThat(auditOf("budget.notifications_changed", budget)).hasSize(1);

    fixtures.spend("96");

    assertThat(deliveries(budget))
        .containsExactly("80/in_app/", "95/email/cfo@example.com", "95/slack/");
  }

  private static List<String> deliveries(long budget) {
    try (var db = TestDatabase.connect();
        var query =
            db.prepareStatement(
                "select a.threshold, d.channel, d.recipients from alert_deliveries d"
                    + " join alerts a on a.id = d.alert_id where a.budget_id = ?"
                    + " and a.kind = 'threshold' order by a.threshold, d.channel")) {
      query.setLong(1, budget);
      List<String> rows = new java.util.ArrayList<>();
      try (var r = query.executeQuery()) {
        while (r.next()) {
          rows.add(r.getInt(1) + "/" + r.getString(2) + "/" + r.getString(3));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void onlyAdminsAndBudgetManagersChangeThemAndNothingIsWrittenOtherwise() throws SQLException {
    long budget = fixtures.budget("Roles " + fixtures.client, "100", false, List.of());
    String change = "{\"slackChannel\": \"C0NOPE\"}";
    for (String role : List.of("VIEWER", "ENGINEER", "APPROVER")) {
      Api.Answer refused = api.put(path(budget), change, TestUsers.tokenFor(role));
      assertThat(refused.status()).as(role + ": " + refused.body()).isEqualTo(403);
      assertThat(refused.json().getString("error")).isEqualTo("forbidden");
    }
    assertThat(api.put(path(budget), change, null).status()).isEqualTo(401);
    assertThat(api.get(path(budget)).json().isNull("slackChannel")).isTrue();
    assertThat(auditOf("budget.notifications_changed", budget)).isEmpty();
    assertThat(api.put(path(budget), change, Api.TOKEN).status()).as("an ADMIN").isEqualTo(200);
  }

  @Test
  void invalidSettingsAreRefusedNamingTheField() {
    long budget = fixtures.budget("Invalid " + fixtures.client, "100", false, List.of());
    Map<String, String> bad =
        Map.of(
            "{\"thresholds\": [{\"threshold\": 90}]}", "thresholds[0].threshold",
            "{\"thresholds\": [{\"threshold\": 80, \"channels\": [\"fax\"]}]}",
                "thresholds[0].channels[0]",
            "{\"thresholds\": [{\"threshold\": 80, \"recipients\": [\"nobody\"]}]}",
                "thresholds[0].recipients[0]",
            "{\"recipients\": [\"fin@example.com\", 7]}", "recipients[1]",
            "{\"quietHours\": \"25:00-07:00\"}", "quietHours",
            "{\"slackChannel\": \"<!channel>\"}", "slackChannel",
            "{\"thresholds\": {\"threshold\": 80}}", "thresholds");
    for (var entry : bad.entrySet()) {
      Api.Answer refused = api.put(path(budget), entry.getKey(), manager);
      assertThat(refused.status()).as(entry.getKey() + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().getString("error")).isEqualTo("validation");
      assertThat(refused.json().getString("field")).as(entry.getKey()).isEqualTo(entry.getValue());
    }
    assertThat(api.get(path(budget)).json().isNull("quietHours")).isTrue();
    assertThat(auditOf("budget.notifications_changed", budget)).isEmpty();
    assertThat(api.get("api/v1/budgets/999999999/notifications").status()).isEqualTo(404);
    assertThat(api.put("api/v1/budgets/999999999/notifications", "{}", manager).status())
        .isEqualTo(404);
  }

  @Test
  void aRefusedJobIsAuditedAgainstTheBudgetThatRefusedIt() throws SQLException {
    long budget = fixtures.budget("Blocking " + fixtures.client, "100", true, List.of());
    fixtures.spend("100");
    String externalId = "blocked-" + UUID.randomUUID();

    Api.Answer refused = fixtures.createJob(externalId, Api.TOKEN);

    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().getString("error")).isEqualTo("budget_exceeded");
    List<JsonObject> audited = auditOf("job.blocked", budget);
    assertThat(audited).hasSize(1);
    JsonObject entry = audited.get(0);
    assertThat(entry.getString("subjectType")).isEqualTo("budget");
    assertThat(entry.getString("channel")).isEqualTo("api");
    assertThat(entry.get("newValue").toString())
        .contains("\"externalId\":\"" + externalId + "\"")
        .contains("\"budget\":\"Blocking " + fixtures.client + "\"")
        .contains("is at 100.00% of its limit");
    try (var db = TestDatabase.connect();
        var query = db.prepareStatement("select count(*) from jobs where external_id = ?")) {
      query.setString(1, externalId);
      try (var r = query.executeQuery()) {
        r.next();
        assertThat(r.getInt(1)).as("the job was not stored").isZero();
      }
    }
  }

  @Test
  void theOpenApiDocumentDescribesNotificationSettings() {
    assertThat(api.get("openapi", null).body())
        .contains("/api/v1/budgets/{id}/notifications")
        .contains("Change a budget's notification settings");
  }
}
