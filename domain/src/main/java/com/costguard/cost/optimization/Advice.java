package com.costguard.cost.optimization;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A strategy recommendation (SPEC §2): more spot (with what it would save), the mix is optimal, or
 * schedule off-peak because interruptions are frequent.
 *
 * @param amount what moving the on-demand jobs to spot would have saved, for {@link Kind#MORE_SPOT}
 */
public record Advice(Kind kind, Optional<BigDecimal> amount) {

  public enum Kind {
    /** Spot share below 80 %. */
    MORE_SPOT,
    /** Spot share 80 % or more. */
    OPTIMAL,
    /** More than 30 % of spot jobs were interrupted. */
    OFF_PEAK
  }

  /** The sentence a report or page shows. */
  public String text() {
    return switch (kind) {
      case MORE_SPOT ->
          "Increase spot usage to 95%% for an additional $%s savings"
              .formatted(amount.orElse(BigDecimal.ZERO).toPlainString());
      case OPTIMAL -> "Current strategy optimal. Continue using spot for 90%+ of jobs";
      case OFF_PEAK -> "High interruption rate. Consider off-peak scheduling";
    };
  }
}
