package com.costguard.bot.commands;

import com.costguard.application.Actor;
import com.costguard.application.BudgetInsights;
import com.costguard.application.BudgetView;
import com.costguard.application.IncreaseRequestService;
import com.costguard.application.RequestRefusedException;
import com.costguard.application.SpendingService;
import com.costguard.bot.actions.IncreaseActions;
import com.costguard.bot.actions.IncreaseThreads;
import com.costguard.bot.messages.HelpMessage;
import com.costguard.bot.messages.IncreaseModal;
import com.costguard.bot.messages.JobsMessage;
import com.costguard.bot.messages.Slack;
import com.costguard.bot.messages.SlackMessage;
import com.costguard.bot.messages.StatusMessage;
import com.costguard.bot.people.SlackPeople;
import com.costguard.bot.slack.SlackCallFailed;
import com.costguard.config.Configuration;
import com.costguard.model.increase.IncreaseRequest;
import com.costguard.model.user.User;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /budget status | jobs | increase <budget> <new limit> <reason> | help}: answered
 * ephemerally to the person who typed it. Reading needs no Costguard user; asking for an increase
 * does.
 */
@ApplicationScoped
public class BudgetCommand implements SlashCommandHandler {

  @Inject SpendingService spending;
  @Inject BudgetInsights insights;
  @Inject IncreaseRequestService requests;
  @Inject IncreaseThreads threads;
  @Inject SlackPeople people;
  @Inject Configuration configuration;

  @Override
  public Response apply(SlashCommandRequest request, SlashCommandContext context) {
    String text = request.getPayload().getText();
    String[] words = text == null ? new String[] {""} : text.strip().split("\\s+", 4);
    String subcommand = words[0].toLowerCase(Locale.ROOT);
    return switch (subcommand) {
      case "", "help" -> context.ack(r -> r.blocks(HelpMessage.blocks()).text(HelpMessage.TEXT));
      case "status" -> {
        var month = spending.thisMonth();
        yield context.ack(
            r -> r.blocks(StatusMessage.blocks(month)).text(StatusMessage.text(month)));
      }
      case "jobs" -> {
        SlackMessage jobs =
            JobsMessage.of("Active jobs", insights.activeJobs(), configuration.currency());
        yield context.ack(r -> r.blocks(jobs.blocks()).text(jobs.text()));
      }
      case "increase" -> context.ack(increase(request, words));
      default -> context.ack(r -> r.blocks(HelpMessage.unknown(subcommand)).text(HelpMessage.TEXT));
    };
  }

  /** {@code increase <budget id or name> <new limit> <reason>}: the answer's text. */
  private String increase(SlashCommandRequest request, String[] words) {
    if (words.length < 4) {
      return "Usage: `/budget increase <budget id or name> <new limit> <reason>`";
    }
    String slackUser = request.getPayload().getUserId();
    Optional<User> user = people.user(slackUser);
    if (user.isEmpty()) {
      return "Your Slack account is not linked to a Costguard user: you can read budgets but not"
          + " ask for increases.";
    }
    Optional<BudgetView> budget = insights.find(words[1]);
    if (budget.isEmpty()) {
      return "There is no budget `" + Slack.escape(words[1]) + "`.";
    }
    Optional<BigDecimal> limit = IncreaseActions.amount(words[2]);
    if (limit.isEmpty()) {
      return "`" + Slack.escape(words[2]) + "` is not an amount: try 600 or 1250.50.";
    }
    IncreaseRequest made;
    try {
      made =
          requests.request(
              Actor.slack(user.get()), budget.get().budget().id(), limit.get(), words[3]);
    } catch (RequestRefusedException e) {
      return "Not requested: " + Slack.escape(e.getMessage()) + ".";
    }
    String answer = "Increase request %d is %s.".formatted(made.id(), made.status().apiName());
    try {
      threads.requested(
          made,
          new IncreaseModal.Origin(
              made.budgetId(),
              request.getPayload().getChannelId(),
              Optional.empty(),
              Optional.empty()),
          Slack.mention(slackUser));
    } catch (SlackCallFailed e) {
      return answer + " Slack did not take the message about it (" + e.getMessage() + ").";
    }
    return answer;
  }
}
