package com.costguard.cost.budget;

import java.math.BigDecimal;
import java.util.Objects;

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
}
