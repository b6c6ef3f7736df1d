package com.costguard.cost.job;

import java.math.BigDecimal;

/** Where a job's current cost stands against its estimate range [min, max] (SPEC §2). */
public enum EstimateZone {
  /** Below 0.8 × min: "On track". */
  GREEN,
  /** From 0.8 × min up to and including max: "Approaching estimate". */
  YELLOW,
  /** Above max: "Over budget". */
  RED;

  private static final BigDecimal EIGHTY_PERCENT = new BigDecimal("0.8");

  public static EstimateZone of(BigDecimal current, BigDecimal min, BigDecimal max) {
    if (current.compareTo(max) > 0) {
      return RED;
    }
    return current.compareTo(min.multiply(EIGHTY_PERCENT)) < 0 ? GREEN : YELLOW;
  }
}
