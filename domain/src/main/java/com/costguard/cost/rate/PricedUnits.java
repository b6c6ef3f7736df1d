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
 * #fitsStorage() fits}. Ingestion should treat an amount that does not fit like an explicit {@code
 * amount} with too many decimals (it refuses it, naming the field) rather than silently rounding a
 * price someone agreed to. With whole units (tokens, calls) and a price of at most six decimals the
 * product always fits.
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
