package com.costguard.cost.budget;

import com.costguard.cost.job.JobCostView;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The cost an active job is still projected to add before it ends (its projected final cost minus
 * what it has already accrued), with the range of its confidence band, as the job cost engine
 * projects it.
 */
public record RemainingJobCost(BigDecimal low, BigDecimal expected, BigDecimal high) {

  public RemainingJobCost {
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(high, "high");
    if (low.compareTo(expected) > 0 || expected.compareTo(high) > 0) {
      throw new IllegalArgumentException(
          "low ≤ expected ≤ high, not %s, %s, %s".formatted(low, expected, high));
    }
  }

  /**
   * What a job is still projected to cost, from its cost view: the projected final cost minus the
   * current cost, and the ends of its ±15% band minus the current cost, each at least zero. Empty
   * for a job without a projection (queued, ended, or no training progress yet to project from).
   */
  public static Optional<RemainingJobCost> of(JobCostView view) {
    BigDecimal current = view.currentCost();
    return view.projection()
        .map(
            projection ->
                new RemainingJobCost(
                    beyond(projection.low(), current),
                    beyond(projection.projectedFinal(), current),
                    beyond(projection.high(), current)));
  }

  private static BigDecimal beyond(BigDecimal projected, BigDecimal current) {
    return projected.subtract(current).max(BigDecimal.ZERO);
  }
}
