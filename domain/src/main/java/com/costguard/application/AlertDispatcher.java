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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
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
 * out their {@link #LEASE} and are claimed again (by any instance); between a successful send and
 * its record, the same — the one case where a channel may see an alert twice: Slack's channel looks
 * for the message it may have posted before posting again, SMTP takes no idempotency key.
 */
@ApplicationScoped
public class AlertDispatcher {

  private static final Logger LOG = Logger.getLogger(AlertDispatcher.class.getName());

  /**
   * How long a claim keeps others off. Each delivery's lease is renewed just before it is sent
   * (unless the claim is still {@link #FRESH}), so this must outlast one send with its timeouts
   * (e-mail's 10 s, a Slack alert's two calls), not a batch; it is also how long the deliveries of
   * a crashed instance wait to be sent by another.
   */
  static final Duration LEASE = Duration.ofMinutes(1);

  /** Deliveries claimed per run. */
  public static final int BATCH = 10;

  /**
   * A claim younger than this needs no renewal before a send: its lease still has most of {@link
   * #LEASE} to run, as a renewal would give it. Only deliveries sent late in a batch, after slow
   * sends of others, pay the renewal's transaction (issue 8: an alert within a second).
   */
  static final Duration FRESH = Duration.ofSeconds(10);

  /**
   * The order a claimed batch is sent in: the channels that send at once first, e-mail (which may
   * wait seconds for its server) last, so that one slow channel does not hold up the others. In-app
   * has nothing to send (the committed alert is its banner) and records its delivery after Slack.
   */
  private static final List<Channel> SENDING_ORDER =
      List.of(Channel.SLACK, Channel.IN_APP, Channel.EMAIL);

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
    Instant claimedAt = clock.instant();
    String token = UUID.randomUUID().toString();
    var claimed = outbox.claim(claimedAt, claimedAt.plus(LEASE), token, BATCH);
    claimed.stream()
        .sorted(Comparator.comparingInt(d -> SENDING_ORDER.indexOf(d.channel())))
        .forEach(delivery -> deliver(delivery, claimedAt));
    return claimed.size();
  }

  /**
   * The notice of a budget alert with the budget's active jobs as they stand now, for e-mail, which
   * lists them; the outbox stores none, since they change until delivery. Slack's channel reads the
   * budget's details (active jobs among them) itself, so they are not read twice for it.
   */
  private AlertNotice withActiveJobs(ClaimedDelivery delivery) {
    AlertNotice notice = delivery.notice();
    if (delivery.channel() != Channel.EMAIL || notice.job().isPresent()) {
      return notice;
    }
    return notice.withActiveJobs(budgets.activeJobs(notice.budgetId()));
  }

  private void deliver(ClaimedDelivery delivery, Instant claimedAt) {
    Instant now = clock.instant();
    boolean fresh = now.isBefore(claimedAt.plus(FRESH));
    if (!fresh && !outbox.renew(delivery, now.plus(LEASE))) {
      LOG.warning(
          () ->
              "Delivery %d was claimed by another dispatcher while this one sent others; skipped"
                  .formatted(delivery.id()));
      return;
    }
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
