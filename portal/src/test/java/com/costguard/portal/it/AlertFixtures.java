package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the alert tests share: a budget of their own (scoped to a client no other test uses, since
 * the database is shared), its spend reported over HTTP, and its alert rows read straight from the
 * database.
 */
final class AlertFixtures {

  private final Api api;
  final String client = "it-alerts-" + UUID.randomUUID();
  private final AtomicInteger keys = new AtomicInteger();

  AlertFixtures(Api api) {
    this.api = api;
  }

  /** Creates a monthly budget with thresholds 80/95/100 in this fixture's scope; returns its id. */
  long budget(String name, String limit, boolean blocking, List<String> emails) {
    String json =
        Fixtures.load(
            "alert-budget.json",
            Map.of(
                "name", name,
                "limit", limit,
                "client", client,
                "blocking", String.valueOf(blocking),
                "emails",
                    emails.stream()
                        .map(e -> "\"" + e + "\"")
                        .reduce((a, b) -> a + ", " + b)
                        .map(list -> "[" + list + "]")
                        .orElse("[]")));
    Api.Answer created = api.post("api/v1/budgets", json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValueExact();
  }

  /** Reports one cost event of {@code amount} now in this fixture's scope. */
  void spend(String amount) {
    spend(api, amount, Instant.now().minusSeconds(5));
  }

  /** The same through {@code via}: another application instance on the same database. */
  void spend(Api via, String amount) {
    spend(via, amount, Instant.now().minusSeconds(5));
  }

  /** Reports one cost event of {@code amount} at {@code at} in this fixture's scope. */
  void spend(String amount, Instant at) {
    spend(api, amount, at);
  }

  private void spend(Api via, String amount, Instant at) {
    Api.Answer posted =
        via.post(
            "api/v1/cost-events",
            Fixtures.load(
                "cost-event.json",
                Map.of(
                    "key",
                    client + "-" + keys.incrementAndGet(),
                    "at",
                    at.toString(),
                    "amount",
                    amount,
                    "client",
                    client)));
    assertThat(posted.status()).as(posted.body()).isEqualTo(202);
  }

  /**
   * Asks for the job of {@code alert-job.json} ($4.00/h, estimate $10–20) in this fixture's scope
   * as {@code token}'s user, under {@code externalId}; the answer as it comes.
   */
  Api.Answer createJob(String externalId, String token) {
    return createJob(externalId, "Fine-tune in a budget's scope", token);
  }

  /** As {@link #createJob(String, String)}, named {@code name} (written into JSON as given). */
  Api.Answer createJob(String externalId, String name, String token) {
    return api.post(
        "api/v1/jobs",
        Fixtures.load(
                "alert-job.json",
                Map.of(
                    "externalId",
                    externalId,
                    "client",
                    client,
                    "estimateMin",
                    "10",
                    "estimateMax",
                    "20"))
            .replace("Fine-tune in a budget's scope", name),
        token);
  }

  List<JsonObject> alerts(long budgetId) {
    Api.Answer answer = api.get("api/v1/alerts?budget=" + budgetId);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().getJsonArray("alerts").getValuesAs(JsonObject.class);
  }

  /**
   * The budget's alerts of one kind. Tests of thresholds look at those only: whether a forecast
   * alert fires as well depends on the day of the month (none on its last day).
   */
  List<JsonObject> alerts(long budgetId, String kind) {
    return alerts(budgetId).stream().filter(a -> a.getString("kind").equals(kind)).toList();
  }

  /** An alert row as stored. */
  record Row(long id, String kind, int threshold, String spent, boolean standing) {}

  static List<Row> rows(long budgetId, String kind) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select id, kind, threshold, spent, live from alerts where budget_id = ?"
                    + " and kind = ? order by id")) {
      query.setLong(1, budgetId);
      query.setString(2, kind);
      List<Row> rows = new ArrayList<>();
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          rows.add(
              new Row(
                  r.getLong(1),
                  r.getString(2),
                  r.getInt(3),
                  r.getBigDecimal(4).stripTrailingZeros().toPlainString(),
                  r.getObject(5) != null));
        }
      }
      return rows;
    }
  }

  /**
   * What 200 events of 0.60 leave on a budget of 100 with thresholds 80/95/100, however many
   * threads or instances reported them: 120 of 100, each threshold fired once, by the very event
   * that crossed it — 134 × 0.60 = 80.40, 159 × 0.60 = 95.40, 167 × 0.60 = 100.20 (a writer that
   * missed a concurrent one's spend would have fired later, at a higher figure, or not at all) —
   * with one delivery per channel each, and the month-end forecast past the limit once.
   */
  static void assertTwoHundredEventsOfSixtyCentsFiredEachAlertOnce(long budget)
      throws SQLException {
    assertThat(rows(budget, "threshold"))
        .extracting(Row::kind, Row::threshold, Row::spent)
        .containsExactly(
            tuple("threshold", 80, "80.4"),
            tuple("threshold", 95, "95.4"),
            tuple("threshold", 100, "100.2"));
    assertThat(thresholdDeliveries(budget))
        .containsExactly(
            "80/email",
            "80/in_app",
            "80/slack",
            "95/email",
            "95/in_app",
            "95/slack",
            "100/email",
            "100/in_app",
            "100/slack");
    assertThat(rows(budget, "forecast")).hasSize(1);
  }

  /** "threshold/channel" per delivery row of the budget's threshold alerts, ordered. */
  static List<String> thresholdDeliveries(long budgetId) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select a.threshold, d.channel from alert_deliveries d"
                    + " join alerts a on a.id = d.alert_id where a.budget_id = ?"
                    + " and a.kind = 'threshold' order by a.threshold, d.channel")) {
      query.setLong(1, budgetId);
      List<String> rows = new ArrayList<>();
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          rows.add(r.getInt(1) + "/" + r.getString(2));
        }
      }
      return rows;
    }
  }
}
