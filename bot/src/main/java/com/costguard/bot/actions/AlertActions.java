package com.costguard.bot.actions;

import com.costguard.application.BudgetInsights;
import com.costguard.application.RequestRefusedException;
import com.costguard.bot.SlackBot;
import com.costguard.bot.messages.JobsMessage;
import com.costguard.bot.messages.Slack;
import com.costguard.bot.messages.SlackMessage;
import com.costguard.bot.slack.SlackWebApi;
import com.costguard.config.Configuration;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Cancel active jobs on a budget alert (SPEC §3: a confirm dialog, then a picker): once confirmed
 * in Slack's dialog, the budget's active jobs are listed in the alert's thread, each with its own
 * Cancel button, which {@link JobActions} handles with the cancel rules.
 */
@ApplicationScoped
public class AlertActions {

  @Inject SlackBot bot;
  @Inject BudgetInsights insights;
  @Inject Configuration configuration;

  public Response listActiveJobs(BlockActionRequest request, ActionContext context) {
    Clicked clicked = Clicked.of(request.getPayload());
    SlackWebApi api = bot.api().orElseThrow();
    BudgetInsights.Details details;
    try {
      details = insights.details(Long.parseLong(clicked.value()));
    } catch (RequestRefusedException | NumberFormatException e) {
      clicked.refuse(api, "That budget no longer exists.");
      return context.ack();
    }
    SlackMessage picker =
        JobsMessage.of(
            "Active jobs of *" + Slack.escape(details.view().budget().name()) + "*",
            details.activeJobs(),
            configuration.currency());
    api.post(clicked.channel(), picker.text(), picker.blocks(), Optional.of(clicked.thread()));
    return context.ack();
  }
}
