package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alert e-mail through a real SMTP server: GreenMail runs in this JVM on the port the build
 * reserved ({@code it.smtp.port}), which the application under test has as {@code
 * COSTGUARD_SMTP_PORT}. Each test mails a recipient of its own, since other tests' pending e-mail
 * may arrive at the same server.
 */
@SharedDeployment
class AlertsMailIT {

  @ArquillianResource URL base;

  private Api api;
  private AlertFixtures fixtures;
  private GreenMail smtp;
  private String recipient;

  @BeforeEach
  void setUp() {
    api = new Api(base);
    fixtures = new AlertFixtures(api);
    recipient = "it-" + UUID.randomUUID() + "@example.com";
    smtp = startSmtp();
  }

  @AfterEach
  void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
    }
    schedule("start");
  }

  private static GreenMail startSmtp() {
    GreenMail mail =
        new GreenMail(
            new ServerSetup(
                Integer.parseInt(System.getProperty("it.smtp.port")), "127.0.0.1", "smtp"));
    mail.start();
    return mail;
  }

  /**
   * The threshold alerts mailed to {@code to}. Whether a forecast alert is mailed as well depends
   * on the day of the month (none on its last day), so it is left out.
   */
  private List<MimeMessage> mailFor(String to) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subject(m).contains("% of budget"))
        .filter(
            m -> {
              try {
                Address[] recipients = m.getAllRecipients();
                return recipients != null
                    && Arrays.stream(recipients).anyMatch(a -> a.toString().equals(to));
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void schedule(String action) {
    Api.Answer answer =
        api.send(
            HttpRequest.newBuilder(URI.create(base + "it/alert-schedule?action=" + action))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  /** The e-mail delivery of the budget's first threshold alert. */
  private JsonObject emailDelivery(long budget) {
    return fixtures
        .alerts(budget, "threshold")
        .get(0)
        .getJsonArray("deliveries")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(d -> d.getString("channel").equals("email"))
        .findFirst()
        .orElseThrow();
  }

  /** Nothing more arrives for a while: no duplicate is on its way. */
  private void noMoreMailFor(String to, int expected) throws InterruptedException {
    Thread.sleep(3_000);
    assertThat(mailFor(to)).hasSize(expected);
  }

  @Test
  void aCrossedThresholdArrivesOnceAsHtmlWithAPlainTextPart() throws Exception {
    String name = "Mail <b>&</b> " + fixtures.client;
    long budget = fixtures.budget(name, "500", false, List.of(recipient));

    fixtures.spend("400");

    await().atMost(Duration.ofSeconds(30)).until(() -> mailFor(recipient).size() == 1);
    noMoreMailFor(recipient, 1);
    MimeMessage message = mailFor(recipient).get(0);
    assertThat(message.getSubject()).isEqualTo("[Costguard] 80% of budget \"" + name + "\" used");
    assertThat(message.getFrom()[0].toString()).isEqualTo("costguard@it.example");
    assertThat(message.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    BodyPart text = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain");
    assertThat(html.getContentType()).startsWith("text/html");
    String reason = "You've used 80% of the monthly budget ($400.00 of $500.00)";
    assertThat(content(text))
        .contains(name)
        .contains(reason)
        .contains("80.00%")
        .contains("Remaining: $100.00")
        .contains("http://portal.it.example/dashboard/training-budget?budget=" + budget);
    assertThat(content(html))
        .contains("Mail &lt;b&gt;&amp;&lt;/b&gt; " + fixtures.client)
        .doesNotContain("<b>&</b>")
        .contains("You&#39;ve used 80% of the monthly budget ($400.00 of $500.00)")
        .contains("width:80%")
        .contains("action=increase")
        .contains("action=cancel-jobs");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonObject email = emailDelivery(budget);
              assertThat(email.getString("state")).isEqualTo("delivered");
              assertThat(email.getInt("attempts")).isEqualTo(1);
            });
  }

  private static String content(BodyPart part) throws IOException, MessagingException {
    return (String) part.getContent();
  }

  @Test
  void anSmtpOutageDelaysTheMailButDeliversItOnce() throws Exception {
    long budget = fixtures.budget("Outage " + fixtures.client, "100", false, List.of(recipient));
    smtp.stop();

    fixtures.spend("85");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonObject email = emailDelivery(budget);
              assertThat(email.getString("state")).isEqualTo("pending");
              assertThat(email.getInt("attempts")).isGreaterThanOrEqualTo(2);
              assertThat(email.getString("lastError")).contains("SMTP");
            });

    smtp = startSmtp();

    await().atMost(Duration.ofSeconds(60)).until(() -> mailFor(recipient).size() == 1);
    noMoreMailFor(recipient, 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(emailDelivery(budget).getString("state")).isEqualTo("delivered"));
  }

  @Test
  void aDispatcherStoppedBetweenCommitAndDeliveryDeliversOnceWhenItRunsAgain() throws Exception {
    long budget = fixtures.budget("Restart " + fixtures.client, "100", false, List.of(recipient));
    schedule("stop");

    fixtures.spend("100");

    Thread.sleep(2_000);
    assertThat(mailFor(recipient)).isEmpty();
    assertThat(fixtures.alerts(budget, "threshold")).hasSize(3);
    assertThat(emailDelivery(budget).getString("state")).isEqualTo("pending");
    assertThat(emailDelivery(budget).getInt("attempts")).isZero();

    schedule("start");

    await().atMost(Duration.ofSeconds(30)).until(() -> mailFor(recipient).size() == 3);
    noMoreMailFor(recipient, 3);
    assertThat(mailFor(recipient))
        .extracting(MimeMessage::getSubject)
        .containsExactlyInAnyOrder(
            "[Costguard] 80% of budget \"Restart " + fixtures.client + "\" used",
            "[Costguard] 95% of budget \"Restart " + fixtures.client + "\" used",
            "[Costguard] 100% of budget \"Restart " + fixtures.client + "\" used");
  }
}
