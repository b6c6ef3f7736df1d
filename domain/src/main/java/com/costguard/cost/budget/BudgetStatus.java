package com.costguard.cost.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a budget stands in a period: the computed fields of {@code GET /budgets/{id}}.
 *
 * <p>The limit a period's spend is measured against is {@link #available()}: the limit plus what
 * rolled over from the previous period. {@code remaining} is what is left of it, never below zero
 * (seed 004); reservations are reported beside it rather than taken off it, because they are
 * estimates, not spend. {@code usagePercentage} is rounded to cents for display; decisions ({@code
 * isExceeded}, thresholds) compare exact amounts.
 */
public record BudgetStatus(
    BigDecimal limit,
    BigDecimal rollover,
    BigDecimal spent,
    BigDecimal reserved,
    BigDecimal remaining,
    BigDecimal usagePercentage,
    boolean isExceeded,
    Instant periodStart,
    Optional<Instant> periodEnd) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public BudgetStatus {
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(rollover, "rollover");
    Objects.requireNonNull(spent, "spent");
    Objects.requireNonNull(reserved, "reserved");
    Objects.requireNonNull(remaining, "remaining");
    Objects.requireNonNull(usagePercentage, "usagePercentage");
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(periodEnd, "periodEnd");
  }

  /**
   * @param limit the budget's limit, > 0 (SPEC §2)
   * @param rollover unused limit carried from the previous period ({@link Rollover}), ≥ 0
   * @param spent the period's spend ({@link PeriodSpend#total()})
   * @param reserved what queued and running jobs in scope hold ({@link Reservation}), ≥ 0
   */
  public static BudgetStatus of(
      BigDecimal limit,
      BigDecimal rollover,
      BigDecimal spent,
      BigDecimal reserved,
      BudgetPeriod period) {
    if (limit.signum() <= 0) {
      throw new IllegalArgumentException("a limit must be greater than 0: " + limit);
    }
    if (rollover.signum() < 0 || reserved.signum() < 0) {
      throw new IllegalArgumentException("rollover and reservations are never negative");
    }
    BigDecimal available = limit.add(rollover);
    return new BudgetStatus(
        limit,
        rollover,
        spent,
        reserved,
        available.subtract(spent).max(BigDecimal.ZERO),
        CentsDivision.quotientInCents(spent.multiply(HUNDRED), available),
        spent.compareTo(available) >= 0,
        period.start(),
        period.end());
  }

  /** The limit plus rollover: what the period's spend is measured against. */
  public BigDecimal available() {
    return limit.add(rollover);
  }

  /**
   * Whether a new job with this estimate maximum fits (SPEC §2, blocking budgets): not when the
   * budget is already exceeded, nor when spent + reserved + the estimate would pass the limit;
   * reaching it exactly fits. Whether the budget blocks at all is the caller's question.
   */
  public boolean admitsNewJob(BigDecimal estimateMax) {
    return !isExceeded && spent.add(reserved).add(estimateMax).compareTo(available()) <= 0;
  }
}
