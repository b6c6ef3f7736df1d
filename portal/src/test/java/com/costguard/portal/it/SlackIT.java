package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Slack bot inside Payara: Bolt checks signatures; {@code /budget} answers. */
@SharedDeployment
class SlackIT {

  private static FakeSlackApi slack;

  @ArquillianResource URL base;

  private Api api;
  private URI endpoint;

  @BeforeAll
  static void startFakeSlack() throws Exception {
    slack = FakeSlackApi.start();
  }

  @AfterAll
  static void stopFakeSlack() {
    slack.close();
  }

  @BeforeEach
  void setUp() {
    api = new Api(base);
    endpoint = URI.create(base.toString()).resolve("slack/events");
  }

  /** {@code /budget <text>} as Slack sends it, signed with {@code secret} at {@code at}. */
  private Api.Answer budget(String text, Instant at, String secret) {
    return api.send(SlackRequests.signed(endpoint, SlackRequests.slashCommand(text), at, secret));
  }

  @Test
  void aSignedBudgetHelpIsAnswered() {
    Api.Answer answer = budget("help", Instant.now(), SlackRequests.SIGNING_SECRET);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("/budget status").contains("/budget help");
    assertThat(slack.calls()).contains("auth.test");
  }

  @Test
  void budgetStatusReportsThisMonthsSpend() {
    Api.Answer answer = budget("status", Instant.now(), SlackRequests.SIGNING_SECRET);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("Spent this month").contains("USD");
  }

  @Test
  void anUnknownSubcommandIsNamedAndEscaped() {
    Api.Answer answer = budget("<!channel> launch", Instant.now(), SlackRequests.SIGNING_SECRET);

    assertThat(answer.status()).isEqualTo(200);
    String firstBlock =
        answer
            .json()
            .getJsonArray("blocks")
            .getJsonObject(0)
            .getJsonObject("text")
            .getString("text");
    assertThat(firstBlock).contains("`&lt;!channel&gt;`").doesNotContain("<!channel>");
  }

  @Test
  void anUnsignedRequestIsRefused() {
    Api.Answer answer =
        api.send(SlackRequests.unsigned(endpoint, SlackRequests.slashCommand("help")));

    assertThat(answer.status()).isEqualTo(401);
  }

  @Test
  void aRequestSignedWithAnotherSecretIsRefused() {
    Api.Answer answer = budget("help", Instant.now(), "not-our-secret");

    assertThat(answer.status()).isEqualTo(401);
  }

  @Test
  void aStaleRequestIsRefused() {
    Api.Answer answer =
        budget("help", Instant.now().minus(Duration.ofMinutes(6)), SlackRequests.SIGNING_SECRET);

    assertThat(answer.status()).isEqualTo(401);
  }
}
