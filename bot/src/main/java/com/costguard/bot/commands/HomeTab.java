package com.costguard.bot.commands;

import com.costguard.application.BudgetInsights;
import com.costguard.bot.SlackBot;
import com.costguard.bot.messages.HomeView;
import com.costguard.bot.people.SlackPeople;
import com.costguard.config.Configuration;
import com.costguard.model.user.User;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The App Home tab (SPEC §3): published with the user's budgets each time they open it. */
@ApplicationScoped
public class HomeTab implements BoltEventHandler<AppHomeOpenedEvent> {

  @Inject SlackBot bot;
  @Inject SlackPeople people;
  @Inject BudgetInsights insights;
  @Inject Configuration configuration;

  @Override
  public Response apply(EventsApiPayload<AppHomeOpenedEvent> event, EventContext context) {
    if (!"home".equals(event.getEvent().getTab())) {
      return context.ack();
    }
    String slackUser = event.getEvent().getUser();
    Optional<User> user = people.user(slackUser);
    var budgets = insights.budgetsOf(user.map(User::username));
    bot.api()
        .orElseThrow()
        .publishHome(
            slackUser, HomeView.of(user.map(User::name), budgets, configuration.currency()));
    return context.ack();
  }
}
