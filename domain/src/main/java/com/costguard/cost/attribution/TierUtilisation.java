package com.costguard.cost.attribution;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One priority tier's clients together this month.
 *
 * @param clients how many registered clients the tier has
 * @param allocated the sum of their allocations (rollover included)
 * @param spent the sum of what they spent this month
 * @param utilisationPercent spent / allocated × 100; empty when nothing is allocated
 * @param alerts how many of its clients are at or above the allocation alert
 */
public record TierUtilisation(
    PriorityTier tier,
    BigDecimal monthlyAmount,
    boolean rollover,
    int clients,
    BigDecimal allocated,
    BigDecimal spent,
    Optional<BigDecimal> utilisationPercent,
    int alerts) {}
