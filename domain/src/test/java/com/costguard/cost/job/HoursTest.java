package com.costguard.cost.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.cost.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoursTest {

  @ParameterizedTest(name = "[{index}] {0} at {1}/h")
  @CsvSource({
    // duration, hourly rate, displayed cents
    "PT6H15M, 2.49, 15.56", // 15.5625: rounds half up at the third decimal only
    "PT15M, 2.49, 0.62",
    "PT5M, 2.49, 0.21",
    "PT20M, 0.015, 0.01", // exactly half a cent: multiplied before divided, so it rounds up
    "PT1S, 3600, 1.00",
    "PT0.5S, 36, 0.01", // half a second: exactly half a cent
    "PT0S, 3.67, 0.00",
    "PT8760H, 3.67, 32149.20" // a year
  })
  void priceIsDurationTimesRateRoundedOnlyForDisplay(
      Duration duration, BigDecimal rate, BigDecimal cents) {
    assertThat(Money.cents(Hours.price(duration, rate))).isEqualTo(cents);
  }

  @ParameterizedTest
  @CsvSource({"8, 2.49, 0.33", "4.5, 1.20, 0.09", "0, 9.99, 0.00", "0.5, 0.6, 0.01"})
  void priceOfMinutes(BigDecimal minutes, BigDecimal rate, BigDecimal cents) {
    assertThat(Money.cents(Hours.priceOfMinutes(minutes, rate))).isEqualTo(cents);
  }

  @ParameterizedTest
  @CsvSource({
    "PT15M, 0.25, 15",
    "PT1H30M, 1.5, 90",
    "PT20M, 0.3333333333333333, 20",
    "PT1.5S, 0.0004166666666666667, 0.025"
  })
  void hoursAndMinutes(Duration duration, BigDecimal hours, BigDecimal minutes) {
    assertThat(Hours.hours(duration)).isEqualByComparingTo(hours);
    assertThat(Hours.minutes(duration)).isEqualByComparingTo(minutes);
  }

  @ParameterizedTest
  @CsvSource({
    "13206.6, PT3H40M6.6S",
    "0.0000000015, PT0.000000001S",
    "0, PT0S",
    "-5, PT0S",
    "60, PT1M"
  })
  void durationOfSeconds(BigDecimal seconds, Duration duration) {
    assertThat(Hours.duration(seconds)).isEqualTo(duration);
  }

  @Test
  void farFuturesSaturate() {
    assertThat(Hours.duration(new BigDecimal("1E+30")))
        .isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
    assertThat(Hours.later(Instant.EPOCH, Duration.ofSeconds(Long.MAX_VALUE)))
        .isEqualTo(Instant.MAX);
    assertThat(Hours.later(Instant.EPOCH, Duration.ofHours(1)))
        .isEqualTo(Instant.parse("1970-01-01T01:00:00Z"));
  }

  @Test
  void laterSaturatesExactlyAtTheLastInstant() {
    Instant from = Instant.parse("2026-11-23T10:00:00.750Z");
    Duration room = Duration.between(from, Instant.MAX);
    assertThat(Hours.later(from, room)).isEqualTo(Instant.MAX);
    assertThat(Hours.later(from, room.minusNanos(1))).isEqualTo(Instant.MAX.minusNanos(1));
    assertThat(Hours.later(from, room.plusNanos(1))).isEqualTo(Instant.MAX);
    assertThat(Hours.later(Instant.MIN, Duration.ofSeconds(1, 5)))
        .isEqualTo(Instant.MIN.plusSeconds(1).plusNanos(5));
    assertThat(Hours.later(from, Duration.ofMillis(250)))
        .isEqualTo(Instant.parse("2026-11-23T10:00:01Z"));
  }
}
