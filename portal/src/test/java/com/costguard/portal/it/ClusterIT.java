package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 9's "two instances" and "crash" (SPEC §7): two Payara Micro instances of this class's own,
 * clustered through Payara's Hazelcast on 127.0.0.1 (TCP/IP discovery, a cluster name of their
 * own), on the one test MariaDB, with the real fake Slack and GreenMail behind them.
 *
 * <p>While a test runs, the shared instance's alert schedules are stopped (and started again after
 * it), so that the alerts are delivered by the cluster alone and the fake Slack's and GreenMail's
 * counts are the cluster's.
 */
@SharedDeployment
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final int MEMBERS = 2;

  private static PayaraMicroProcess.Cluster cluster;
  private static final PayaraMicroProcess[] members = new PayaraMicroProcess[MEMBERS];
  private static GreenMail smtp;
  private static FakeSlackApi slack;

  @ArquillianResource URL shared;

  @BeforeAll
  static void startTheCluster() throws Exception {
    smtp =
        new GreenMail(
            new ServerSetup(
                Integer.parseInt(System.getProperty("it.smtp.port")), "127.0.0.1", "smtp"));
    smtp.start();
    slack = FakeSlackApi.start();
    cluster = PayaraMicroProcess.Cluster.onLoopback(MEMBERS);
    // Both at once: a Payara start is most of this class's time.
    List<CompletableFuture<PayaraMicroProcess>> starting =
        IntStream.range(0, MEMBERS)
            .mapToObj(i -> CompletableFuture.supplyAsync(() -> startMember(i)))
            .toList();
    for (int i = 0; i < MEMBERS; i++) {
      members[i] = starting.get(i).get(10, TimeUnit.MINUTES);
    }
    awaitClusterOfTwo();
  }

  private static PayaraMicroProcess startMember(int index) {
    return PayaraMicroProcess.start("cluster-" + index, Deployments.testWar(), cluster, index);
  }

  /** Payara logs its data grid's state on every change; both must count two members. */
  private static void awaitClusterOfTwo() {
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> Arrays.stream(members).allMatch(m -> m.logSays("DG Size: 2")));
  }

  @AfterAll
  static void stopTheCluster() {
    for (PayaraMicroProcess member : members) {
      if (member != null) {
        member.stop();
      }
    }
    if (slack != null) {
      slack.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @BeforeEach
  void stopTheSharedInstancesSchedules() {
    assertThat(trigger(new Api(shared), "stop").body()).contains("\"running\":false");
  }

  @AfterEach
  void startTheSharedInstancesSchedulesAgain() {
    trigger(new Api(shared), "start");
  }

  @Test
  void twentyThreadsOnTwoClusteredInstancesFireEachThresholdOnceAndDeliverEachChannelOnce()
      throws Exception {
    List<Api> instances = apis();
    for (Api instance : instances) {
      assertThat(trigger(instance, "start").body()).contains("\"running\":true");
    }
    AlertFixtures fixtures = new AlertFixtures(instances.get(0));
    String recipient = "it-" + UUID.randomUUID() + "@example.com";
    String name = "Two instances " + fixtures.client;
    long budget = fixtures.budget(name, "100", false, List.of(recipient));

    inParallel(
        20,
        t -> {
          for (int i = 0; i < 10; i++) {
            fixtures.spend(instances.get((t + i) % 2), "0.60");
          }
          return 0;
        });

    // Whichever instance took the event that crossed a threshold fired it, once.
    AlertFixtures.assertTwoHundredEventsOfSixtyCentsFiredEachAlertOnce(budget);
    List<AlertFixtures.Row> alerts = allAlerts(budget);
    assertThat(alerts)
        .extracting(AlertFixtures.Row::kind, AlertFixtures.Row::threshold)
        .doesNotHaveDuplicates();

    // Both dispatchers claim from the one outbox: every delivery ends delivered after one attempt.
    awaitAllDelivered(budget);
    assertEachDeliveredOnce(budget, name, alerts, recipient);

    // The sweep's unit for this budget, ten times on each instance at once: nothing fires again.
    List<Integer> fired =
        inParallel(
            20,
            t -> {
              Api.Answer swept =
                  instances.get(t % 2).post("it/alert-schedule?action=sweep&budget=" + budget, "");
              assertThat(swept.status()).as(swept.body()).isEqualTo(200);
              return swept.json().getInt("fired");
            });
    assertThat(fired).containsOnly(0);
    // A few more runs of both dispatchers (every second each) send nothing more.
    Thread.sleep(4_000);
    assertThat(allAlerts(budget)).isEqualTo(alerts);
    assertEachDeliveredOnce(budget, name, alerts, recipient);
  }

  /**
   * The scheduled sweep of one minute, started by both instances ten times each at once: one run
   * wins the minute and sweeps, every other run skips it. (A minute in 1999, which no real schedule
   * claims.)
   */
  /**
   * Nothing read is kept beyond a transaction (SPEC §7: every instance reads the one database): a
   * limit changed through one instance is the other's at once, even if it had read the budget just
   * before. With EclipseLink's shared cache the other kept its copy.
   */
  @Test
  void aChangeThroughOneInstanceIsWhatTheOtherReadsAtOnce() {
    List<Api> instances = apis();
    AlertFixtures fixtures = new AlertFixtures(instances.get(0));
    long budget = fixtures.budget("Read everywhere " + fixtures.client, "100", false, List.of());
    String path = "api/v1/budgets/" + budget;
    assertThat(instances.get(1).get(path).json().getJsonNumber("limit").bigDecimalValue())
        .isEqualByComparingTo("100");

    Api.Answer changed = instances.get(0).put(path, "{\"limit\": 250}", Api.TOKEN);

    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(instances.get(1).get(path).json().getJsonNumber("limit").bigDecimalValue())
        .isEqualByComparingTo("250");
  }

  @Test
  void aMinutesSweepIsDoneByOneInstanceOfTheCluster() throws Exception {
    List<Api> instances = apis();
    Instant slot =
        Instant.parse("1999-01-01T00:00:00Z")
            .plus(
                Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 500_000L),
                ChronoUnit.MINUTES);

    List<Boolean> swept =
        inParallel(
            20,
            t -> {
              Api.Answer answer =
                  instances.get(t % 2).post("it/alert-schedule?action=sweep-slot&slot=" + slot, "");
              assertThat(answer.status()).as(answer.body()).isEqualTo(200);
              return answer.json().getBoolean("swept");
            });

    assertThat(swept.stream().filter(s -> s).count()).isEqualTo(1);
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select count(*) from schedule_runs where schedule = 'alert-sweep' and slot = ?")) {
      query.setObject(1, slot.atOffset(java.time.ZoneOffset.UTC).toLocalDateTime());
      try (ResultSet r = query.executeQuery()) {
        r.next();
        assertThat(r.getInt(1)).isEqualTo(1);
      }
    }
  }

  /**
   * kill -9 of one instance while four clients post batches of cost events to it and while its
   * dispatcher waits for a slow Slack to answer the post of an alert (Slack has it; the instance
   * will never hear so), with more deliveries claimed behind it. Afterwards: each batch it answered
   * 202 is stored, each of its events once; a batch it did not answer is stored whole or not at
   * all, and the clients send those again (the same idempotency keys); every event is there once,
   * the spend adds up to the cent, each threshold fired once, and every alert is delivered once on
   * every channel — the Slack post in doubt found in the channel rather than posted again, the
   * claimed deliveries taken over by the other instance once their lease ran out.
   */
  @Test
  @Order(Integer.MAX_VALUE) // last: it kills and restarts a member the others use
  void aKillDuringIngestionAndDeliveryLosesNothingAcknowledgedAndSendsNothingTwice()
      throws Exception {
    List<Api> instances = apis();
    Api victim = instances.get(0);
    for (Api instance : instances) {
      trigger(instance, "stop");
    }
    AlertFixtures fixtures = new AlertFixtures(instances.get(1));
    String recipient = "it-" + UUID.randomUUID() + "@example.com";
    String name = "Crash " + fixtures.client;
    long budget = fixtures.budget(name, "10", false, List.of(recipient));
    int eventsPerBatch = 10;
    BigDecimal amount = new BigDecimal("0.10"); // a batch is 1.00: 80% of the limit after 8
    Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger answered = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    slack.answerSlowly("chat.postMessage", Duration.ofSeconds(90));
    try {
      trigger(victim, "start");
      CompletableFuture<List<Integer>> posting =
          CompletableFuture.supplyAsync(
              () ->
                  inParallelUnchecked(
                      4,
                      c -> {
                        // Until the instance is gone: then each client stops at its first failure.
                        for (int b = 0; b < 200; b++) {
                          String batch = fixtures.client + "/" + c + "/" + b;
                          boolean ok = post(victim, batch, eventsPerBatch, amount, fixtures.client);
                          acknowledged.put(batch, ok);
                          if (ok) {
                            answered.incrementAndGet();
                          } else if (killed.get()) {
                            break;
                          }
                        }
                        return 0;
                      }));
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> answered.get() >= 12 && !slackPostsNaming(name).isEmpty());
      members[0].kill();
      killed.set(true);
      posting.get(2, TimeUnit.MINUTES);
    } finally {
      slack.answerSlowly("chat.postMessage", Duration.ZERO);
      if (!killed.get()) {
        trigger(instances.get(1), "start");
      }
    }
    assertThat(deliveries(budget))
        .as("deliveries left undone")
        .anyMatch(d -> d.contains("/pending/"));

    members[0] = startMember(0);
    awaitClusterOfTwo();
    instances = apis();
    for (Api instance : instances) {
      trigger(instance, "start");
    }
    List<String> acked = batches(acknowledged, true);
    List<String> unacked = batches(acknowledged, false);
    assertThat(acked).hasSizeGreaterThanOrEqualTo(12);
    assertThat(unacked).as("batches sent after the kill").isNotEmpty();
    Map<String, Integer> stored = storedKeys(fixtures.client);
    for (String batch : acked) {
      for (String key : keys(batch, eventsPerBatch)) {
        assertThat(stored.get(key)).as("acknowledged event " + key).isEqualTo(1);
      }
    }
    for (String batch : unacked) {
      long present = keys(batch, eventsPerBatch).stream().filter(stored::containsKey).count();
      assertThat(present).as("batch " + batch + " is atomic").isIn(0L, (long) eventsPerBatch);
    }

    // The clients retry what got no answer, alternately on the restarted and the other instance.
    for (int i = 0; i < unacked.size(); i++) {
      assertThat(
              post(instances.get(i % 2), unacked.get(i), eventsPerBatch, amount, fixtures.client))
          .as("retry of " + unacked.get(i))
          .isTrue();
    }
    Map<String, Integer> all = storedKeys(fixtures.client);
    assertThat(all).hasSize(acknowledged.size() * eventsPerBatch);
    assertThat(all.values()).containsOnly(1);
    assertThat(spent(fixtures.client))
        .isEqualByComparingTo(BigDecimal.valueOf(acknowledged.size()));
    assertThat(AlertFixtures.rows(budget, "threshold"))
        .extracting(AlertFixtures.Row::threshold)
        .containsExactly(80, 95, 100);

    // The deliveries the dead instance held wait out their lease, then either instance sends them.
    List<AlertFixtures.Row> alerts = allAlerts(budget);
    awaitAllDelivered(budget, Duration.ofMinutes(3));
    assertEachDeliveredOnce(budget, name, alerts, recipient);
  }

  /** The chat.postMessage calls whose text names {@code name}, answered or not. */
  private static List<FakeSlackApi.Call> slackPostsNaming(String name) {
    return slack.calls("chat.postMessage").stream()
        .filter(c -> c.param("text") != null && c.param("text").contains(name))
        .toList();
  }

  private static boolean post(Api via, String batch, int events, BigDecimal amount, String client) {
    StringBuilder json = new StringBuilder("{\"events\": [");
    Instant at = Instant.now().minusSeconds(5);
    List<String> keys = keys(batch, events);
    for (int i = 0; i < keys.size(); i++) {
      json.append(i == 0 ? "" : ",")
          .append(
              "{\"idempotencyKey\": \"%s\", \"occurredAt\": \"%s\", \"operationType\": \"llm.completion\", \"amount\": %s, \"client\": \"%s\", \"provider\": \"openai\"}"
                  .formatted(keys.get(i), at, amount.toPlainString(), client));
    }
    json.append("]}");
    try {
      return via.post("api/v1/cost-events", json.toString()).status() == 202;
    } catch (UncheckedIOException refusedOrReset) {
      return false;
    }
  }

  private static List<String> keys(String batch, int events) {
    return IntStream.range(0, events).mapToObj(i -> batch + "/" + i).toList();
  }

  private static List<String> batches(Map<String, Boolean> acknowledged, boolean ok) {
    return acknowledged.entrySet().stream()
        .filter(e -> e.getValue() == ok)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** How often each idempotency key of the client is stored. */
  private static Map<String, Integer> storedKeys(String client) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select idempotency_key, count(*) from cost_events where client = ?"
                    + " group by idempotency_key")) {
      query.setString(1, client);
      Map<String, Integer> counts = new HashMap<>();
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          counts.put(r.getString(1), r.getInt(2));
        }
      }
      return counts;
    }
  }

  private static BigDecimal spent(String client) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement("select sum(amount) from cost_events where client = ?")) {
      query.setString(1, client);
      try (ResultSet r = query.executeQuery()) {
        r.next();
        return r.getBigDecimal(1);
      }
    }
  }

  private static List<Api> apis() {
    return Arrays.stream(members).map(m -> new Api(m.url())).toList();
  }

  private static void awaitAllDelivered(long budget) {
    awaitAllDelivered(budget, Duration.ofSeconds(60));
  }

  private static void awaitAllDelivered(long budget, Duration atMost) {
    await()
        .atMost(atMost)
        .untilAsserted(
            () ->
                assertThat(deliveries(budget))
                    .isNotEmpty()
                    .noneMatch(d -> d.contains("/pending/")));
  }

  /**
   * Every delivery of the budget's alerts delivered after one recorded attempt, an e-mail and an
   * in-app one for each alert; one e-mail per alert at the SMTP server; in Slack, one message per
   * Slack delivery and one breakdown reply under it, none posted twice.
   */
  private static void assertEachDeliveredOnce(
      long budget, String name, List<AlertFixtures.Row> alerts, String to) throws SQLException {
    List<String> rows = deliveries(budget);
    assertThat(rows).allMatch(d -> d.endsWith("/delivered/1"), "delivered after one attempt");
    for (AlertFixtures.Row alert : alerts) {
      assertThat(rows)
          .contains(alert.id() + "/email/delivered/1", alert.id() + "/in_app/delivered/1");
    }
    long slackDeliveries = rows.stream().filter(d -> d.contains("/slack/")).count();
    assertThat(slackDeliveries).isGreaterThanOrEqualTo(3);
    List<String> subjects = subjectsMailedTo(to);
    assertThat(subjects)
        .hasSize(alerts.size())
        .doesNotHaveDuplicates()
        .contains(
            "[Costguard] 80% of budget \"" + name + "\" used",
            "[Costguard] 95% of budget \"" + name + "\" used",
            "[Costguard] 100% of budget \"" + name + "\" used");

    Map<String, String> postedTs = slackMessages(budget);
    assertThat(postedTs).hasSize((int) slackDeliveries);
    Set<String> breakdowns = Set.copyOf(postedTs.values());
    List<String> alertPosts =
        slack.accepted("chat.postMessage").stream()
            .filter(c -> c.param("text") != null && c.param("text").contains(name))
            .map(FakeSlackApi.Call::ts)
            .filter(ts -> !breakdowns.contains(ts))
            .toList();
    assertThat(alertPosts).containsExactlyInAnyOrderElementsOf(postedTs.keySet());
    List<String> breakdownPosts =
        slack.accepted("chat.postMessage").stream()
            .map(FakeSlackApi.Call::ts)
            .filter(breakdowns::contains)
            .toList();
    assertThat(breakdownPosts).containsExactlyInAnyOrderElementsOf(breakdowns);
  }

  /** The Slack message of each of the budget's alerts: its ts → its breakdown reply's ts. */
  private static Map<String, String> slackMessages(long budget) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select m.ts, m.breakdown_ts from slack_messages m"
                    + " join alerts a on a.id = m.alert_id where a.budget_id = ?")) {
      query.setLong(1, budget);
      Map<String, String> rows = new HashMap<>();
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          rows.put(r.getString(1), r.getString(2));
        }
      }
      return rows;
    }
  }

  /** Runs {@code task(0..n-1)} on {@code n} threads at once; its results in order. */
  private static <T> List<T> inParallel(int n, IndexedTask<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Callable<T>> tasks = new ArrayList<>();
      for (int t = 0; t < n; t++) {
        int index = t;
        tasks.add(() -> task.run(index));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> done : pool.invokeAll(tasks, 5, TimeUnit.MINUTES)) {
        results.add(done.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> List<T> inParallelUnchecked(int n, IndexedTask<T> task) {
    try {
      return inParallel(n, task);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @FunctionalInterface
  private interface IndexedTask<T> {
    T run(int index) throws Exception;
  }

  private static Api.Answer trigger(Api instance, String action) {
    Api.Answer answer = instance.post("it/alert-schedule?action=" + action, "");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  /** Every alert of the budget, whatever its kind, as stored. */
  private static List<AlertFixtures.Row> allAlerts(long budget) throws SQLException {
    List<AlertFixtures.Row> rows = new ArrayList<>();
    for (String kind : List.of("threshold", "forecast", "anomaly", "blocked")) {
      rows.addAll(AlertFixtures.rows(budget, kind));
    }
    return rows;
  }

  /** "alertId/channel/state/attempts" per delivery of the budget's alerts. */
  private static List<String> deliveries(long budget) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select a.id, d.channel, d.state, d.attempts from alert_deliveries d"
                    + " join alerts a on a.id = d.alert_id where a.budget_id = ?"
                    + " order by a.id, d.channel")) {
      query.setLong(1, budget);
      List<String> rows = new ArrayList<>();
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          rows.add(r.getLong(1) + "/" + r.getString(2) + "/" + r.getString(3) + "/" + r.getInt(4));
        }
      }
      return rows;
    }
  }

  private static List<String> subjectsMailedTo(String to) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> addressedTo(m, to))
        .map(
            m -> {
              try {
                return m.getSubject();
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .collect(Collectors.toList());
  }

  private static boolean addressedTo(MimeMessage message, String to) {
    try {
      Address[] recipients = message.getAllRecipients();
      return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equals(to));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
