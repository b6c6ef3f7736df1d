package com.costguard.cost.job;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Time as a decimal number, and what it costs at an hourly rate. Prices are unrounded: {@link
 * com.costguard.cost.Money#cents} rounds them when they become a line.
 */
final class Hours {

  /** Sixteen significant digits: far below a cent for any realistic job. */
  static final MathContext PRECISION = MathContext.DECIMAL64;

  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
  private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);
  private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);
  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
  private static final BigDecimal LONGEST_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE);

  private Hours() {}

  static BigDecimal seconds(Duration duration) {
    BigDecimal whole = BigDecimal.valueOf(duration.getSeconds());
    return duration.getNano() == 0 ? whole : whole.add(BigDecimal.valueOf(duration.getNano(), 9));
  }

  static BigDecimal hours(Duration duration) {
    return seconds(duration).divide(SECONDS_PER_HOUR, PRECISION);
  }

  static BigDecimal minutes(Duration duration) {
    return seconds(duration).divide(SECONDS_PER_MINUTE, PRECISION);
  }

  /**
   * {@code duration × hourlyRate}, multiplying before dividing: 20 minutes at $0.015/h is exactly
   * $0.005 (a half cent that rounds up), where a third of an hour taken first would fall short.
   */
  static BigDecimal price(Duration duration, BigDecimal hourlyRate) {
    return price(seconds(duration), hourlyRate);
  }

  static BigDecimal price(BigDecimal seconds, BigDecimal hourlyRate) {
    return seconds.multiply(hourlyRate).divide(SECONDS_PER_HOUR, PRECISION);
  }

  static BigDecimal priceOfMinutes(BigDecimal minutes, BigDecimal hourlyRate) {
    return minutes.multiply(hourlyRate).divide(MINUTES_PER_HOUR, PRECISION);
  }

  /**
   * The duration of a non-negative number of seconds; sub-nanosecond remainders are dropped and
   * anything beyond {@code Long.MAX_VALUE} seconds is that many seconds.
   */
  static Duration duration(BigDecimal seconds) {
    if (seconds.signum() <= 0) {
      return Duration.ZERO;
    }
    BigDecimal whole = new BigDecimal(seconds.toBigInteger());
    if (whole.compareTo(LONGEST_SECONDS) >= 0) {
      return Duration.ofSeconds(Long.MAX_VALUE);
    }
    long nanos = seconds.subtract(whole).multiply(NANOS_PER_SECOND).longValue();
    return Duration.ofSeconds(whole.longValueExact(), nanos);
  }

  /**
   * {@code from + duration}, or {@link Instant#MAX} when that lies beyond it. The room left before
   * {@code Instant.MAX} is worked out in seconds: {@code Duration.between(from, Instant.MAX)}
   * overflows its nanoseconds and catches an ArithmeticException inside the JDK on every call,
   * which made this the hottest line of the 10,000-job projection sweep (stack samples, issue 8).
   */
  static Instant later(Instant from, Duration duration) {
    Duration room =
        Duration.ofSeconds(
            Instant.MAX.getEpochSecond() - from.getEpochSecond(),
            Instant.MAX.getNano() - from.getNano());
    return duration.compareTo(room) >= 0 ? Instant.MAX : from.plus(duration);
  }
}
