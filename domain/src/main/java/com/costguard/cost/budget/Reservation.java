package com.costguard.cost.budget;

import java.math.BigDecimal;

/**
 * What a queued or running job holds against every matching budget (SPEC §2): the part of its
 * estimate maximum not yet spent, never below zero. It shrinks as cost accrues and is released when
 * the job ends.
 */
public final class Reservation {

  private Reservation() {}

  public static BigDecimal heldBy(BigDecimal estimateMax, BigDecimal currentCost) {
    return estimateMax.subtract(currentCost).max(BigDecimal.ZERO);
  }
}
