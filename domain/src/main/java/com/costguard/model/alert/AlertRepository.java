package com.costguard.model.alert;

import com.costguard.alerting.AlertKind;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stored alerts and their outbox of deliveries. The database guards "once": a unique key on
 * (budget, period, kind, threshold) over the alerts that stand, so that a second {@link #fire} of
 * the same alert, from any thread or instance, stores nothing.
 */
public interface AlertRepository {

  /**
   * Stores the alert and, only if it is new, its deliveries (pending, due now), in the caller's
   * transaction.
   *
   * @return whether it was stored: false when the same alert stands already in its period
   */
  boolean fire(NewAlert alert, List<NewDelivery> deliveries);

  /**
   * Stores the job alert and, only if it is new, its deliveries, in the caller's transaction; a
   * unique key on (job, kind, threshold) makes a second firing store nothing.
   *
   * @return whether it was stored
   */
  boolean fire(NewJobAlert alert, List<NewDelivery> deliveries);

  /** The thresholds of the job's standing {@code kind} alerts. */
  Set<Integer> standingForJob(long jobId, AlertKind kind);

  /** The thresholds of the {@code kind} alerts that stand for the budget in the period. */
  Set<Integer> standing(long budgetId, Instant periodStart, AlertKind kind);

  /**
   * Re-arms standing threshold alerts of the budget in the period: they stay (with their
   * deliveries) as history, and the same threshold may fire again.
   */
  void rearm(long budgetId, Instant periodStart, Collection<Integer> thresholds, Instant at);

  /** Budget and job alerts fired at or after {@code since}, oldest first, at most {@code max}. */
  List<FiredAlert> list(Optional<Long> budgetId, Optional<Instant> since, int max);

  /**
   * Claims up to {@code max} pending deliveries due at {@code now} that no one else holds (others'
   * rows are skipped, not waited for), leasing them until {@code leaseUntil}: a dispatcher that
   * dies leaves them to be claimed again then.
   */
  List<ClaimedDelivery> claim(Instant now, Instant leaseUntil, String claimToken, int max);

  /**
   * Extends the lease of a delivery this claim still holds until {@code leaseUntil}; false when the
   * claim was lost (its lease ran out and someone else claimed it, or the outcome is recorded).
   */
  boolean renew(long deliveryId, String claimToken, Instant leaseUntil);

  /**
   * Records a successful attempt: delivered, once. False when the claim was lost (its lease ran out
   * and someone else claimed the delivery).
   */
  boolean delivered(long deliveryId, String claimToken, Instant at);

  /**
   * Records a failed attempt with its error: pending again from {@code nextAttemptAt}, or failed
   * for good when {@code nextAttemptAt} is empty. False when the claim was lost.
   */
  boolean attemptFailed(
      long deliveryId,
      String claimToken,
      Instant at,
      String error,
      Optional<Instant> nextAttemptAt);
}
