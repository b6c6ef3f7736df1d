package com.costguard.alerting;

import com.costguard.cost.budget.PeriodType;
import java.time.Instant;
import java.util.Optional;

/**
 * The period a budget alert belongs to, named by an instant that stays the same for as long as the
 * period lasts: it is part of the key that makes each threshold fire once per period.
 *
 * <p>A day, week or month (split by a reset), a session and a total period are named by their
 * start: a new period starts clean. A rolling window moves with every instant, so its start cannot
 * name it; it is named by the budget's last reset (or its creation), and its alerts re-arm when the
 * window's spend falls back below them instead.
 */
public final class AlertPeriod {

  private AlertPeriod() {}

  /**
   * @param currentStart the start of the budget's current period
   * @param createdAt when the budget was created
   * @param lastReset its last reset, if any
   */
  public static Instant keyOf(
      PeriodType type, Instant currentStart, Instant createdAt, Optional<Instant> lastReset) {
    return type == PeriodType.ROLLING_30_DAYS ? lastReset.orElse(createdAt) : currentStart;
  }
}
