package com.costguard.bot.alerts;

import com.costguard.alerting.AlertChannel;
import com.costguard.alerting.AlertKind;
import com.costguard.alerting.AlertNotice;
import com.costguard.alerting.Channel;
import com.costguard.alerting.SlackRoute;
import com.costguard.application.BudgetInsights;
import com.costguard.application.RequestRefusedException;
import com.costguard.bot.SlackBot;
import com.costguard.bot.messages.BlocksJson;
import com.costguard.bot.messages.BudgetAlertMessage;
import com.costguard.bot.messages.SlackMessage;
import com.costguard.bot.people.SlackPeople;
import com.costguard.bot.slack.SlackCallFailed;
import com.costguard.bot.slack.SlackWebApi;
import com.costguard.bot.store.PostedMessage;
import com.costguard.bot.store.PostedMessages;
import com.costguard.config.Configuration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Budget alerts in Slack, delivered by the outbox dispatcher (SPEC §3): the alert message in the
 * budget's channel (or, for a later alert of the same budget and period, in the first one's
 * thread), then the breakdown replied in the thread.
 *
 * <p>Never twice: each step is recorded as soon as Slack accepted it ({@code ts}), and a retried
 * delivery does only the steps not yet recorded. A failed call, a rate limit (with its {@code
 * Retry-After}) or a 5xx fails the attempt, and the dispatcher tries again after its back-off.
 */
@ApplicationScoped
public class SlackAlertChannel implements AlertChannel {

  @Inject SlackBot bot;
  @Inject Configuration configuration;
  @Inject BudgetInsights insights;
  @Inject SlackPeople people;
  @Inject PostedMessages messages;
  @Inject JobAlertDelivery jobAlerts;

  @Override
  public Channel channel() {
    return Channel.SLACK;
  }

  @Override
  public void send(AlertNotice notice) throws DeliveryFailure {
    SlackWebApi api = bot.api().orElseThrow(() -> new DeliveryFailure("Slack is off"));
    try {
      if (notice.kind() == AlertKind.ESTIMATE) {
        jobAlerts.send(api, notice);
        return;
      }
      Optional<PostedMessage> posted = messages.byAlert(notice.alertId());
      if (posted.flatMap(PostedMessage::breakdownTs).isPresent()) {
        return; // delivered whole before; the dispatcher just did not hear of it
      }
      BudgetInsights.Details details = details(notice.budgetId());
      PostedMessage message = posted.isPresent() ? posted.get() : postAlert(api, notice, details);
      SlackMessage breakdown = BudgetAlertMessage.breakdown(notice, details);
      SlackWebApi.Posted reply =
          api.post(
              message.channel(),
              breakdown.text(),
              breakdown.blocks(),
              Optional.of(message.thread()));
      messages.breakdownPosted(message.id(), reply.ts());
    } catch (SlackCallFailed e) {
      throw new DeliveryFailure(e.getMessage(), e.retryAfter());
    }
  }

  private BudgetInsights.Details details(long budgetId) throws DeliveryFailure {
    try {
      return insights.details(budgetId);
    } catch (RequestRefusedException e) {
      throw new DeliveryFailure(e.getMessage());
    }
  }

  private PostedMessage postAlert(
      SlackWebApi api, AlertNotice notice, BudgetInsights.Details details) throws DeliveryFailure {
    String channel =
        SlackRoute.channelOf(details.view().budget(), configuration)
            .orElseThrow(() -> new DeliveryFailure("the budget has no Slack channel"));
    Optional<String> manager =
        BudgetAlertMessage.Tier.of(notice) == BudgetAlertMessage.Tier.MANAGER
            ? details.view().budget().manager().map(people::mention)
            : Optional.empty();
    SlackMessage message =
        BudgetAlertMessage.alert(notice, details, manager, configuration.baseUrl());
    Optional<String> thread =
        messages
            .firstOfPeriod(notice.budgetId(), notice.periodStart())
            .filter(first -> first.channel().equals(channel))
            .map(PostedMessage::ts);
    SlackWebApi.Posted posted = api.post(channel, message.text(), message.blocks(), thread);
    return messages.add(
        new PostedMessage(
            0,
            PostedMessage.Purpose.ALERT,
            Optional.of(notice.alertId()),
            Optional.of(notice.budgetId()),
            Optional.of(notice.periodStart()),
            Optional.empty(),
            Optional.empty(),
            posted.channel() == null ? channel : posted.channel(),
            posted.ts(),
            thread,
            Optional.empty(),
            Optional.empty(),
            message.text(),
            BlocksJson.write(message.blocks())));
  }
}
