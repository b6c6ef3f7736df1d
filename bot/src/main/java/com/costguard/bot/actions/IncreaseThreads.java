package com.costguard.bot.actions;

import com.costguard.application.BudgetService;
import com.costguard.application.RequestRefusedException;
import com.costguard.bot.Ids;
import com.costguard.bot.SlackBot;
import com.costguard.bot.messages.ApprovalMessage;
import com.costguard.bot.messages.BlocksJson;
import com.costguard.bot.messages.IncreaseModal;
import com.costguard.bot.messages.SlackMessage;
import com.costguard.bot.people.SlackPeople;
import com.costguard.bot.slack.SlackCallFailed;
import com.costguard.bot.slack.SlackWebApi;
import com.costguard.bot.store.PostedMessage;
import com.costguard.bot.store.PostedMessages;
import com.costguard.config.Configuration;
import com.costguard.model.increase.IncreaseRequest;
import com.costguard.model.increase.IncreaseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * An increase request's thread (SPEC §3): the approval request replied under the alert, mentioning
 * the approver; then its outcome replied in the same thread, with the approval request and the
 * alert message updated to show it.
 */
@ApplicationScoped
public class IncreaseThreads {

  private static final Logger LOG = Logger.getLogger(IncreaseThreads.class.getName());

  @Inject SlackBot bot;
  @Inject PostedMessages messages;
  @Inject SlackPeople people;
  @Inject BudgetService budgets;
  @Inject Configuration configuration;

  /**
   * A request just made in Slack: when applied at once, the outcome in the thread and the alert
   * updated; when pending, the approval request in the thread.
   *
   * @param requester a mention of who asked
   */
  public void requested(IncreaseRequest request, IncreaseModal.Origin origin, String requester) {
    SlackWebApi api = bot.api().orElseThrow();
    String budget = budgetName(request);
    if (request.status() != IncreaseStatus.PENDING) {
      SlackMessage outcome =
          ApprovalMessage.outcome(request, budget, requester, configuration.currency());
      api.post(origin.channel(), outcome.text(), outcome.blocks(), origin.threadTs());
      origin.alertTs().ifPresent(ts -> updateAlert(api, origin.channel(), ts, outcome));
      return;
    }
    String approver =
        request.approver().map(people::mention).orElse("*an APPROVER* (anyone with the role)");
    SlackMessage ask =
        ApprovalMessage.request(request, budget, approver, requester, configuration.currency());
    SlackWebApi.Posted posted =
        api.post(origin.channel(), ask.text(), ask.blocks(), origin.threadTs());
    messages.add(
        new PostedMessage(
            0,
            PostedMessage.Purpose.APPROVAL,
            Optional.empty(),
            Optional.of(request.budgetId()),
            Optional.empty(),
            Optional.empty(),
            Optional.of(request.id()),
            posted.channel() == null ? origin.channel() : posted.channel(),
            posted.ts(),
            origin.threadTs(),
            Optional.empty(),
            origin.alertTs(),
            ask.text(),
            BlocksJson.write(ask.blocks())));
  }

  /**
   * A decision (approved, rejected) or expiry: replied in the request's thread, its approval
   * request and the alert updated. Nothing happens for a request not asked about in Slack, nor for
   * one whose outcome the thread was told already.
   *
   * @param by a mention of who decided
   */
  public void decided(IncreaseRequest request, String by) {
    Optional<PostedMessage> approval = messages.byRequest(request.id());
    Optional<SlackWebApi> api = bot.api();
    if (approval.isEmpty() || api.isEmpty()) {
      return;
    }
    PostedMessage asked = approval.get();
    if (!asked.blocks().contains("\"" + Ids.APPROVAL_ACTIONS + "\"")) {
      return; // told already: a sweep and a click may both find it expired
    }
    SlackMessage outcome =
        ApprovalMessage.outcome(request, budgetName(request), by, configuration.currency());
    api.get().post(asked.channel(), outcome.text(), outcome.blocks(), Optional.of(asked.thread()));
    update(api.get(), asked, outcome);
    asked.alertTs().ifPresent(ts -> updateAlert(api.get(), asked.channel(), ts, outcome));
  }

  /**
   * Tells the request's thread that it expired without a decision (for the expiry sweep).
   *
   * @throws SlackCallFailed when Slack did not take the reply; the caller may try again
   */
  public void replyExpired(IncreaseRequest request) {
    decided(request, "");
  }

  private void updateAlert(SlackWebApi api, String channel, String ts, SlackMessage outcome) {
    messages.byTs(channel, ts).ifPresent(alert -> update(api, alert, outcome));
  }

  /**
   * Replaces the message's buttons or earlier outcome with this one; a failure is only logged. The
   * settled blocks are recorded either way: the thread has been told, and what is recorded is what
   * tells a later sweep not to tell it again ({@link ExpiryReplies}).
   */
  private void update(SlackWebApi api, PostedMessage message, SlackMessage outcome) {
    var blocks = ApprovalMessage.settled(BlocksJson.read(message.blocks()), outcome);
    try {
      api.update(message.channel(), message.ts(), message.text(), blocks);
    } catch (SlackCallFailed e) {
      LOG.warning(() -> "Could not update message " + message.ts() + ": " + e.getMessage());
    }
    messages.updated(message.id(), message.text(), BlocksJson.write(blocks));
  }

  private String budgetName(IncreaseRequest request) {
    try {
      return budgets.get(request.budgetId()).budget().name();
    } catch (RequestRefusedException e) {
      return "budget " + request.budgetId();
    }
  }
}
