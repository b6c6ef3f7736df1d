package com.costguard.cost.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The trend of monthly spend, for the budget dashboard's history (seed 000 FR7.2.1 "Growth
 * projections"): a straight line through the first and the last complete month. Next month is the
 * last complete month plus the average change per month, never below zero. A change of less than 5%
 * of the average month in all is called steady, so that cents of noise are not a trend.
 *
 * @param averageChange the change per month, in cents (negative when falling)
 * @param changePercent the change from the first to the last complete month, in percent of the
 *     first (empty when the first month spent nothing)
 */
public record SpendTrend(
    Direction direction,
    BigDecimal averageChange,
    Optional<BigDecimal> changePercent,
    BigDecimal nextMonth) {

  /** Where spend is heading. */
  public enum Direction {
    RISING,
    FALLING,
    STEADY
  }

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal STEADY_SHARE = new BigDecimal("0.05");

  public SpendTrend {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(averageChange, "averageChange");
    Objects.requireNonNull(changePercent, "changePercent");
    Objects.requireNonNull(nextMonth, "nextMonth");
  }

  /**
   * @param months the spend of each complete month, oldest first; the months before the first with
   *     any spend are before spending began, and are left out
   * @return empty with fewer than two months from the first with spend: one month is no trend
   */
  public static Optional<SpendTrend> of(List<BigDecimal> months) {
    int firstSpend = 0;
    while (firstSpend < months.size() && months.get(firstSpend).signum() == 0) {
      firstSpend++;
    }
    List<BigDecimal> completeMonths = months.subList(firstSpend, months.size());
    int n = completeMonths.size();
    if (n < 2) {
      return Optional.empty();
    }
    BigDecimal first = completeMonths.get(0);
    BigDecimal last = completeMonths.get(n - 1);
    BigDecimal change = last.subtract(first);
    BigDecimal averageChange = CentsDivision.quotientInCents(change, BigDecimal.valueOf(n - 1L));
    BigDecimal total = completeMonths.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal averageMonth = CentsDivision.quotientInCents(total, BigDecimal.valueOf(n));
    Direction direction;
    if (change.abs().compareTo(averageMonth.multiply(STEADY_SHARE)) < 0 || change.signum() == 0) {
      direction = Direction.STEADY;
    } else {
      direction = change.signum() > 0 ? Direction.RISING : Direction.FALLING;
    }
    Optional<BigDecimal> percent =
        first.signum() == 0
            ? Optional.empty()
            : Optional.of(CentsDivision.quotientInCents(change.multiply(HUNDRED), first));
    return Optional.of(
        new SpendTrend(
            direction, averageChange, percent, last.add(averageChange).max(BigDecimal.ZERO)));
  }
}
