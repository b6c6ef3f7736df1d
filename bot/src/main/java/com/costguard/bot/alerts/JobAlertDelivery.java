package com.costguard.bot.alerts;

import com.costguard.alerting.AlertChannel.DeliveryFailure;
import com.costguard.alerting.AlertNotice;
import com.costguard.alerting.SlackRoute;
import com.costguard.application.BudgetInsights;
import com.costguard.application.JobCostReading;
import com.costguard.application.RequestRefusedException;
import com.costguard.bot.messages.BlocksJson;
import com.costguard.bot.messages.JobAlertMessage;
import com.costguard.bot.messages.Slack;
import com.costguard.bot.messages.SlackMessage;
import com.costguard.bot.people.SlackPeople;
import com.costguard.bot.slack.SlackWebApi;
import com.costguard.bot.store.PostedMessage;
import com.costguard.bot.store.PostedMessages;
import com.costguard.config.Configuration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A job estimate alert in Slack (SPEC §3): to its creator by direct message when they are known in
 * Slack, else in the alert channel mentioning them by name. Posted once ({@code ts} recorded).
 */
@ApplicationScoped
public class JobAlertDelivery {

  @Inject BudgetInsights insights;
  @Inject SlackPeople people;
  @Inject PostedMessages messages;
  @Inject Configuration configuration;

  void send(SlackWebApi api, AlertNotice notice) throws DeliveryFailure {
    if (messages.byAlert(notice.alertId()).isPresent()) {
      return;
    }
    long jobId =
        messages
            .jobOfAlert(notice.alertId())
            .orElseThrow(
                () -> new DeliveryFailure("alert %d has no job".formatted(notice.alertId())));
    JobCostReading reading;
    try {
      reading = insights.job(jobId);
    } catch (RequestRefusedException e) {
      throw new DeliveryFailure(e.getMessage());
    }
    Optional<String> creatorInSlack = people.slackId(reading.job().createdBy());
    String channel;
    Optional<String> address;
    if (creatorInSlack.isPresent()) {
      channel = creatorInSlack.get(); // a user id as channel: the bot's DM with them
      address = Optional.empty();
    } else {
      channel =
          SlackRoute.defaultChannel(configuration)
              .orElseThrow(
                  () ->
                      new DeliveryFailure(
                          "the job's creator is not in Slack and no alert channel is set"));
      address = Optional.of("*" + Slack.escape(reading.job().createdBy()) + "*");
    }
    SlackMessage message =
        JobAlertMessage.of(
            notice.threshold(),
            reading.job(),
            reading.view().currentCost(),
            configuration.currency(),
            configuration.baseUrl(),
            address);
    SlackWebApi.Posted posted =
        api.post(channel, message.text(), message.blocks(), Optional.empty());
    messages.add(
        new PostedMessage(
            0,
            PostedMessage.Purpose.ALERT,
            Optional.of(notice.alertId()),
            Optional.empty(),
            Optional.empty(),
            Optional.of(jobId),
            Optional.empty(),
            posted.channel() == null ? channel : posted.channel(),
            posted.ts(),
            Optional.empty(),
            Optional.of(posted.ts()),
            Optional.empty(),
            message.text(),
            BlocksJson.write(message.blocks())));
  }
}
