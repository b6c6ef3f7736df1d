package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants and dates as the API reads them: ISO-8601 and within the years 1 to 9999 that the
 * database's {@code DATETIME} and {@code DATE} hold. {@link Instant#parse} reads years up to nine
 * digits, and throws a {@link DateTimeException} that is not a parse error for one past {@link
 * Instant#MIN}; either is the sender's mistake, answered 400 naming the field.
 */
final class Instants {

  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private Instants() {}

  /** {@code value} as an instant, or a refusal naming {@code field}. */
  static Instant instant(String field, String value) {
    try {
      return within(field, Instant.parse(value));
    } catch (DateTimeException e) {
      throw invalid(
          field,
          field.substring(field.lastIndexOf('.') + 1)
              + " must be an ISO-8601 instant, e.g. 2026-11-23T10:15:30Z");
    }
  }

  /** {@code value} as a date, or a refusal naming {@code field}. */
  static LocalDate date(String field, String value) {
    try {
      LocalDate date = LocalDate.parse(value);
      if (date.getYear() < 1 || date.getYear() > 9999) {
        throw new DateTimeException("out of range");
      }
      return date;
    } catch (DateTimeException e) {
      throw invalid(field, field + " must be an ISO-8601 date, e.g. 2026-01-31");
    }
  }

  /** {@code instant} when it lies in the years 1 to 9999, else a refusal naming {@code field}. */
  static Instant within(String field, Instant instant) {
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw invalid(field, field + " must lie between the years 1 and 9999");
    }
    return instant;
  }
}
