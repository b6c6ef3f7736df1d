package com.costguard.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  @ParameterizedTest
  @CsvSource({
    "0.005, 0.01",
    "0.004999, 0.00",
    "1.125, 1.13",
    "2.675, 2.68",
    "12.345, 12.35",
    "0, 0.00",
    "1234567.891234, 1234567.89"
  })
  void centsRoundHalfUp(String amount, String cents) {
    assertThat(Money.cents(new BigDecimal(amount))).isEqualTo(new BigDecimal(cents));
  }

  @ParameterizedTest
  @CsvSource({"12.5, 12.50", "0.000120, 0.00012", "7, 7.00", "4126.952000, 4126.952"})
  void exactKeepsEveryDigitWithAtLeastTwoDecimals(String amount, String exact) {
    assertThat(Money.exact(new BigDecimal(amount)).toPlainString()).isEqualTo(exact);
  }

  @ParameterizedTest
  @CsvSource({
    "0.000001, true",
    "0.0000001, false",
    "9999999999999.999999, true",
    "10000000000000, false",
    "1.500000000, true"
  })
  void storableMeansFitsDecimal19Point6(String amount, boolean storable) {
    assertThat(Money.storable(new BigDecimal(amount))).isEqualTo(storable);
  }

  @ParameterizedTest
  @CsvSource({
    "22.18, 45, 49.29",
    "30.64, 52.82, 58.01",
    "1, 3, 33.33",
    "2, 3, 66.67",
    "1, 200, 0.50",
    "1, 800, 0.13",
    "-5, 20, -25.00",
    "0, 7, 0.00",
    "60, 45, 133.33"
  })
  void percentRoundsToTwoDecimalsHalfUp(String part, String whole, String percent) {
    assertThat(Money.percent(new BigDecimal(part), new BigDecimal(whole)))
        .isEqualTo(new BigDecimal(percent));
  }

  @Test
  void percentOfZeroIsRefused() {
    assertThatThrownBy(() -> Money.percent(BigDecimal.ONE, BigDecimal.ZERO))
        .isInstanceOf(ArithmeticException.class);
  }
}
