package com.costguard.bot.actions;

import com.costguard.application.Actor;
import com.costguard.application.JobCostReading;
import com.costguard.application.JobService;
import com.costguard.application.RequestRefusedException;
import com.costguard.bot.SlackBot;
import com.costguard.bot.messages.BlocksJson;
import com.costguard.bot.messages.JobsMessage;
import com.costguard.bot.messages.Slack;
import com.costguard.bot.people.SlackPeople;
import com.costguard.bot.slack.SlackWebApi;
import com.costguard.bot.store.PostedMessages;
import com.costguard.config.Configuration;
import com.costguard.model.user.User;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Cancel job (SPEC §3): through {@link JobService#cancel}, the same as the API, so the same people
 * may (ADMIN, BUDGET_MANAGER, the job's creator), the cost is locked and the runner told. The
 * message then shows who cancelled the job and its final cost; anyone refused is told why, alone.
 */
@ApplicationScoped
public class JobActions {

  @Inject SlackBot bot;
  @Inject SlackPeople people;
  @Inject JobService jobs;
  @Inject PostedMessages messages;
  @Inject Configuration configuration;

  public Response cancel(BlockActionRequest request, ActionContext context) {
    Clicked clicked = Clicked.of(request.getPayload());
    SlackWebApi api = bot.api().orElseThrow();
    Optional<User> user = clicked.actor(people, api);
    if (user.isEmpty()) {
      return context.ack();
    }
    long jobId;
    JobCostReading cancelled;
    try {
      jobId = Long.parseLong(clicked.value());
      cancelled = jobs.cancel(Actor.slack(user.get()), jobId);
    } catch (RequestRefusedException e) {
      clicked.refuse(api, "The job was not cancelled: " + e.getMessage() + ".");
      return context.ack();
    } catch (NumberFormatException e) {
      return context.ack();
    }
    String finalCost =
        Slack.money(
            cancelled.job().finalCost().orElse(cancelled.view().currentCost()),
            configuration.currency());
    var message = request.getPayload().getMessage();
    if (clicked.ephemeral()
        || message == null
        || message.getBlocks() == null
        || clicked.messageTs() == null) {
      clicked.refuse(
          api, "Cancelled " + cancelled.job().name() + ", final cost " + finalCost + ".");
      return context.ack();
    }
    List<LayoutBlock> blocks =
        JobsMessage.cancelled(
            message.getBlocks(),
            jobId,
            cancelled.job().name(),
            Slack.mention(clicked.user()),
            finalCost);
    String text = message.getText() == null ? "Job cancelled" : message.getText();
    api.update(clicked.channel(), clicked.messageTs(), text, blocks);
    messages
        .byTs(clicked.channel(), clicked.messageTs())
        .ifPresent(posted -> messages.updated(posted.id(), text, BlocksJson.write(blocks)));
    return context.ack();
  }
}
