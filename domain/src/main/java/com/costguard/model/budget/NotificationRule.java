package com.costguard.model.budget;

import com.costguard.alerting.Channel;
import com.costguard.alerting.ThresholdNotification;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One threshold's notification setting as a row of {@code budget_notifications}: channels and
 * recipients as comma-separated lists (they are only ever read and written with their budget).
 */
@Embeddable
public class NotificationRule {

  @Column(name = "threshold", nullable = false)
  private int threshold;

  /** API names of the channels ({@link Channel#apiName()}), comma-separated; empty for none. */
  @Column(name = "channels", nullable = false)
  private String channels;

  /** E-mail addresses, comma-separated; empty: the budget's recipients. */
  @Column(name = "recipients", nullable = false)
  private String recipients;

  protected NotificationRule() {}

  NotificationRule(ThresholdNotification setting) {
    this.threshold = setting.threshold();
    this.channels =
        setting.channels().stream().sorted().map(Channel::apiName).collect(Collectors.joining(","));
    this.recipients = String.join(",", setting.recipients());
  }

  ThresholdNotification setting() {
    Set<Channel> parsed = EnumSet.noneOf(Channel.class);
    if (!channels.isEmpty()) {
      Arrays.stream(channels.split(","))
          .map(Channel::fromApiName)
          .forEach(c -> c.ifPresent(parsed::add));
    }
    List<String> emails = recipients.isEmpty() ? List.of() : List.of(recipients.split(","));
    return new ThresholdNotification(threshold, parsed, emails);
  }
}
