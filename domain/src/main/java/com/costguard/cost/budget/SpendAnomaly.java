package com.costguard.cost.budget;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A day whose spend exceeds the mean of the 14 days before it by more than three standard
 * deviations, judged only with at least 7 of those days known (SPEC §2).
 *
 * <p>The standard deviation is the sample one (dividing by n − 1), as a trailing-window statistic
 * usually is. The decision is exact: with n days summing to S and the day's spend x, the day is an
 * anomaly when {@code d = n·x − S > 0} and {@code (n − 1)·d² > 9·Σ(n·xᵢ − S)²}, which is {@code x −
 * mean > 3σ} squared and multiplied out, so no square root or division decides anything. The mean
 * and deviation reported are for people, to 16 digits ({@link MathContext#DECIMAL64}).
 *
 * <p>A perfectly flat history has σ = 0: then any day above it is an anomaly (a first spend after a
 * quiet fortnight is worth a look).
 */
public record SpendAnomaly(
    LocalDate day,
    BigDecimal spend,
    BigDecimal mean,
    BigDecimal standardDeviation,
    int historyDays) {

  public static final int TRAILING_DAYS = 14;
  public static final int MINIMUM_HISTORY_DAYS = 7;
  public static final int STANDARD_DEVIATIONS = 3;

  /**
   * The anomaly of {@code day}, if it is one.
   *
   * @param daily spend per day, the day itself and its history. Entries for the same day are added
   *     up; entries outside the 14 days before {@code day} are ignored. A history day without an
   *     entry is unknown, not zero ({@link DailySpend#tally} writes zero for the quiet days it
   *     knows of); {@code day} without an entry spent nothing.
   */
  public static Optional<SpendAnomaly> detect(LocalDate day, Collection<DailySpend> daily) {
    Map<LocalDate, BigDecimal> history = new TreeMap<>();
    BigDecimal spend = BigDecimal.ZERO;
    LocalDate firstHistoryDay = day.minusDays(TRAILING_DAYS);
    for (DailySpend d : daily) {
      if (d.day().equals(day)) {
        spend = spend.add(d.amount());
      } else if (!d.day().isBefore(firstHistoryDay) && d.day().isBefore(day)) {
        history.merge(d.day(), d.amount(), BigDecimal::add);
      }
    }
    int n = history.size();
    if (n < MINIMUM_HISTORY_DAYS) {
      return Optional.empty();
    }
    BigDecimal count = BigDecimal.valueOf(n);
    BigDecimal sum = history.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal squaredDeviations =
        history.values().stream()
            .map(x -> count.multiply(x).subtract(sum).pow(2))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal excess = count.multiply(spend).subtract(sum);
    boolean anomalous =
        excess.signum() > 0
            && BigDecimal.valueOf(n - 1L)
                    .multiply(excess.pow(2))
                    .compareTo(
                        BigDecimal.valueOf((long) STANDARD_DEVIATIONS * STANDARD_DEVIATIONS)
                            .multiply(squaredDeviations))
                > 0;
    if (!anomalous) {
      return Optional.empty();
    }
    BigDecimal mean = sum.divide(count, MathContext.DECIMAL64);
    BigDecimal variance =
        squaredDeviations.divide(
            count.pow(2).multiply(BigDecimal.valueOf(n - 1L)), MathContext.DECIMAL64);
    return Optional.of(new SpendAnomaly(day, spend, mean, variance.sqrt(MathContext.DECIMAL64), n));
  }
}
