package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API against the real WAR in Payara Micro and a real MariaDB: what it accepts is stored
 * exactly once and adds up; what it refuses changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.costguard();
  }

  @ArquillianResource URL base;

  private Api api;
  private String run;
  private LocalDate day;

  @BeforeEach
  void setUp() {
    api = new Api(base);
    run = "it-" + UUID.randomUUID();
    // A day no other test writes to, so its summary holds only this test's events.
    day = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(7000));
  }

  private String batch() {
    return Fixtures.load("cost-events-batch.json", Map.of("run", run, "day", day.toString()));
  }

  private Api.Answer summaryOfTheDay() {
    return api.get("api/v1/spending/summary?from=" + day + "&to=" + day);
  }

  @Test
  void aBatchIsStoredExactlyAndReadBack() throws SQLException {
    Api.Answer posted = api.post("api/v1/cost-events", batch());

    assertThat(posted.status()).isEqualTo(202);
    assertThat(posted.json().getInt("accepted")).isEqualTo(3);
    assertThat(posted.json().getInt("duplicates")).isZero();

    Api.Answer summary = summaryOfTheDay();
    assertThat(summary.status()).isEqualTo(200);
    assertThat(summary.json().getJsonNumber("total").bigDecimalValue())
        .isEqualByComparingTo("1234567.991357");
    assertThat(summary.json().getInt("events")).isEqualTo(3);
    assertThat(summary.json().getString("currency")).isEqualTo("USD");
    assertThat(summary.json().getJsonNumber("reuseSavings").bigDecimalValue())
        .isEqualByComparingTo("65432.108766");
    assertThat(summary.json().getJsonObject("byClient").getJsonObject("Acme Corp").toString())
        .isEqualTo("{\"cost\":0.10,\"count\":1}");
    assertThat(summary.json().getJsonObject("byClient").keySet())
        .containsExactly("(none)", "Acme Corp", "Globex");
    assertThat(summary.json().getJsonObject("byProvider").getJsonObject("openai").getInt("count"))
        .isEqualTo(1);
    assertThat(summary.json().getJsonArray("byDay").toString())
        .isEqualTo("[{\"date\":\"%s\",\"cost\":1234567.991357,\"count\":3}]".formatted(day));

    assertThat(amountsStored())
        .containsExactly(
            new BigDecimal("0.100000"),
            new BigDecimal("0.000123"),
            new BigDecimal("1234567.891234"));
  }

  /** The summary keeps a range's groups only while no event is added to it (issue 8). */
  @Test
  void aSummaryReadAgainShowsAnEventAddedSince() {
    api.post("api/v1/cost-events", batch());
    assertThat(summaryOfTheDay().json().getInt("events")).isEqualTo(3);
    assertThat(summaryOfTheDay().json().getInt("events")).isEqualTo(3);

    Api.Answer posted =
        api.post(
            "api/v1/cost-events",
            """
            {"events": [{"idempotencyKey": "%s-late", "occurredAt": "%sT11:00:00Z",
              "operationType": "llm", "amount": 0.50, "client": "Acme Corp"}]}"""
                .formatted(run, day));
    JsonObject summary = summaryOfTheDay().json();

    assertThat(posted.status()).as(posted.body()).isEqualTo(202);
    assertThat(summary.getInt("events")).isEqualTo(4);
    assertThat(summary.getJsonNumber("total").bigDecimalValue())
        .isEqualByComparingTo("1234568.491357");
    assertThat(summary.getJsonObject("byClient").getJsonObject("Acme Corp").toString())
        .isEqualTo("{\"cost\":0.60,\"count\":2}");
  }

  @Test
  void aDuplicateKeyIsCountedNotStoredTwice() throws SQLException {
    api.post("api/v1/cost-events", batch());

    Api.Answer again = api.post("api/v1/cost-events", batch());

    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().getInt("accepted")).isZero();
    assertThat(again.json().getInt("duplicates")).isEqualTo(3);
    assertThat(amountsStored()).hasSize(3);
    assertThat(summaryOfTheDay().json().getInt("events")).isEqualTo(3);
  }

  @Test
  void aBatchPartlyKnownStoresOnlyItsNewKeys() throws SQLException {
    api.post("api/v1/cost-events", batch());
    String known = batch();
    String fresh =
        """
        {"idempotencyKey": "%1$s-new-%2$d", "occurredAt": "%3$sT12:00:00Z", "operationType": "llm",
         "amount": 1.25}""";
    String mixed =
        known.substring(0, known.lastIndexOf(']'))
            + ","
            + fresh.formatted(run, 1, day)
            + ","
            + fresh.formatted(run, 2, day)
            + "]}";

    Api.Answer posted = api.post("api/v1/cost-events", mixed);

    assertThat(posted.status()).as(posted.body()).isEqualTo(202);
    assertThat(posted.json().getInt("accepted")).isEqualTo(2);
    assertThat(posted.json().getInt("duplicates")).isEqualTo(3);
    assertThat(amountsStored()).hasSize(5);
    assertThat(summaryOfTheDay().json().getInt("events")).isEqualTo(5);
  }

  /**
   * A batch of new keys goes in as one bulk statement, not a statement per event (issue 8): the
   * server counts one INSERT per statement, however many rows it stores.
   */
  @Test
  void aBatchOfNewKeysIsOneInsertStatement() throws SQLException {
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      events
          .append(i == 0 ? "" : ",")
          .append(
              """
              {"idempotencyKey": "%s-bulk-%d", "occurredAt": "%sT12:00:00Z",
               "operationType": "llm", "amount": 0.01}"""
                  .formatted(run, i, day));
    }
    long before = insertStatements();

    Api.Answer posted = api.post("api/v1/cost-events", "{\"events\": [" + events + "]}");

    assertThat(posted.json().getInt("accepted")).as(posted.body()).isEqualTo(500);
    // The few other inserts are the rollups' upsert and what runs in the background meanwhile.
    assertThat(insertStatements() - before).isLessThan(50);
    assertThat(amountsStored()).hasSize(500);
  }

  private static long insertStatements() throws SQLException {
    try (Connection db = TestDatabase.connect();
        ResultSet status =
            db.createStatement().executeQuery("show global status like 'Com_insert'")) {
      status.next();
      return status.getLong(2);
    }
  }

  @Test
  void aKeyRepeatedWithinOneBatchIsStoredOnce() throws SQLException {
    String event =
        """
        {"idempotencyKey": "%s-1", "occurredAt": "%sT12:00:00Z", "operationType": "llm",
         "amount": 2.50}"""
            .formatted(run, day);

    Api.Answer posted =
        api.post("api/v1/cost-events", "{\"events\": [" + event + "," + event + "]}");

    assertThat(posted.json().getInt("accepted")).isEqualTo(1);
    assertThat(posted.json().getInt("duplicates")).isEqualTo(1);
    assertThat(amountsStored()).containsExactly(new BigDecimal("2.500000"));
  }

  @Test
  void aBatchWithOneBadEventWritesNothingAndNamesTheField() throws SQLException {
    String bad = batch().replace("\"amount\": 0.000123", "\"amount\": \"cheap\"");

    Api.Answer refused = api.post("api/v1/cost-events", bad);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getString("error")).isEqualTo("validation");
    assertThat(refused.json().getString("field")).isEqualTo("events[1].amount");
    assertThat(refused.json().getString("message")).isNotBlank();
    assertThat(amountsStored()).isEmpty();
  }

  @Test
  void invalidEventsAreRefusedWithTheirField() throws SQLException {
    Map<String, String> cases =
        Map.of(
            "\"amount\": 0.10,",
            "\"amount\": -0.10,",
            "\"currency\": \"USD\"",
            "\"currency\": \"EUR\"",
            "\"occurredAt\": \"" + day + "T09:15:00Z\"",
            "\"occurredAt\": \"yesterday\"",
            "\"amount\": 1234567.891234",
            "\"amount\": 1.0000001");
    List<String> fields = new ArrayList<>();
    for (var change : cases.entrySet()) {
      Api.Answer refused =
          api.post("api/v1/cost-events", batch().replace(change.getKey(), change.getValue()));
      assertThat(refused.status()).as(change.getValue()).isEqualTo(400);
      fields.add(refused.json().getString("field"));
    }
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "events[0].amount", "events[0].currency", "events[0].occurredAt", "events[2].amount");
    assertThat(amountsStored()).isEmpty();
  }

  @Test
  void anEventNamingAJobThatDoesNotExistRefusesTheBatch() throws SQLException {
    String ofNoJob =
        batch()
            .replace("\"amount\": 0.000123,", "\"amount\": 0.000123, \"jobId\": 9007199254740993,");

    Api.Answer refused = api.post("api/v1/cost-events", ofNoJob);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getString("error")).isEqualTo("validation");
    assertThat(refused.json().getString("field")).isEqualTo("events[1].jobId");
    assertThat(refused.json().getString("message")).contains("9007199254740993");
    assertThat(amountsStored()).isEmpty();
  }

  @Test
  void malformedBodiesAreRefused() {
    assertThat(api.post("api/v1/cost-events", "{\"events\": [").status()).isEqualTo(400);
    assertThat(api.post("api/v1/cost-events", "{\"events\": []}").json().getString("field"))
        .isEqualTo("events");
    assertThat(api.post("api/v1/cost-events", "[1, 2]").status()).isEqualTo(400);
    assertThat(api.post("api/v1/cost-events", "{\"events\": [42]}").json().getString("field"))
        .isEqualTo("events[0]");
  }

  @Test
  void moreThanTenThousandEventsIsTooLarge() throws SQLException {
    StringBuilder events = new StringBuilder();
    for (int i = 0; i <= 10_000; i++) {
      events
          .append(i == 0 ? "" : ",")
          .append(
              "{\"idempotencyKey\":\"%s-%d\",\"occurredAt\":\"%sT08:00:00Z\",\"operationType\":\"llm\",\"amount\":0.01}"
                  .formatted(run, i, day));
    }

    Api.Answer refused = api.post("api/v1/cost-events", "{\"events\":[" + events + "]}");

    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.json().getString("error")).isEqualTo("too_large");
    assertThat(amountsStored()).isEmpty();
  }

  @Test
  void aBodyOverSixteenMebibytesIsTooLarge() {
    String padding = "x".repeat(16 * 1024 * 1024);

    Api.Answer refused =
        api.post("api/v1/cost-events", "{\"events\": [], \"padding\": \"" + padding + "\"}");

    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.json().getString("error")).isEqualTo("too_large");
  }

  @Test
  void anEventStampedInTheFutureIsRefused() throws SQLException {
    String future = batch().replace(day + "T10:00:00Z", "2999-01-01T00:00:00Z");

    Api.Answer refused = api.post("api/v1/cost-events", future);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getString("field")).isEqualTo("events[1].occurredAt");
    assertThat(amountsStored()).isEmpty();
  }

  @Test
  void callsWithoutAKnownTokenAreUnauthorized() {
    Api.Answer none = api.get("api/v1/spending/summary", null);
    Api.Answer unknown = api.get("api/v1/spending/summary", "not-a-token");

    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().getString("error")).isEqualTo("unauthorized");
    assertThat(unknown.status()).isEqualTo(401);
  }

  @Test
  void aViewerMayReadButNotReportCosts() throws SQLException {
    String viewer = TestUsers.tokenFor("VIEWER");

    Api.Answer refused = api.post("api/v1/cost-events", batch(), viewer);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().getString("error")).isEqualTo("forbidden");
    assertThat(amountsStored()).isEmpty();
    assertThat(api.get("api/v1/spending/summary", viewer).status()).isEqualTo(200);
  }

  @Test
  void theSummaryRefusesABadRange() {
    Api.Answer refused = api.get("api/v1/spending/summary?from=2026-13-01&to=2026-12-01");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getString("field")).isEqualTo("from");
  }

  @Test
  void healthChecksTheDatabaseAndMetricsAreServed() {
    Api.Answer health = api.get("health", null);
    Api.Answer metrics = api.get("metrics", null);

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("\"database\"").contains("UP");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE");
  }

  @Test
  void theOpenApiDocumentDescribesTheApi() {
    Api.Answer openapi = api.get("openapi", null);

    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body())
        .contains("Costguard API")
        .contains("/api/v1/cost-events")
        .contains("/api/v1/spending/summary")
        .contains("bearer");
  }

  private List<BigDecimal> amountsStored() throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select amount from cost_events where idempotency_key like ? order by idempotency_key")) {
      query.setString(1, run + "-%");
      List<BigDecimal> amounts = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          amounts.add(rows.getBigDecimal(1));
        }
      }
      return amounts;
    }
  }
}
