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

  private static final BigDecimal ONE_HUNDRED = BigDecimal.valueOf(100);

  private Money() {}

  /** Rounds to cents, HALF_UP: the figure a person sees. */
  public static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * {@code part / whole × 100} rounded to two decimals, HALF_UP: a displayed percentage such as
   * {@code 58.33}.
   *
   * @throws ArithmeticException when {@code whole} is zero; callers decide what a percentage of
   *     nothing means
   */
  public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    if (whole.signum() == 0) {
      throw new ArithmeticException("percentage of zero");
    }
    return part.multiply(ONE_HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
  }

  /**
   * The exact amount with at least two decimals and no trailing zeros beyond them: {@code 12.5} is
   * {@code 12.50}, {@code 0.000120} is {@code 0.00012}.
   */
  public static BigDecimal exact(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 2 ? stripped.setScale(2, RoundingMode.UNNECESSARY) : stripped;
  }

  /**
   * A computed amount (units × a per-token price) rounded HALF_UP to the micro-unit kept in the
   * database. Only computed amounts are rounded here; an amount someone sent is stored exactly or
   * refused.
   */
  public static BigDecimal stored(BigDecimal computed) {
    return computed.setScale(STORED_SCALE, RoundingMode.HALF_UP);
  }

  /** Whether the amount fits {@code DECIMAL(19,6)} without rounding. */
  public static boolean storable(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    int integerDigits = stripped.precision() - stripped.scale();
    return stripped.scale() <= STORED_SCALE && integerDigits <= MAX_INTEGER_DIGITS;
  }
}
