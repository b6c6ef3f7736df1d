package com.costguard.cost.job;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A completed job's halfway projection against what it really cost: one input of {@link
 * ProjectionAccuracy}.
 *
 * @param projectedAtHalfway the projected final cost when the job reported half its steps (see
 *     {@link JobCostCalculator#projectedFinalAtHalfway})
 * @param finalCost the cost the job was locked at when it ended
 */
public record ProjectionOutcome(
    String gpuType, Pricing pricing, BigDecimal projectedAtHalfway, BigDecimal finalCost) {

  public ProjectionOutcome {
    Objects.requireNonNull(gpuType, "gpuType");
    Objects.requireNonNull(pricing, "pricing");
    Objects.requireNonNull(projectedAtHalfway, "projectedAtHalfway");
    Objects.requireNonNull(finalCost, "finalCost");
    if (finalCost.signum() < 0 || projectedAtHalfway.signum() < 0) {
      throw new IllegalArgumentException("costs must not be negative");
    }
  }

  /** Whether there is a final cost to measure an error against (a job that cost 0 has none). */
  boolean measurable() {
    return finalCost.signum() > 0;
  }

  /** |projected − final| / final, unrounded. */
  BigDecimal absoluteError() {
    return projectedAtHalfway.subtract(finalCost).abs().divide(finalCost, Hours.PRECISION);
  }
}
