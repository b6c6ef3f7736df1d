package com.costguard.alerting;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after {@code firstDelay}, doubling with each failure up to
 * {@code maxDelay}, until {@code maxAttempts} attempts have failed; then the delivery is failed for
 * good (and shown as such; nothing is dropped silently).
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts) {

  /**
   * 1 s, 2 s, 4 s … capped at 5 min, 20 attempts: a channel may be down for just under an hour (58
   * min 31 s) before a delivery is given up.
   */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 20);

  public RetryPolicy {
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("0 < firstDelay <= maxDelay");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt: " + maxAttempts);
    }
  }

  /**
   * The wait before the next attempt once {@code failedAttempts} attempts (≥ 1) have failed; empty
   * when no attempt is left.
   */
  public Optional<Duration> delayAfter(int failedAttempts) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("no attempt has failed yet: " + failedAttempts);
    }
    if (failedAttempts >= maxAttempts) {
      return Optional.empty();
    }
    // Doubling overflows long before 63 shifts matter: cap the exponent first.
    int doublings = Math.min(failedAttempts - 1, 30);
    Duration delay = firstDelay.multipliedBy(1L << doublings);
    return Optional.of(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
  }
}
