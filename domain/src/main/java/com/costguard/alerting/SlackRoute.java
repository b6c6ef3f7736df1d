package com.costguard.alerting;

import com.costguard.config.Configuration;
import com.costguard.model.budget.Budget;
import java.util.Optional;

/** Where a budget's alerts go in Slack (SPEC §3: "the alert channel, configurable per budget"). */
public final class SlackRoute {

  private SlackRoute() {}

  /**
   * The Slack channel id of {@code budget}'s alerts: its own ({@link Budget#slackChannel()}), else
   * {@code SLACK_ALERT_CHANNEL}; empty when Slack is off or no channel is set, and then no Slack
   * delivery is queued.
   */
  public static Optional<String> channelOf(Budget budget, Configuration configuration) {
    return channelOf(budget.slackChannel(), configuration);
  }

  /** As {@link #channelOf(Budget, Configuration)} for a budget's own channel, if it has one. */
  public static Optional<String> channelOf(Optional<String> own, Configuration configuration) {
    if (!configuration.slack().enabled()) {
      return Optional.empty();
    }
    return own.or(() -> defaultChannel(configuration));
  }

  /** {@code SLACK_ALERT_CHANNEL}, when Slack is on: where alerts about no budget go. */
  public static Optional<String> defaultChannel(Configuration configuration) {
    if (!configuration.slack().enabled()) {
      return Optional.empty();
    }
    return configuration.slack().alertChannel();
  }
}
