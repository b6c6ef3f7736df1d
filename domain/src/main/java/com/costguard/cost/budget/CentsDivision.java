package com.costguard.cost.budget;

import com.costguard.cost.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A quotient shown in cents (a percentage, an average), rounded by {@link Money#cents} exactly as
 * if the quotient were exact: the quotient may not terminate (1/3), so it is first cut after the
 * third decimal, toward zero. HALF_UP to two decimals only asks whether the magnitude is at least n
 * + 0.005, a number with three decimals, and cutting after the third decimal never moves a
 * magnitude across such a number; the result is therefore the correctly rounded exact quotient.
 */
public final class CentsDivision {

  private static final int DIGITS_HALF_UP_LOOKS_AT = 3;

  private CentsDivision() {}

  public static BigDecimal quotientInCents(BigDecimal dividend, BigDecimal divisor) {
    if (divisor.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    return Money.cents(dividend.divide(divisor, DIGITS_HALF_UP_LOOKS_AT, RoundingMode.DOWN));
  }
}
