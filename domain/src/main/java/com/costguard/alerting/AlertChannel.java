package com.costguard.alerting;

import java.time.Duration;
import java.util.Optional;

/**
 * A way of delivering alerts (the outbox dispatcher's port). {@link #send} is called outside any
 * transaction, at least once per delivery: it returns when the alert is handed over and throws when
 * it was not, so that the dispatcher retries later.
 */
public interface AlertChannel {

  Channel channel();

  /**
   * @throws DeliveryFailure when the alert could not be handed over; its message is recorded as the
   *     delivery's last error, so it must not carry a secret
   */
  void send(AlertNotice notice) throws DeliveryFailure;

  /** A delivery attempt that failed; the dispatcher tries again after a back-off. */
  class DeliveryFailure extends Exception {

    private final transient Optional<Duration> retryAfter;

    public DeliveryFailure(String message, Throwable cause) {
      super(message, cause);
      this.retryAfter = Optional.empty();
    }

    public DeliveryFailure(String message) {
      this(message, Optional.empty());
    }

    /**
     * @param retryAfter how long the receiver asked us to wait (e.g. Slack's {@code Retry-After});
     *     the next attempt waits at least that long
     */
    public DeliveryFailure(String message, Optional<Duration> retryAfter) {
      super(message);
      this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
      return retryAfter;
    }
  }
}
