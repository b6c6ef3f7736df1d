package com.costguard.bot;

import com.costguard.bot.commands.BudgetCommand;
import com.costguard.config.Configuration;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Builds the one Bolt {@link App}, when Slack is configured; its handlers are registered here. */
@ApplicationScoped
public class SlackBot {

  @Inject Configuration configuration;
  @Inject BudgetCommand budgetCommand;

  private Optional<App> app;

  /** The app, or empty when {@code SLACK_BOT_TOKEN} and {@code SLACK_SIGNING_SECRET} are unset. */
  public synchronized Optional<App> app() {
    if (app == null) {
      app =
          configuration.slack().enabled()
              ? Optional.of(build(configuration.slack()))
              : Optional.empty();
    }
    return app;
  }

  private App build(Configuration.Slack slack) {
    SlackConfig slackConfig = new SlackConfig();
    // Tests point this at a local fake of the Web API (SLACK_API_URL).
    slackConfig.setMethodsEndpointUrlPrefix(slack.apiUrl().toString());
    App bolt =
        new App(
            AppConfig.builder()
                .singleTeamBotToken(slack.botToken().orElseThrow())
                .signingSecret(slack.signingSecret().orElseThrow())
                .slack(Slack.getInstance(slackConfig))
                .build());
    bolt.command(Ids.BUDGET_COMMAND, budgetCommand);
    return bolt;
  }
}
