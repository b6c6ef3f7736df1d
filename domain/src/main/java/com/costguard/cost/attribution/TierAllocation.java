package com.costguard.cost.attribution;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A registered client's monthly allocation by its priority tier, against what it spent this month.
 *
 * @param remaining allocated − spent; negative when over
 * @param utilisationPercent spent / allocated × 100; empty for an allocation of 0
 * @param alert whether spent has reached {@link AttributionCalculator#ALLOCATION_ALERT_PERCENT} of
 *     the allocation
 */
public record TierAllocation(
    ClientInfo client,
    BigDecimal allocated,
    BigDecimal spent,
    BigDecimal remaining,
    Optional<BigDecimal> utilisationPercent,
    boolean alert) {}
