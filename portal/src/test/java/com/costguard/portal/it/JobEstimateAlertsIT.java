package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Job estimate alerts over HTTP on the real WAR and MariaDB (SPEC §2): the job of {@code
 * alert-job.json} costs $4.00 an hour against an estimate of $10–20, so 80% fires at $8.00 (2 h of
 * running), 100% at $20.00 (5 h) and 120% at $24.00 (6 h). Each fires once per job, in the
 * transaction of the event that crossed it, with an e-mail to the job's creator, an in-app and a
 * Slack delivery (both are configured in the ITs).
 */
@SharedDeployment
class JobEstimateAlertsIT {

  @ArquillianResource URL base;

  private Api api;
  private TestUsers.TestUser creator;
  private final String run = UUID.randomUUID().toString();

  @BeforeEach
  void setUp() throws SQLException {
    api = new Api(base);
    creator = TestUsers.create("ENGINEER");
  }

  private long job(String externalId) {
    Api.Answer created =
        api.post(
            "api/v1/jobs",
            Fixtures.load(
                "alert-job.json",
                Map.of(
                    "externalId",
                    externalId,
                    "client",
                    "it-estimate-" + run,
                    "estimateMin",
                    "10",
                    "estimateMax",
                    "20")),
            creator.token());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValueExact();
  }

  private void event(long job, String type, Instant at, String key) {
    Api.Answer answer =
        api.post(
            "api/v1/jobs/" + job + "/events",
            "{\"type\": \"%s\", \"at\": \"%s\", \"idempotencyKey\": \"%s\", \"step\": 1}"
                .formatted(type, at, key),
            creator.token());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  @Test
  void eightyPercentFiresOnceWhateverTheNumberOfConcurrentEvents() throws Exception {
    Instant since = Instant.now().minusSeconds(1);
    long job = job("estimate-80-" + run);
    // Started 3 h ago: $12.00, past 80% of the minimum ($8.00), below the maximum ($20.00).
    Instant started = Instant.now().minus(3, ChronoUnit.HOURS);
    event(job, "started", started, "start");
    assertThat(thresholds(job)).containsExactly(80);

    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Callable<Void>> posters = new ArrayList<>();
    for (int t = 0; t < 10; t++) {
      int thread = t;
      posters.add(
          () -> {
            for (int i = 0; i < 3; i++) {
              event(job, "progress", Instant.now().minusSeconds(2), "p-" + thread + "-" + i);
            }
            return null;
          });
    }
    try {
      for (Future<Void> poster : pool.invokeAll(posters, 2, TimeUnit.MINUTES)) {
        poster.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(thresholds(job)).containsExactly(80);
    assertThat(deliveries(job))
        .containsExactly(
            "80/email/" + creator.username() + "@example.com", "80/in_app/", "80/slack/");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonObject alert = alertOf(job, since);
              assertThat(alert.getString("kind")).isEqualTo("estimate");
              assertThat(alert.getInt("threshold")).isEqualTo(80);
              assertThat(alert.containsKey("budgetId")).isFalse();
              assertThat(
                      alert.getJsonArray("deliveries").getValuesAs(JsonObject.class).stream()
                          .filter(d -> d.getString("channel").equals("in_app"))
                          .map(d -> d.getString("state")))
                  .containsExactly("delivered");
            });
  }

  @Test
  void aJobFarPastItsEstimateFiresEachThresholdOnce() throws SQLException {
    long job = job("estimate-120-" + run);
    // Started 7 h ago: $28.00, past 120% of the maximum ($24.00).
    event(job, "started", Instant.now().minus(7, ChronoUnit.HOURS), "start");
    event(job, "progress", Instant.now().minusSeconds(2), "p1");
    event(job, "progress", Instant.now().minusSeconds(1), "p1");
    assertThat(thresholds(job)).containsExactly(80, 100, 120);
  }

  @Test
  void aJobWithinItsEstimateFiresNothing() throws SQLException {
    long job = job("estimate-none-" + run);
    event(job, "started", Instant.now().minus(1, ChronoUnit.HOURS), "start");
    assertThat(thresholds(job)).isEmpty();
  }

  private JsonObject alertOf(long job, Instant since) {
    Api.Answer answer = api.get("api/v1/alerts?since=" + since);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().getJsonArray("alerts").getValuesAs(JsonObject.class).stream()
        .filter(a -> a.containsKey("jobId") && a.getJsonNumber("jobId").longValueExact() == job)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no alert of job " + job + ": " + answer.body()));
  }

  private static List<Integer> thresholds(long job) throws SQLException {
    List<Integer> thresholds = new ArrayList<>();
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select threshold from alerts where job_id = ? and kind = 'estimate'"
                    + " order by threshold")) {
      query.setLong(1, job);
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          thresholds.add(r.getInt(1));
        }
      }
    }
    return thresholds;
  }

  /** "threshold/channel/recipients" per delivery row of the job's alerts. */
  private static List<String> deliveries(long job) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select a.threshold, d.channel, d.recipients from alert_deliveries d"
                    + " join alerts a on a.id = d.alert_id where a.job_id = ?"
                    + " order by a.threshold, d.channel")) {
      query.setLong(1, job);
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          rows.add(r.getInt(1) + "/" + r.getString(2) + "/" + r.getString(3));
        }
      }
    }
    return rows;
  }
}
