package com.costguard.bot;

import com.costguard.bot.actions.AlertActions;
import com.costguard.bot.actions.IncreaseActions;
import com.costguard.bot.actions.JobActions;
import com.costguard.bot.commands.BudgetCommand;
import com.costguard.bot.commands.HomeTab;
import com.costguard.bot.slack.SlackWebApi;
import com.costguard.config.Configuration;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.model.event.AppHomeOpenedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the one Bolt {@link App}, when Slack is configured; its handlers are registered here. */
@ApplicationScoped
public class SlackBot {

  @Inject Configuration configuration;
  @Inject BudgetCommand budgetCommand;
  @Inject AlertActions alertActions;
  @Inject JobActions jobActions;
  @Inject IncreaseActions increaseActions;
  @Inject HomeTab homeTab;
  @Inject SlackRequestGuard guard;

  private Optional<App> app;
  private Optional<SlackWebApi> api;

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

  /** The Web API with the bot's token, for calls made outside a Slack request (alerts). */
  public synchronized Optional<SlackWebApi> api() {
    if (api == null) {
      Configuration.Slack slack = configuration.slack();
      api =
          slack.enabled()
              ? Optional.of(
                  new SlackWebApi(
                      Slack.getInstance(slackConfig(slack, configuration.delivery()))
                          .methods(slack.botToken().get())))
              : Optional.empty();
    }
    return api;
  }

  private static SlackConfig slackConfig(
      Configuration.Slack slack, Configuration.Delivery delivery) {
    SlackConfig slackConfig = new SlackConfig();
    // Tests point this at a local fake of the Web API (SLACK_API_URL).
    slackConfig.setMethodsEndpointUrlPrefix(slack.apiUrl().toString());
    // The SDK's call statistics (unused here) resolve the team id with an extra auth.test before
    // the first call of each token, and log SEVERE whenever Slack is unreachable.
    slackConfig.setStatsEnabled(false);
    // A Slack that hangs or crawls fails the call within COSTGUARD_DELIVERY_TIMEOUT_SECONDS (the
    // outbox retries it) rather than holding the dispatcher or a request thread.
    int millis = (int) delivery.timeout().toMillis();
    slackConfig.setHttpClientReadTimeoutMillis(millis);
    slackConfig.setHttpClientWriteTimeoutMillis(millis);
    slackConfig.setHttpClientCallTimeoutMillis(millis);
    return slackConfig;
  }

  private App build(Configuration.Slack slack) {
    AppConfig config =
        AppConfig.builder()
            .singleTeamBotToken(slack.botToken().orElseThrow())
            .signingSecret(slack.signingSecret().orElseThrow())
            .slack(Slack.getInstance(slackConfig(slack, configuration.delivery())))
            .build();
    App bolt =
        new App(config) {
          /**
           * Bolt's own middleware (signature and timestamp check, auth.test), then our guard: our
           * team only, each delivery once. Added here, not with {@code use()}, which would build
           * the list — and call auth.test — now, so that the application could not start while
           * Slack is unreachable; Bolt builds it when it starts serving.
           */
          @Override
          protected List<Middleware> buildDefaultMiddlewareList(AppConfig appConfig) {
            List<Middleware> middleware =
                new ArrayList<>(super.buildDefaultMiddlewareList(appConfig));
            middleware.add(guard);
            return middleware;
          }
        };
    bolt.command(Ids.BUDGET_COMMAND, budgetCommand);
    bolt.blockAction(Ids.INCREASE_BUDGET, increaseActions::open);
    bolt.viewSubmission(Ids.INCREASE_MODAL, increaseActions::submit);
    bolt.blockAction(Ids.APPROVE_INCREASE, increaseActions::approve);
    bolt.blockAction(Ids.REJECT_INCREASE, increaseActions::askReason);
    bolt.viewSubmission(Ids.REJECT_MODAL, increaseActions::reject);
    bolt.blockAction(Ids.CANCEL_ACTIVE_JOBS, alertActions::listActiveJobs);
    bolt.blockAction(Ids.CANCEL_JOB, jobActions::cancel);
    // URL buttons still send an action; it needs an acknowledgement and nothing else.
    bolt.blockAction(Ids.VIEW_DASHBOARD, (request, context) -> context.ack());
    bolt.blockAction(Ids.VIEW_JOB, (request, context) -> context.ack());
    bolt.event(AppHomeOpenedEvent.class, homeTab);
    return bolt;
  }
}
