package com.costguard.portal.rest;

import com.costguard.cost.Money;
import jakarta.json.JsonNumber;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact decimal written without an exponent. JSON-P writes a number as {@link
 * BigDecimal#toString()}, which turns a per-token price such as 0.00000015 into {@code 1.5E-7}:
 * valid JSON, but not what anyone reading a price list expects. Written with at least two decimals
 * and no trailing zeros beyond them, like every amount ({@link Money#exact}).
 */
record PlainDecimal(BigDecimal value) implements JsonNumber {

  static PlainDecimal of(BigDecimal value) {
    return new PlainDecimal(Money.exact(value));
  }

  @Override
  public String toString() {
    return value.toPlainString();
  }

  @Override
  public boolean isIntegral() {
    return value.scale() <= 0;
  }

  @Override
  public int intValue() {
    return value.intValue();
  }

  @Override
  public int intValueExact() {
    return value.intValueExact();
  }

  @Override
  public long longValue() {
    return value.longValue();
  }

  @Override
  public long longValueExact() {
    return value.longValueExact();
  }

  @Override
  public BigInteger bigIntegerValue() {
    return value.toBigInteger();
  }

  @Override
  public BigInteger bigIntegerValueExact() {
    return value.toBigIntegerExact();
  }

  @Override
  public double doubleValue() {
    return value.doubleValue();
  }

  @Override
  public BigDecimal bigDecimalValue() {
    return value;
  }

  @Override
  public ValueType getValueType() {
    return ValueType.NUMBER;
  }
}
