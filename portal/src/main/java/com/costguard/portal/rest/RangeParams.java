package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The {@code ?from&to} of range queries: ISO dates in the installation's time zone ({@code to}
 * includes its day) or instants ({@code to} excluded); neither = the current calendar month.
 */
record RangeParams(Instant from, Instant to) {

  static RangeParams of(String from, String to, ZoneId zone, Instant now) {
    if (from == null && to == null) {
      ZonedDateTime start = LocalDate.ofInstant(now, zone).withDayOfMonth(1).atStartOfDay(zone);
      return new RangeParams(start.toInstant(), start.plusMonths(1).toInstant());
    }
    if (from == null || to == null) {
      throw invalid(from == null ? "from" : "to", "give both from and to, or neither");
    }
    return limited(bound("from", from, false, zone), bound("to", to, true, zone));
  }

  /**
   * The longest range a query may cover. Reports and summaries walk a range by day and by month
   * (series, charts, PDF tables): a range of thousands of years would hold a request thread and the
   * heap for minutes. Ten years is more than any budget history here.
   */
  static final Duration LONGEST = Duration.ofDays(3653);

  /** {@code [from, to)} unless it is longer than {@link #LONGEST}. */
  static RangeParams limited(Instant from, Instant to) {
    if (Duration.between(from, to).compareTo(LONGEST) > 0) {
      throw invalid("to", "a range covers at most 10 years");
    }
    return new RangeParams(from, to);
  }

  static Instant bound(String name, String value, boolean endOfDay, ZoneId zone) {
    try {
      if (value.length() == 10) {
        LocalDate date = LocalDate.parse(value);
        return Instants.within(
            name, (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant());
      }
      return Instants.within(name, Instant.parse(value));
    } catch (DateTimeException e) {
      throw invalid(
          name, name + " must be a date (2026-11-01) or an instant (2026-11-01T00:00:00Z)");
    }
  }
}
