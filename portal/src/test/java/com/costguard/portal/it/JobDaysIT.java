package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daily rollups of finished jobs (V28) that the spending summary and the budget dashboard read:
 * a summary of whole days, read from them, says what costing every job from its events says (a
 * range a second longer, which they cannot answer); their rows count the days each job ran; and
 * built again from the events by the backfill they are the rows the jobs wrote as they finished.
 */
@SharedDeployment
class JobDaysIT {

  @ArquillianResource URL base;

  private Api api;
  private String run;
  private LocalDate day;

  @BeforeEach
  void setUp() {
    api = new Api(base);
    run = "days-" + UUID.randomUUID().toString().substring(0, 8);
    day = LocalDate.now(ZoneOffset.UTC).minusDays(10);
  }

  @Test
  void aSummaryOfWholeDaysFromTheRollupsIsWhatCostingEveryJobGives() throws Exception {
    jobs();

    JsonObject rolledUp =
        api.get("api/v1/spending/summary?from=%s&to=%s".formatted(day, day.plusDays(2))).json();
    JsonObject costed =
        api.get(
                "api/v1/spending/summary?from=%s&to=%s"
                    .formatted(
                        day.atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1),
                        day.plusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC)))
            .json();

    // Four jobs ran (the queued one cancelled did not): three finished, one still running.
    JsonObject client = rolledUp.getJsonObject("byClient").getJsonObject(run);
    assertThat(client.getInt("count")).isEqualTo(4);
    assertThat(client.getJsonNumber("cost").bigDecimalValue()).isPositive();
    assertThat(client).isEqualTo(costed.getJsonObject("byClient").getJsonObject(run));
    assertThat(rolledUp.getJsonObject("byProject").getJsonObject(run + "-p"))
        .isEqualTo(costed.getJsonObject("byProject").getJsonObject(run + "-p"));

    // The first job ran on three days, the second on one, the cancelled one from the second day
    // on (past the third): started on three days in all, continuing into the next day four times.
    assertThat(
            row(
                "select sum(ran), sum(started), sum(continuing) from job_days where dimension ="
                    + " 'client' and value = '%s' and day <= '%s'".formatted(run, day.plusDays(2))))
        .isEqualTo("6|3|4|");
  }

  @Test
  void rebuiltFromTheEventsTheRollupsAreTheRowsTheJobsWroteAsTheyFinished() throws Exception {
    jobs();
    String summary = "api/v1/spending/summary?from=%s&to=%s".formatted(day, day.plusDays(2));
    JsonObject before = api.get(summary).json().getJsonObject("byClient").getJsonObject(run);
    Map<String, String> written = rollupRows();

    execute("delete from job_days");
    execute("update jobs set days_rolled_up = false");
    // Until the backfill is through, the summary costs the jobs from their events: the same.
    assertThat(api.get(summary).json().getJsonObject("byClient").getJsonObject(run))
        .isEqualTo(before);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!row("select count(*) from jobs where days_rolled_up = false and status in"
            + " ('COMPLETED', 'FAILED', 'CANCELLED')")
        .equals("0|")) {
      assertThat(Instant.now()).as("the backfill adds every finished job").isBefore(deadline);
      Thread.sleep(500);
    }

    assertThat(rollupRows()).isEqualTo(written);
    assertThat(api.get(summary).json().getJsonObject("byClient").getJsonObject(run))
        .isEqualTo(before);
  }

  /**
   * Five jobs of the run's client, ten days ago and after: one over three days, one of two hours,
   * one cancelled running (it runs up to now), one still running, one cancelled while queued.
   */
  private void jobs() {
    long overThreeDays = job("a");
    event(overThreeDays, "started", day + "T22:00:00Z", "s");
    long twoHours = job("b");
    event(twoHours, "started", day.plusDays(1) + "T10:00:00Z", "s");
    // Both end in one call, in one batch: their days go into the rollups together, summed.
    Api.Answer ended =
        api.post(
            "api/v1/job-events",
            ("{\"events\": [{\"jobId\": %d, \"type\": \"completed\", \"at\": \"%sT02:00:00Z\","
                    + " \"idempotencyKey\": \"c\"}, {\"jobId\": %d, \"type\": \"failed\", \"at\":"
                    + " \"%sT12:00:00Z\", \"idempotencyKey\": \"f\"}]}")
                .formatted(overThreeDays, day.plusDays(2), twoHours, day.plusDays(1)));
    assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    assertThat(ended.json().getInt("recorded")).as(ended.body()).isEqualTo(2);
    long cancelled = job("c");
    event(cancelled, "started", day.plusDays(1) + "T23:00:00Z", "s");
    assertThat(api.post("api/v1/jobs/" + cancelled + "/cancel", "").status()).isEqualTo(200);
    long running = job("d");
    event(running, "started", day.plusDays(2) + "T01:00:00Z", "s");
    long queued = job("e");
    assertThat(api.post("api/v1/jobs/" + queued + "/cancel", "").status()).isEqualTo(200);
  }

  private long job(String name) {
    Api.Answer created =
        api.post(
            "api/v1/jobs",
            ("{\"externalId\": \"%1$s-%2$s\", \"name\": \"%1$s %2$s\", \"client\": \"%1$s\","
                    + " \"project\": \"%1$s-p\", \"team\": \"%1$s-t\", \"provider\": \"aws\","
                    + " \"gpuType\": \"H100\", \"pricing\": \"on_demand\", \"hourlyRate\": 2.49,"
                    + " \"onDemandHourlyRate\": 2.49, \"estimateMin\": 10.00, \"estimateMax\":"
                    + " 900.00, \"totalSteps\": 1000}")
                .formatted(run, name));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValueExact();
  }

  private void event(long job, String type, String at, String key) {
    Api.Answer answer =
        api.post(
            "api/v1/jobs/" + job + "/events",
            "{\"type\": \"%s\", \"at\": \"%s\", \"idempotencyKey\": \"%s\"}"
                .formatted(type, at, key));
    assertThat(answer.status()).as(answer.body()).isBetween(200, 202);
  }

  /** Every row summed over its shards, those that add up to nothing (a job moved away) left out. */
  private static Map<String, String> rollupRows() throws SQLException {
    Map<String, String> rows = new TreeMap<>();
    try (Connection db = TestDatabase.connect();
        Statement statement = db.createStatement();
        ResultSet result =
            statement.executeQuery(
                "select zone, day, dimension, value, sum(amount), sum(net), sum(ran),"
                    + " sum(started), sum(continuing) from job_days group by 1, 2, 3, 4 having"
                    + " sum(amount) <> 0 or sum(net) <> 0 or sum(ran) <> 0 or sum(started) <> 0"
                    + " or sum(continuing) <> 0")) {
      while (result.next()) {
        String key =
            "%s|%s|%s|%s"
                .formatted(
                    result.getString(1),
                    result.getString(2),
                    result.getString(3),
                    result.getString(4));
        StringBuilder sums = new StringBuilder();
        for (int c = 5; c <= 9; c++) {
          sums.append(new BigDecimal(result.getString(c)).stripTrailingZeros().toPlainString());
          sums.append('|');
        }
        rows.put(key, sums.toString());
      }
    }
    return rows;
  }

  private static String row(String sql) throws SQLException {
    try (Connection db = TestDatabase.connect();
        Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      StringBuilder row = new StringBuilder();
      for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
        row.append(result.getString(c)).append('|');
      }
      return row.toString();
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection db = TestDatabase.connect();
        Statement statement = db.createStatement()) {
      statement.execute(sql);
    }
  }
}
