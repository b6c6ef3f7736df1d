package com.costguard.alerting;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where one threshold's alerts of a budget go (SPEC §3: "per threshold an admin sets recipients and
 * channels").
 *
 * @param threshold the percent this applies to
 * @param channels the channels its alerts are delivered on (e-mail only with recipients, Slack only
 *     when Slack is configured)
 * @param recipients e-mail addresses for this threshold; empty: the budget's recipients
 */
public record ThresholdNotification(int threshold, Set<Channel> channels, List<String> recipients) {

  public ThresholdNotification {
    channels = Set.copyOf(channels);
    recipients = List.copyOf(recipients);
  }

  /** What a threshold without a setting of its own does: every channel, the budget's recipients. */
  public static ThresholdNotification defaults(int threshold) {
    return new ThresholdNotification(threshold, EnumSet.allOf(Channel.class), List.of());
  }

  public boolean uses(Channel channel) {
    return channels.contains(channel);
  }

  /** Whether this threshold is set as it would be with no setting of its own. */
  public boolean isDefault() {
    return equals(defaults(threshold));
  }
}
