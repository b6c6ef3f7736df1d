package com.costguard.cost.attribution;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered client's monthly allocation by its priority tier, against what it spent this month.
 *
 * @param allocated what the client may spend this month: its tier's amount plus {@code carriedIn}
 * @param remaining allocated − spent; negative when over
 * @param utilisationPercent spent / allocated × 100; empty for an allocation of 0
 * @param alert whether spent has reached {@link AttributionCalculator#ALLOCATION_ALERT_PERCENT} of
 *     the allocation
 * @param tierAmount the tier's monthly amount
 * @param rollover whether the client's tier carries unused allocation into the next month
 * @param carriedIn what last month left unused and rolled into this one (0 without rollover)
 * @param nextMonth what the client will be allocated next month if it spends nothing more this
 *     month: the tier's amount plus this month's unused allocation, capped at one tier amount, when
 *     the tier rolls over
 */
public record TierAllocation(
    ClientInfo client,
    BigDecimal allocated,
    BigDecimal spent,
    BigDecimal remaining,
    Optional<BigDecimal> utilisationPercent,
    boolean alert,
    BigDecimal tierAmount,
    boolean rollover,
    BigDecimal carriedIn,
    BigDecimal nextMonth) {

  public TierAllocation {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(tierAmount, "tierAmount");
    Objects.requireNonNull(carriedIn, "carriedIn");
    Objects.requireNonNull(nextMonth, "nextMonth");
  }
}
