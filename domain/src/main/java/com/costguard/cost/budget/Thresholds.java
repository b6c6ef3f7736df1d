package com.costguard.cost.budget;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A budget's alert thresholds: whole percents of the available limit (limit + rollover), each
 * between 1 and 1000 (SPEC §2), kept sorted and distinct. An empty set is allowed: a budget that
 * alerts on nothing. A threshold is crossed when spend is at or above it, compared exactly.
 *
 * <p>Firing each threshold once per period is the alerting side's job; this says which thresholds
 * are crossed, which are newly crossed, and which re-arm because spend no longer reaches them (a
 * raised limit, or a rolling window that let old spend go).
 */
public record Thresholds(List<Integer> percents) {

  public static final int LOWEST = 1;
  public static final int HIGHEST = 1000;
  public static final Thresholds DEFAULT = of(80, 95, 100);

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public Thresholds {
    Objects.requireNonNull(percents, "percents");
    for (Integer p : percents) {
      if (p == null || p < LOWEST || p > HIGHEST) {
        throw new IllegalArgumentException(
            "a threshold is a percent from %d to %d: %s".formatted(LOWEST, HIGHEST, p));
      }
    }
    percents = percents.stream().distinct().sorted().toList();
  }

  public static Thresholds of(Integer... percents) {
    return new Thresholds(List.of(percents));
  }

  /**
   * Whether spend is at or above {@code percent} of {@code available}: spent × 100 ≥ p × available.
   */
  public static boolean isCrossed(int percent, BigDecimal available, BigDecimal spent) {
    return spent.multiply(HUNDRED).compareTo(available.multiply(BigDecimal.valueOf(percent))) >= 0;
  }

  /** The thresholds spend is at or above, lowest first. */
  public List<Integer> crossed(BigDecimal available, BigDecimal spent) {
    return percents.stream().filter(p -> isCrossed(p, available, spent)).toList();
  }

  /** The crossed thresholds that have not fired yet in this period: the ones to fire now. */
  public List<Integer> toFire(Collection<Integer> fired, BigDecimal available, BigDecimal spent) {
    return crossed(available, spent).stream().filter(p -> !fired.contains(p)).toList();
  }

  /**
   * The thresholds that fired in this period but are no longer crossed, lowest first: they re-arm
   * (SPEC §2: after a limit raise, or when a rolling period's spend falls back).
   */
  public static List<Integer> rearmed(
      Collection<Integer> fired, BigDecimal available, BigDecimal spent) {
    return fired.stream().distinct().sorted().filter(p -> !isCrossed(p, available, spent)).toList();
  }

  /** The thresholds a change of the available limit un-crosses, with spend unchanged. */
  public List<Integer> rearmedByLimitChange(
      BigDecimal oldAvailable, BigDecimal newAvailable, BigDecimal spent) {
    return rearmed(crossed(oldAvailable, spent), newAvailable, spent);
  }
}
