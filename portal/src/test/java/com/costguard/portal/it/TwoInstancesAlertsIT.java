package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's "exactly once with two application instances on one database": the shared Payara Micro
 * and a second one of this class's own (same WAR, same MariaDB, {@code --nocluster}: nothing but
 * the database connects them) take the cost events of twenty threads at once, alternately, while
 * both run their outbox dispatchers and sweeps. Each threshold must fire once, each alert must have
 * one delivery per channel, delivered once, and GreenMail must receive each e-mail once.
 */
@SharedDeployment
class TwoInstancesAlertsIT {

  private static PayaraMicroProcess second;
  private static GreenMail smtp;

  @ArquillianResource URL base;

  @BeforeAll
  static void startSmtpAndSecondInstance() {
    smtp =
        new GreenMail(
            new ServerSetup(
                Integer.parseInt(System.getProperty("it.smtp.port")), "127.0.0.1", "smtp"));
    smtp.start();
    second = PayaraMicroProcess.start("second", Deployments.testWar());
  }

  /**
   * The second instance goes with this class: its dispatcher would otherwise deliver what a later
   * test holds back by stopping the shared instance's one.
   */
  @AfterAll
  static void stopSecondInstanceAndSmtp() {
    if (second != null) {
      second.stop();
    }
    smtp.stop();
  }

  @Test
  void twentyThreadsOnTwoInstancesFireEachThresholdOnceAndDeliverEachChannelOnce()
      throws Exception {
    List<Api> instances = List.of(new Api(base), new Api(second.url()));
    for (Api instance : instances) {
      assertThat(trigger(instance, "start").body()).contains("\"running\":true");
    }
    AlertFixtures fixtures = new AlertFixtures(instances.get(0));
    String recipient = "it-" + UUID.randomUUID() + "@example.com";
    String name = "Two instances " + fixtures.client;
    long budget = fixtures.budget(name, "100", false, List.of(recipient));

    int threads = 20;
    int eventsEach = 10;
    inParallel(
        threads,
        t -> {
          for (int i = 0; i < eventsEach; i++) {
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
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(deliveries(budget))
                    .isNotEmpty()
                    .noneMatch(d -> d.contains("/pending/")));
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
   * One e-mail and one in-app delivery per alert, each delivered after one attempt, and one e-mail
   * per alert at the SMTP server.
   */
  private static void assertEachDeliveredOnce(
      long budget, String name, List<AlertFixtures.Row> alerts, String to) throws SQLException {
    List<String> expected = new ArrayList<>();
    for (AlertFixtures.Row alert : alerts) {
      expected.add(alert.id() + "/email/delivered/1");
      expected.add(alert.id() + "/in_app/delivered/1");
    }
    assertThat(deliveries(budget)).containsExactlyInAnyOrderElementsOf(expected);
    List<String> subjects = subjectsMailedTo(to);
    assertThat(subjects)
        .hasSize(alerts.size())
        .doesNotHaveDuplicates()
        .contains(
            "[Costguard] 80% of budget \"" + name + "\" used",
            "[Costguard] 95% of budget \"" + name + "\" used",
            "[Costguard] 100% of budget \"" + name + "\" used");
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

  /** "alertId/channel/state/attempts" per e-mail and in-app delivery of the budget's alerts. */
  private static List<String> deliveries(long budget) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select a.id, d.channel, d.state, d.attempts from alert_deliveries d"
                    + " join alerts a on a.id = d.alert_id where a.budget_id = ?"
                    + " and d.channel in ('email', 'in_app') order by a.id, d.channel")) {
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
        .toList();
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
