package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the one-minute sweep does on the real WAR and MariaDB: a pending increase request whose 24 h
 * are up expires by itself, exactly once (one {@code increase.expired} audit entry) however many
 * sweeps run at once; a day far above its trailing fortnight raises one anomaly alert.
 */
@SharedDeployment
class AlertSweepIT {

  @ArquillianResource URL base;

  private Api api;
  private AlertFixtures fixtures;

  @BeforeEach
  void setUp() {
    api = new Api(base);
    fixtures = new AlertFixtures(api);
  }

  /** Runs sweeps at once from several threads, next to the scheduled one. */
  private void sweepsAtOnce(int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    List<Callable<Integer>> sweeps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sweeps.add(
          () ->
              api.send(
                      HttpRequest.newBuilder(
                              URI.create(base + "it/alert-schedule?action=sweep-all"))
                          .POST(HttpRequest.BodyPublishers.noBody())
                          .build())
                  .status());
    }
    try {
      for (Future<Integer> sweep : pool.invokeAll(sweeps, 2, TimeUnit.MINUTES)) {
        assertThat(sweep.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPendingRequestPastItsTimeExpiresByTheScheduledSweepOnce() throws Exception {
    Api.Answer created =
        api.post(
            "api/v1/budgets",
            Fixtures.load(
                "budget.json",
                Map.of(
                    "name",
                    fixtures.client,
                    "period",
                    "calendar_month",
                    "limit",
                    "500",
                    "client",
                    fixtures.client)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long budget = created.json().getJsonNumber("id").longValueExact();
    String engineer = TestUsers.tokenFor("ENGINEER");
    Api.Answer asked =
        api.post(
            "api/v1/budgets/" + budget + "/increase-requests",
            "{\"newLimit\": 900, \"justification\": \"more training runs\"}",
            engineer);
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    assertThat(asked.json().getString("status")).isEqualTo("pending");
    long request = asked.json().getJsonNumber("id").longValueExact();

    // Made 25 h ago: its 24 h ran out an hour ago.
    Instant made = Instant.now().minus(25, ChronoUnit.HOURS);
    try (Connection db = TestDatabase.connect();
        PreparedStatement age =
            db.prepareStatement(
                "update increase_requests set created_at = ?, expires_at = ? where id = ?")) {
      age.setObject(1, LocalDateTime.ofInstant(made, ZoneOffset.UTC));
      age.setObject(2, LocalDateTime.ofInstant(made.plus(24, ChronoUnit.HOURS), ZoneOffset.UTC));
      age.setLong(3, request);
      assertThat(age.executeUpdate()).isEqualTo(1);
    }

    // No read of the request in between (a read would expire it lazily): the schedule does it.
    await()
        .atMost(Duration.ofSeconds(100))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> statusInDatabase(request).equals("expired"));
    sweepsAtOnce(3);

    Api.Answer read = api.get("api/v1/increase-requests/" + request);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().getString("status")).isEqualTo("expired");
    assertThat(auditCount("increase.expired", budget)).isEqualTo(1);
    assertThat(limitOf(budget)).isEqualTo("500");
  }

  private String limitOf(long budget) {
    Api.Answer answer = api.get("api/v1/budgets/" + budget);
    return answer
        .json()
        .getJsonNumber("limit")
        .bigDecimalValue()
        .stripTrailingZeros()
        .toPlainString();
  }

  @Test
  void aDayFarAboveItsTrailingFortnightRaisesOneAnomalyAlert() throws Exception {
    // Watched for ten days (created straight in the database, since the API dates it now), with
    // about $10 spent on each: the history is those ten days, mean $10.
    long budget = budgetCreated(Instant.now().minus(10, ChronoUnit.DAYS));
    Instant today = Instant.now();
    String[] usual = {"9", "10", "11", "10", "9", "11", "10", "10", "9", "11"};
    for (int daysAgo = usual.length; daysAgo >= 1; daysAgo--) {
      Instant noon =
          today
              .truncatedTo(ChronoUnit.DAYS)
              .minus(daysAgo, ChronoUnit.DAYS)
              .plus(12, ChronoUnit.HOURS);
      fixtures.spend(usual[daysAgo - 1], noon);
    }
    sweepsAtOnce(1);
    assertThat(anomalies(budget)).as("today spent nothing yet").isEmpty();

    fixtures.spend("40", today.minusSeconds(30));
    sweepsAtOnce(3);
    sweepsAtOnce(2);

    List<String> anomalies = anomalies(budget);
    assertThat(anomalies).hasSize(1);
    // the day's spend, and the trailing mean it was measured against
    assertThat(anomalies.get(0)).isEqualTo("40/10");
  }

  private long budgetCreated(Instant at) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement insert =
            db.prepareStatement(
                "insert into budgets (name, period_type, limit_amount, thresholds, enabled,"
                    + " scope_client, block_new_jobs, rollover, created_at, updated_at)"
                    + " values (?, 'calendar_month', 100000, '80,95,100', true, ?, false, false,"
                    + " ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, "Anomaly " + fixtures.client);
      insert.setString(2, fixtures.client);
      insert.setObject(3, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
      insert.setObject(4, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** "spent/limit" of the budget's anomaly alerts. */
  private static List<String> anomalies(long budget) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select spent, limit_amount from alerts where budget_id = ? and kind = 'anomaly'")) {
      query.setLong(1, budget);
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          rows.add(
              r.getBigDecimal(1).stripTrailingZeros().toPlainString()
                  + "/"
                  + r.getBigDecimal(2).stripTrailingZeros().toPlainString());
        }
      }
    }
    return rows;
  }

  private static String statusInDatabase(long request) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement("select status from increase_requests where id = ?")) {
      query.setLong(1, request);
      try (ResultSet r = query.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }

  private static int auditCount(String action, long budget) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select count(*) from audit_log where action = ? and subject_type = 'budget'"
                    + " and subject_id = ?")) {
      query.setString(1, action);
      query.setString(2, String.valueOf(budget));
      try (ResultSet r = query.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }
}
