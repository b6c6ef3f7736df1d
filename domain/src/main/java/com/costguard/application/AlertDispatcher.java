package com.costguard.application;

import com.costguard.alerting.AlertChannel;
import com.costguard.alerting.AlertNotice;
import com.costguard.alerting.Channel;
import com.costguard.alerting.RetryPolicy;
import com.costguard.model.alert.ClaimedDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox (SPEC §3): claims due pending deliveries, sends each through its {@link
 * AlertChannel} outside any transaction, and records the attempt — delivered exactly once, or
 * pending again after the {@link RetryPolicy}'s back-off, or failed once the attempts are used up.
 * Safe on several instances at once: a claim skips rows another dispatcher holds, and only the
 * claim's holder records the outcome.
 *
 * <p>What a crash does: before the claim commits, nothing; between claim and send, the rows wait
 * out their {@link #LEASE} and are claimed again; between a successful send and its record, the
 * same — the one case where a channel sees an alert twice, which no outbox can rule out for a
 * channel (such as SMTP) that takes no idempotency key.
 */
@ApplicationScoped
public class AlertDispatcher {

  private static final Logger LOG = Logger.getLogger(AlertDispatcher.class.getName());

  /** How long a claim keeps others off; longer than a batch of sends takes with its timeouts. */
  static final Duration LEASE = Duration.ofMinutes(5);

  /** Deliveries claimed per run. */
  public static final int BATCH = 10;

  @Inject Outbox outbox;
  @Inject BudgetService budgets;
  @Inject @Any Instance<AlertChannel> channelBeans;
  @Inject Clock clock;

  /** The channels by what they deliver; tests set it, the container fills it from its beans. */
  Map<Channel, AlertChannel> channels;

  /** {@code COSTGUARD_DELIVERY_*} in the container; the default in unit tests. */
  @Inject RetryPolicy retries = RetryPolicy.DEFAULT;

  private synchronized Map<Channel, AlertChannel> channels() {
    if (channels == null) {
      Map<Channel, AlertChannel> found = new EnumMap<>(Channel.class);
      channelBeans.forEach(c -> found.put(c.channel(), c));
      channels = found;
    }
    return channels;
  }

  /**
   * Claims and delivers one batch of due deliveries.
   *
   * @return how many were claimed (a full batch means more may be due)
   */
  public int dispatchDue() {
    Instant now = clock.instant();
    String token = UUID.randomUUID().toString();
    var claimed = outbox.claim(now, now.plus(LEASE), token, BATCH);
    for (ClaimedDelivery delivery : claimed) {
      deliver(delivery);
    }
    return claimed.size();
  }

  /**
   * The notice of a budget alert with the budget's active jobs as they stand now, for the channels
   * that list them (e-mail, Slack); the outbox stores none, since they change until delivery.
   */
  private AlertNotice withActiveJobs(ClaimedDelivery delivery) {
    AlertNotice notice = delivery.notice();
    boolean lists = delivery.channel() == Channel.EMAIL || delivery.channel() == Channel.SLACK;
    if (!lists || notice.job().isPresent()) {
      return notice;
    }
    return notice.withActiveJobs(budgets.activeJobs(notice.budgetId()));
  }

  private void deliver(ClaimedDelivery delivery) {
    AlertChannel channel = channels().get(delivery.channel());
    String error;
    Optional<Duration> askedToWait = Optional.empty();
    if (channel == null) {
      error = "no " + delivery.channel().apiName() + " channel is configured";
    } else {
      try {
        channel.send(withActiveJobs(delivery));
        if (!outbox.delivered(delivery, clock.instant())) {
          LOG.warning(
              () ->
                  "Delivery %d was sent, but its claim had run out: another dispatcher may send it too"
                      .formatted(delivery.id()));
        }
        return;
      } catch (AlertChannel.DeliveryFailure e) {
        error = e.getMessage();
        askedToWait = e.retryAfter();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Channel " + delivery.channel().apiName() + " failed", e);
        error = e.toString();
      }
    }
    int failed = delivery.attempts() + 1;
    Instant at = clock.instant();
    Optional<Duration> backOff = retries.delayAfter(failed);
    Optional<Duration> wait = askedToWait;
    // A receiver that says when to come back (Slack's Retry-After) is not called sooner.
    Optional<Duration> delay = backOff.map(d -> wait.filter(w -> w.compareTo(d) > 0).orElse(d));
    String why = error == null ? "unknown error" : error;
    outbox.attemptFailed(delivery, at, why, delay.map(at::plus));
    LOG.warning(
        () ->
            delay.isPresent()
                ? "Delivery %d (%s) failed, attempt %d: %s; next in %s"
                    .formatted(
                        delivery.id(), delivery.channel().apiName(), failed, why, delay.get())
                : "Delivery %d (%s) failed for good after %d attempts: %s"
                    .formatted(delivery.id(), delivery.channel().apiName(), failed, why));
  }
}
