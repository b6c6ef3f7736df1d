package com.costguard.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DatetimeTextTest {

  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

  @Test
  void writesTheUtcWallClockToTheMicrosecond() {
    assertThat(DatetimeText.format(Instant.parse("2026-11-24T07:20:00.123456789Z")))
        .isEqualTo("2026-11-24 07:20:00.123456");
    assertThat(DatetimeText.format(Instant.parse("0001-01-01T00:00:00Z")))
        .isEqualTo("0001-01-01 00:00:00.000000");
    assertThat(DatetimeText.format(Instant.parse("9999-12-31T23:59:59.999999Z")))
        .isEqualTo("9999-12-31 23:59:59.999999");
    assertThat(DatetimeText.format(Instant.parse("2028-02-29T12:00:00.000001Z")))
        .isEqualTo("2028-02-29 12:00:00.000001");
  }

  @Test
  void agreesWithJavaTimeOnAnyInstantOfTheYearsDatetimeHolds() {
    Random random = new Random(24);
    long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              first + (long) (random.nextDouble() * (last - first)), random.nextInt(1_000_000_000));
      assertThat(DatetimeText.format(instant))
          .as(instant.toString())
          .isEqualTo(
              LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC)
                  .format(DATETIME));
    }
  }

  @Test
  void keepsTheLastTextAndRefusesYearsDatetimeCannotHold() {
    DatetimeText text = new DatetimeText();
    Instant now = Instant.parse("2026-11-24T07:20:00Z");
    assertThat(text.of(now)).isSameAs(text.of(Instant.parse("2026-11-24T07:20:00Z")));
    assertThat(text.of(now.plusNanos(1000))).isEqualTo("2026-11-24 07:20:00.000001");
    assertThatThrownBy(() -> DatetimeText.format(Instant.parse("+10000-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
