package com.costguard.alerting;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a budget's alerts reach people (SPEC §3, §4's notification settings): the budget's e-mail
 * recipients, the quiet hours in which its e-mail waits, its Slack channel, and per threshold the
 * channels and (optionally) recipients of its own.
 *
 * <p>Alerts that are not about a threshold (forecast, anomaly, blocked) go on every channel to the
 * budget's recipients; so does a threshold without a setting of its own.
 *
 * @param recipients the budget's e-mail recipients (the API's {@code notifyEmails})
 * @param slackChannel the Slack channel id of the budget's alerts; empty: {@code
 *     SLACK_ALERT_CHANNEL}
 * @param thresholds settings of the thresholds that have their own, at most one per threshold
 */
public record NotificationSettings(
    List<String> recipients,
    Optional<QuietHours> quietHours,
    Optional<String> slackChannel,
    List<ThresholdNotification> thresholds) {

  public NotificationSettings {
    recipients = List.copyOf(recipients);
    Objects.requireNonNull(quietHours, "quietHours");
    Objects.requireNonNull(slackChannel, "slackChannel");
    thresholds = List.copyOf(thresholds);
  }

  /** The setting of {@code threshold}: its own, or {@link ThresholdNotification#defaults}. */
  public ThresholdNotification forThreshold(int threshold) {
    return thresholds.stream()
        .filter(t -> t.threshold() == threshold)
        .findFirst()
        .orElse(ThresholdNotification.defaults(threshold));
  }

  /** The channels an alert of this kind and threshold goes on, before checking what is set up. */
  public Set<Channel> channels(AlertKind kind, int threshold) {
    return kind == AlertKind.THRESHOLD
        ? forThreshold(threshold).channels()
        : EnumSet.allOf(Channel.class);
  }

  /** Who an alert of this kind and threshold is e-mailed to. */
  public List<String> recipients(AlertKind kind, int threshold) {
    if (kind == AlertKind.THRESHOLD) {
      List<String> own = forThreshold(threshold).recipients();
      if (!own.isEmpty()) {
        return own;
      }
    }
    return recipients;
  }
}
