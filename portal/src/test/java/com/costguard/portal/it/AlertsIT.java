package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
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
 * Budget alerts against the real WAR in Payara Micro and a real MariaDB: thresholds fire exactly
 * once under concurrent ingestion, a raised limit re-arms them, a blocking budget refuses new jobs,
 * and {@code GET /alerts} shows each alert's deliveries. E-mail goes nowhere here (no SMTP server
 * listens): {@link AlertsMailIT} follows it to GreenMail.
 */
@SharedDeployment
class AlertsIT {

  @ArquillianResource URL base;

  private Api api;
  private AlertFixtures fixtures;

  @BeforeEach
  void setUp() {
    api = new Api(base);
    fixtures = new AlertFixtures(api);
  }

  @Test
  void twentyThreadsCrossingEveryThresholdFireEachExactlyOnce() throws Exception {
    String recipient = "it-" + UUID.randomUUID() + "@example.com";
    long budget =
        fixtures.budget("Concurrent " + fixtures.client, "100", false, List.of(recipient));
    int threads = 20;
    int eventsEach = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Callable<Void>> posters = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      posters.add(
          () -> {
            for (int i = 0; i < eventsEach; i++) {
              fixtures.spend("0.60");
            }
            return null;
          });
    }
    try {
      for (Future<Void> poster : pool.invokeAll(posters, 5, TimeUnit.MINUTES)) {
        poster.get();
      }
    } finally {
      pool.shutdownNow();
    }

    AlertFixtures.assertTwoHundredEventsOfSixtyCentsFiredEachAlertOnce(budget);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(fixtures.alerts(budget))
                    .allSatisfy(
                        alert ->
                            assertThat(delivery(alert, "in_app").getString("state"))
                                .isEqualTo("delivered")));
    List<JsonObject> alerts = fixtures.alerts(budget, "threshold");
    assertThat(alerts).hasSize(3);
    JsonObject first = alerts.get(0);
    assertThat(first.getJsonNumber("budgetId").longValueExact()).isEqualTo(budget);
    assertThat(first.getString("kind")).isEqualTo("threshold");
    assertThat(first.getInt("threshold")).isEqualTo(80);
    assertThat(first.getString("periodStart")).endsWith("-01T00:00:00Z");
    assertThat(first.getString("firedAt")).isNotBlank();
    assertThat(first.get("spent").toString()).isEqualTo("80.40");
    assertThat(first.get("limit").toString()).isEqualTo("100.00");
    assertThat(first.isNull("rearmedAt")).isTrue();
    assertThat(delivery(first, "in_app").getInt("attempts")).isEqualTo(1);
    // No SMTP server listens in this test: the e-mail stays pending, retried with back-off.
    assertThat(delivery(first, "email").getString("state")).isEqualTo("pending");
  }

  private static JsonObject delivery(JsonObject alert, String channel) {
    return alert.getJsonArray("deliveries").getValuesAs(JsonObject.class).stream()
        .filter(d -> d.getString("channel").equals(channel))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + channel + " delivery in " + alert));
  }

  @Test
  void aRaisedLimitReArmsWhatItUncrossesAndItFiresAgain() throws SQLException {
    long budget = fixtures.budget("Raised " + fixtures.client, "100", false, List.of());
    fixtures.spend("96");
    assertThat(AlertFixtures.rows(budget, "threshold"))
        .extracting(AlertFixtures.Row::threshold)
        .containsExactly(80, 95);

    Api.Answer raised = api.put("api/v1/budgets/" + budget, "{\"limit\": 110}", Api.TOKEN);
    assertThat(raised.status()).as(raised.body()).isEqualTo(200);

    // 96 of 110 = 87.3%: 95 re-arms, 80 stands
    assertThat(AlertFixtures.rows(budget, "threshold"))
        .extracting(AlertFixtures.Row::threshold, AlertFixtures.Row::standing)
        .containsExactly(tuple(80, true), tuple(95, false));
    assertThat(fixtures.alerts(budget, "threshold").get(1).getString("rearmedAt")).isNotBlank();

    fixtures.spend("10"); // 106 of 110 = 96.4%

    assertThat(AlertFixtures.rows(budget, "threshold"))
        .extracting(AlertFixtures.Row::threshold, AlertFixtures.Row::standing)
        .containsExactly(tuple(80, true), tuple(95, false), tuple(95, true));
  }

  private Api.Answer createJob(String estimateMax) {
    return api.post(
        "api/v1/jobs",
        Fixtures.load(
            "alert-job.json",
            Map.of(
                "externalId",
                "it-alert-job-" + UUID.randomUUID(),
                "client",
                fixtures.client,
                "estimateMin",
                "0",
                "estimateMax",
                estimateMax)));
  }

  @Test
  void aBlockingBudgetRefusesJobsItCannotCoverNamingItselfAndAlertsOnce() throws SQLException {
    String name = "Blocking " + fixtures.client;
    long budget = fixtures.budget(name, "100", true, List.of());
    fixtures.spend("10");

    Api.Answer tooBig = createJob("90.01"); // 10 + 90.01 > 100
    Api.Answer fits = createJob("90"); // reaches the limit exactly

    assertThat(tooBig.status()).as(tooBig.body()).isEqualTo(409);
    assertThat(tooBig.json().getString("error")).isEqualTo("budget_exceeded");
    assertThat(tooBig.json().getString("message")).contains(name).contains("90.01");
    assertThat(fits.status()).as(fits.body()).isEqualTo(201);

    fixtures.spend("90"); // 100 of 100: at the limit

    for (int i = 0; i < 3; i++) {
      Api.Answer refused = createJob("0");
      assertThat(refused.status()).as(refused.body()).isEqualTo(409);
      assertThat(refused.json().getString("error")).isEqualTo("budget_exceeded");
      assertThat(refused.json().getString("message"))
          .contains("budget '%s' (id %d)".formatted(name, budget))
          .contains("100.00%");
    }
    assertThat(AlertFixtures.rows(budget, "blocked")).hasSize(1);
    assertThat(fixtures.alerts(budget, "blocked"))
        .singleElement()
        .satisfies(a -> assertThat(a.isNull("threshold")).isTrue());
  }

  @Test
  void aBudgetsEmailRecipientsAreValidatedReadBackAndCleared() {
    long budget =
        fixtures.budget(
            "Recipients " + fixtures.client,
            "10",
            false,
            List.of("a@example.com", "b@example.com"));
    String path = "api/v1/budgets/" + budget;
    assertThat(api.get(path).json().get("notifyEmails").toString())
        .isEqualTo("[\"a@example.com\",\"b@example.com\"]");

    Api.Answer bad =
        api.put(path, "{\"notifyEmails\": [\"a@example.com\", \"not mail\"]}", Api.TOKEN);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("field")).isEqualTo("notifyEmails[1]");
    assertThat(
            api.put(path, "{\"notifyEmails\": \"a@example.com\"}", Api.TOKEN)
                .json()
                .getString("field"))
        .isEqualTo("notifyEmails");

    Api.Answer quiet = api.put(path, "{\"quietHours\": \"22:00-07:00\"}", Api.TOKEN);
    assertThat(quiet.status()).as(quiet.body()).isEqualTo(200);
    assertThat(quiet.json().getString("quietHours")).isEqualTo("22:00-07:00");
    assertThat(api.put(path, "{\"quietHours\": \"late\"}", Api.TOKEN).json().getString("field"))
        .isEqualTo("quietHours");

    Api.Answer cleared = api.put(path, "{\"notifyEmails\": null, \"quietHours\": null}", Api.TOKEN);
    assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
    assertThat(cleared.json().getJsonArray("notifyEmails")).isEmpty();
    assertThat(cleared.json().isNull("quietHours")).isTrue();
  }

  @Test
  void alertsAreFilteredByBudgetAndSinceAndBadFiltersAreRefused() {
    long budget = fixtures.budget("Filtered " + fixtures.client, "10", false, List.of());
    fixtures.spend("9");
    List<JsonObject> alerts = fixtures.alerts(budget, "threshold");
    assertThat(alerts).extracting(a -> a.getInt("threshold")).containsExactly(80);
    String firedAt = alerts.get(0).getString("firedAt");

    String since = "api/v1/alerts?budget=" + budget + "&since=";
    assertThat(api.get(since + firedAt).json().getJsonArray("alerts"))
        .extracting(a -> a.asJsonObject().getJsonNumber("budgetId").longValueExact())
        .isNotEmpty()
        .containsOnly(budget);
    assertThat(api.get(since + firedAt).json().getJsonArray("alerts"))
        .extracting(a -> a.asJsonObject().getJsonNumber("id"))
        .contains(alerts.get(0).getJsonNumber("id"));
    assertThat(api.get(since + "2999-01-01T00:00:00Z").json().getInt("total")).isZero();
    assertThat(api.get("api/v1/alerts?budget=" + Long.MAX_VALUE).json().getInt("total")).isZero();
    assertThat(api.get("api/v1/alerts?since=yesterday").json().getString("field"))
        .isEqualTo("since");
    assertThat(api.get("api/v1/alerts?budget=abc").json().getString("field")).isEqualTo("budget");
    assertThat(api.get("api/v1/alerts", null).status()).isEqualTo(401);
  }
}
