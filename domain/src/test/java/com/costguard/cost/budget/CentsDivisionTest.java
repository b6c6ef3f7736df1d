package com.costguard.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CentsDivisionTest {

  private static final BigDecimal HALF_CENT = new BigDecimal("0.005");

  @ParameterizedTest(name = "{0} / {1} → {2}")
  @CsvSource({
    "1,          3,       0.33",
    "2,          3,       0.67",
    "-2,         3,       -0.67",
    "0.015,      1,       0.02",
    "0.0149999,  1,       0.01",
    "-0.015,     1,       -0.02",
    "1,          0.0003,  3333.33",
    // 0.00499999999999999999… is not a half cent: a 16-digit quotient would round it up
    "0.004999999999999999999, 1, 0.00",
    "149999999, 30000000000, 0.00",
    "150000000, 30000000000, 0.01",
  })
  void theQuotientIsRoundedHalfUpAsIfItWereExact(
      BigDecimal dividend, BigDecimal divisor, BigDecimal cents) {
    assertThat(CentsDivision.quotientInCents(dividend, divisor)).isEqualTo(cents);
  }

  @Test
  void forRandomQuotientsTheResultIsTheNearestCentWithHalvesAwayFromZero() {
    Random random = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      BigDecimal dividend =
          BigDecimal.valueOf(random.nextLong() % 100_000_000_000L, random.nextInt(7));
      BigDecimal divisor = BigDecimal.valueOf(1 + random.nextInt(50_000_000), random.nextInt(7));
      if (random.nextBoolean()) {
        divisor = divisor.negate();
      }

      BigDecimal cents = CentsDivision.quotientInCents(dividend, divisor);

      // |cents| − 0.005 ≤ |dividend / divisor| < |cents| + 0.005, compared exactly
      BigDecimal a = dividend.abs();
      BigDecimal b = divisor.abs();
      assertThat(cents.scale()).isEqualTo(2);
      assertThat(cents.abs().subtract(HALF_CENT).multiply(b)).isLessThanOrEqualTo(a);
      assertThat(a).isLessThan(cents.abs().add(HALF_CENT).multiply(b));
      if (cents.signum() != 0) {
        assertThat(cents.signum()).isEqualTo(dividend.signum() * divisor.signum());
      }
    }
  }

  @Test
  void divisionByZeroIsRefused() {
    assertThatThrownBy(() -> CentsDivision.quotientInCents(BigDecimal.ONE, BigDecimal.ZERO))
        .isInstanceOf(ArithmeticException.class);
  }
}
