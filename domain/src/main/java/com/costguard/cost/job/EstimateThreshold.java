package com.costguard.cost.job;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The estimate alerts of SPEC §2. Note the references differ: 80% is measured against the
 * estimate's min, 100% and 120% against its max.
 */
public enum EstimateThreshold {
  /** current ≥ 0.8 × min: "Job approaching cost estimate". */
  PERCENT_80(80, (min, max) -> min.multiply(Factors.EIGHTY_PERCENT)),
  /** current ≥ max: "Job exceeded cost estimate". */
  PERCENT_100(100, (min, max) -> max),
  /** current ≥ 1.2 × max: "Job significantly over budget". */
  PERCENT_120(120, (min, max) -> max.multiply(Factors.HUNDRED_TWENTY_PERCENT));

  /** Enum constants cannot refer to the enum's own static fields while they are built. */
  private static final class Factors {
    static final BigDecimal EIGHTY_PERCENT = new BigDecimal("0.8");
    static final BigDecimal HUNDRED_TWENTY_PERCENT = new BigDecimal("1.2");
  }

  private final int percent;
  private final BiFunction<BigDecimal, BigDecimal, BigDecimal> limit;

  EstimateThreshold(int percent, BiFunction<BigDecimal, BigDecimal, BigDecimal> limit) {
    this.percent = percent;
    this.limit = limit;
  }

  public int percent() {
    return percent;
  }

  /** The amount at which this threshold is crossed for the estimate range [min, max]. */
  public BigDecimal limit(BigDecimal min, BigDecimal max) {
    return limit.apply(min, max);
  }

  public boolean isCrossedBy(BigDecimal current, BigDecimal min, BigDecimal max) {
    return current.compareTo(limit(min, max)) >= 0;
  }

  /** Every threshold the current cost has reached. */
  public static Set<EstimateThreshold> crossedBy(
      BigDecimal current, BigDecimal min, BigDecimal max) {
    Set<EstimateThreshold> crossed = EnumSet.noneOf(EstimateThreshold.class);
    for (EstimateThreshold threshold : values()) {
      if (threshold.isCrossedBy(current, min, max)) {
        crossed.add(threshold);
      }
    }
    return crossed;
  }
}
