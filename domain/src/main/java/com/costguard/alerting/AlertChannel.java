package com.costguard.alerting;

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
    public DeliveryFailure(String message, Throwable cause) {
      super(message, cause);
    }

    public DeliveryFailure(String message) {
      super(message);
    }
  }
}
