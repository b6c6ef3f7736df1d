package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

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
    return new RangeParams(bound("from", from, false, zone), bound("to", to, true, zone));
  }

  static Instant bound(String name, String value, boolean endOfDay, ZoneId zone) {
    try {
      if (value.length() == 10) {
        LocalDate date = LocalDate.parse(value);
        return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(
          name, name + " must be a date (2026-11-01) or an instant (2026-11-01T00:00:00Z)");
    }
  }
}
