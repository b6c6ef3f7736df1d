package com.costguard.cost.attribution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What the registered projects with jobs in the range say about pricing (SPEC §2).
 *
 * @param projects how many projects the figures are drawn from
 * @param averageTrainingCost their mean training cost, in cents
 * @param revenueMultiplier revenue / training cost over those with both (e.g. 87.11 for "87×")
 * @param recommendation the band for the average training cost
 * @param margins the margins of those with one, highest first
 * @param averageMargin their mean
 */
public record PricingInsights(
    int projects,
    Optional<BigDecimal> averageTrainingCost,
    Optional<BigDecimal> revenueMultiplier,
    Optional<PricingBand> recommendation,
    List<BigDecimal> margins,
    Optional<BigDecimal> averageMargin) {

  public PricingInsights {
    margins = List.copyOf(margins);
  }
}
