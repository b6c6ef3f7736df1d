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
import com.costguard.bot.store.PostsInFlight;
import com.costguard.config.Configuration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Budget alerts in Slack, delivered by the outbox dispatcher (SPEC §3): the alert message in the
 * budget's channel (or, for a later alert of the same budget and period, in the first one's
 * thread), then the breakdown replied in the thread.
 *
 * <p>Never twice: each step is recorded as soon as Slack accepted it ({@code ts}), and a retried
 * delivery does only the steps not yet recorded. A step whose answer never came (the instance died
 * or the call timed out after Slack took it) is noted in {@link PostsInFlight} before it is sent
 * and carries the alert's id as message metadata: before sending it again, the channel (or thread)
 * is searched for it, and a message found there is recorded instead of posted twice. A failed call,
 * a rate limit (with its {@code Retry-After}) or a 5xx fails the attempt, and the dispatcher tries
 * again after its back-off.
 */
@ApplicationScoped
public class SlackAlertChannel implements AlertChannel {

  private static final Logger LOG = Logger.getLogger(SlackAlertChannel.class.getName());

  @Inject SlackBot bot;
  @Inject Configuration configuration;
  @Inject BudgetInsights insights;
  @Inject SlackPeople people;
  @Inject PostedMessages messages;
  @Inject JobAlertDelivery jobAlerts;
  @Inject PostsInFlight inFlight;
  @Inject Clock clock;

  /** How far before a post in doubt its search starts: our clock and Slack's may differ. */
  static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

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
          postOnce(
              api,
              notice.alertId(),
              PostsInFlight.Part.BREAKDOWN,
              message.channel(),
              Optional.of(message.thread()),
              breakdown);
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
    SlackWebApi.Posted posted =
        postOnce(api, notice.alertId(), PostsInFlight.Part.ALERT, channel, thread, message);
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

  /**
   * Posts one step of an alert unless an earlier attempt whose answer was lost did post it: then
   * that message is answered instead.
   */
  private SlackWebApi.Posted postOnce(
      SlackWebApi api,
      long alertId,
      PostsInFlight.Part part,
      String channel,
      Optional<String> thread,
      SlackMessage message) {
    Map<String, String> marker =
        Map.of("alert_id", String.valueOf(alertId), "part", part.name().toLowerCase());
    Optional<PostsInFlight.InFlight> earlier = inFlight.of(alertId, part);
    if (earlier.isPresent()) {
      PostsInFlight.InFlight sent = earlier.get();
      Optional<String> found;
      try {
        found =
            api.findMarked(
                sent.channel(), sent.thread(), sent.startedAt().minus(CLOCK_MARGIN), marker);
      } catch (SlackCallFailed e) {
        if (e.getCause() != null || e.retryAfter().isPresent()) {
          throw e; // Slack or the network is down or busy: look again on the next attempt
        }
        // Slack answered, refusing the look-up (e.g. missing_scope): rather twice than never.
        LOG.warning(
            () ->
                "Cannot tell whether alert %d's %s reached Slack (%s); posting it again"
                    .formatted(alertId, part.name().toLowerCase(), e.getMessage()));
        found = Optional.empty();
      }
      if (found.isPresent()) {
        return new SlackWebApi.Posted(sent.channel(), found.get());
      }
    }
    inFlight.sending(alertId, part, channel, thread, clock.instant());
    return api.post(channel, message.text(), message.blocks(), thread, marker);
  }
}
