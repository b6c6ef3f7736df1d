package com.costguard.cost.rate;

import com.costguard.cost.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Units priced by a rate card: {@code amount} is exactly {@code units × rate.pricePerUnit()}, never
 * rounded here.
 *
 * <p>Units have at most six decimals in storage and prices at most twelve (per-token prices are far
 * below a millionth), so their product may have up to eighteen, which {@code DECIMAL(19,6)} cannot
 * hold. This class does not decide for the caller: it says whether the amount {@linkplain
 * #fitsStorage() fits}. Ingestion stores the micro-unit nearest to it ({@code Money.stored}): a
 * per-token price times a token count routinely has seven or more decimals, and refusing such
 * events would make per-token rate cards unusable. With whole units (tokens, calls) and a price of
 * at most six decimals the product always fits exactly.
 */
public record PricedUnits(RateCard rate, BigDecimal units, BigDecimal amount) {

  public PricedUnits {
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(units, "units");
    Objects.requireNonNull(amount, "amount");
    if (amount.compareTo(units.multiply(rate.pricePerUnit())) != 0) {
      throw new IllegalArgumentException("amount must be units × price per unit");
    }
  }

  static PricedUnits of(RateCard rate, BigDecimal units) {
    return new PricedUnits(rate, units, units.multiply(rate.pricePerUnit()));
  }

  /** Whether {@link #amount()} can be stored as {@code DECIMAL(19,6)} without rounding. */
  public boolean fitsStorage() {
    return Money.storable(amount);
  }
}
