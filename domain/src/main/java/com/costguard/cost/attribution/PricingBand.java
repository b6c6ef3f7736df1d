package com.costguard.cost.attribution;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What to charge for a project, from what its training typically costs (SPEC §2): under $50 →
 * $10k–20k; $50–150 → $20k–40k; over $150 → $40k–80k+.
 */
public enum PricingBand {
  SMALL(new BigDecimal("10000"), Optional.of(new BigDecimal("20000"))),
  MEDIUM(new BigDecimal("20000"), Optional.of(new BigDecimal("40000"))),
  LARGE(new BigDecimal("40000"), Optional.empty());

  private static final BigDecimal SMALL_BELOW = BigDecimal.valueOf(50);
  private static final BigDecimal LARGE_ABOVE = BigDecimal.valueOf(150);

  private final BigDecimal low;
  private final Optional<BigDecimal> high;

  PricingBand(BigDecimal low, Optional<BigDecimal> high) {
    this.low = low;
    this.high = high;
  }

  public static PricingBand forTrainingCost(BigDecimal averageTrainingCost) {
    if (averageTrainingCost.compareTo(SMALL_BELOW) < 0) {
      return SMALL;
    }
    return averageTrainingCost.compareTo(LARGE_ABOVE) > 0 ? LARGE : MEDIUM;
  }

  public BigDecimal low() {
    return low;
  }

  /** Empty for the open-ended top band ("$40k–80k+"): its 80k is a guide, not a cap. */
  public Optional<BigDecimal> high() {
    return high;
  }

  /** "$10k–20k", "$40k–80k+". */
  public String label() {
    return switch (this) {
      case SMALL -> "$10k–20k";
      case MEDIUM -> "$20k–40k";
      case LARGE -> "$40k–80k+";
    };
  }
}
