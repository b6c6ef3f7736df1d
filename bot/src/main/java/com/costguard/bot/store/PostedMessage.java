package com.costguard.bot.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the bot posted, with what it is about and where it is in Slack.
 *
 * @param threadTs the thread it was posted in; empty when it is a thread's root
 * @param breakdownTs the breakdown replied under an alert message, once posted
 * @param alertTs for an approval request: the alert message it is about
 * @param blocks the Block Kit JSON as last posted
 */
public record PostedMessage(
    long id,
    Purpose purpose,
    Optional<Long> alertId,
    Optional<Long> budgetId,
    Optional<Instant> periodStart,
    Optional<Long> jobId,
    Optional<Long> requestId,
    String channel,
    String ts,
    Optional<String> threadTs,
    Optional<String> breakdownTs,
    Optional<String> alertTs,
    String text,
    String blocks) {

  public PostedMessage {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(ts, "ts");
  }

  /** Why it was posted. */
  public enum Purpose {
    ALERT,
    APPROVAL;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The thread replies about this message go to: its own, or the one it was posted in. */
  public String thread() {
    return threadTs.orElse(ts);
  }
}
