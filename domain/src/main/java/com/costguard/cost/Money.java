package com.costguard.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place that rounds money. Amounts are kept exact (scale up to {@link #STORED_SCALE}) and
 * rounded to cents, HALF_UP, only when shown as a line item.
 */
public final class Money {

  /** Decimal places kept in the database ({@code DECIMAL(19,6)}). */
  public static final int STORED_SCALE = 6;

  /** Digits allowed before the decimal point ({@code DECIMAL(19,6)}). */
  public static final int MAX_INTEGER_DIGITS = 13;

  private Money() {}

  /** Rounds to cents, HALF_UP: the figure a person sees. */
  public static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * The exact amount with at least two decimals and no trailing zeros beyond them: {@code 12.5} is
   * {@code 12.50}, {@code 0.000120} is {@code 0.00012}.
   */
  public static BigDecimal exact(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 2 ? stripped.setScale(2, RoundingMode.UNNECESSARY) : stripped;
  }

  /** Whether the amount fits {@code DECIMAL(19,6)} without rounding. */
  public static boolean storable(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    int integerDigits = stripped.precision() - stripped.scale();
    return stripped.scale() <= STORED_SCALE && integerDigits <= MAX_INTEGER_DIGITS;
  }
}
