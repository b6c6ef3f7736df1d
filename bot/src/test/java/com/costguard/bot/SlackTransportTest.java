package com.costguard.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.config.Configuration;
import com.slack.api.bolt.App;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Socket Mode is chosen and started only with SLACK_APP_TOKEN; HTTP is the default. */
class SlackTransportTest {

  private final List<String> connected = new ArrayList<>();
  private int closed;

  private SlackTransport transport(Map<String, String> env) {
    Map<String, String> slack = new HashMap<>(env);
    slack.put("SLACK_API_URL", "http://127.0.0.1:9/api/"); // nothing listens: no call may leave
    SlackTransport transport = new SlackTransport();
    transport.configuration = Configuration.from(slack);
    SlackBot bot = new SlackBot();
    bot.configuration = transport.configuration;
    // The handlers are registered, never called here.
    bot.budgetCommand = new com.costguard.bot.commands.BudgetCommand();
    bot.alertActions = new com.costguard.bot.actions.AlertActions();
    bot.jobActions = new com.costguard.bot.actions.JobActions();
    bot.increaseActions = new com.costguard.bot.actions.IncreaseActions();
    bot.homeTab = new com.costguard.bot.commands.HomeTab();
    bot.guard = new SlackRequestGuard();
    transport.bot = bot;
    transport.connector =
        (token, app) -> {
          connected.add(token + " " + (app instanceof App));
          return () -> closed++;
        };
    return transport;
  }

  private static final Map<String, String> HTTP =
      Map.of("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_SIGNING_SECRET", "secret");

  @Test
  void httpAloneIsTheDefault() {
    SlackTransport transport = transport(HTTP);

    assertThat(SlackTransport.socketMode(transport.configuration.slack())).isFalse();
    assertThat(transport.start()).isFalse();
    assertThat(connected).isEmpty();
  }

  @Test
  void anAppTokenChoosesAndStartsSocketModeOnce() {
    Map<String, String> env = new HashMap<>(HTTP);
    env.put("SLACK_APP_TOKEN", "xapp-test");
    SlackTransport transport = transport(env);

    assertThat(SlackTransport.socketMode(transport.configuration.slack())).isTrue();
    assertThat(transport.start()).isTrue();
    assertThat(transport.start()).as("already started").isTrue();
    assertThat(connected).containsExactly("xapp-test true");

    transport.stop();
    assertThat(closed).isEqualTo(1);
  }

  @Test
  void withoutSlackCredentialsAnAppTokenStartsNothing() {
    SlackTransport transport = transport(Map.of("SLACK_APP_TOKEN", "xapp-test"));

    assertThat(transport.start()).isFalse();
    assertThat(connected).isEmpty();
  }

  @Test
  void aConnectionThatFailsIsLoggedNotThrown() {
    Map<String, String> env = new HashMap<>(HTTP);
    env.put("SLACK_APP_TOKEN", "xapp-test");
    SlackTransport transport = transport(env);
    transport.connector =
        (token, app) -> {
          throw new java.io.IOException("no route to Slack");
        };

    assertThat(transport.start()).isFalse();
  }
}
