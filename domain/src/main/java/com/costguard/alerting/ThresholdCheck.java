package com.costguard.alerting;

import com.costguard.cost.budget.Thresholds;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What one evaluation of a budget does to its threshold alerts in the current period: the
 * thresholds to fire now (crossed and not fired yet) and the fired ones to re-arm (no longer
 * crossed: the limit was raised, or a rolling window let old spend go). Spend only grows within a
 * calendar period, so there re-arming follows a raised limit only; the rule is the same for every
 * period type, which is what makes it safe to evaluate as often as anyone likes.
 *
 * @param fire thresholds to fire, lowest first
 * @param rearm live thresholds to re-arm, lowest first
 */
public record ThresholdCheck(List<Integer> fire, List<Integer> rearm) {

  public ThresholdCheck {
    fire = List.copyOf(fire);
    rearm = List.copyOf(rearm);
  }

  /**
   * @param thresholds the budget's thresholds
   * @param live the thresholds that fired in this period and have not re-armed
   * @param available the limit spend is measured against (limit + rollover)
   * @param spent the period's spend
   */
  public static ThresholdCheck of(
      Thresholds thresholds, Collection<Integer> live, BigDecimal available, BigDecimal spent) {
    Objects.requireNonNull(live, "live");
    return new ThresholdCheck(
        thresholds.toFire(live, available, spent), Thresholds.rearmed(live, available, spent));
  }

  public boolean changesNothing() {
    return fire.isEmpty() && rearm.isEmpty();
  }
}
