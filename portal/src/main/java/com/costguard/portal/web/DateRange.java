package com.costguard.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A page's date range, chosen in its query string ({@code ?range=month|30|90|all|custom&from&to},
 * dates in the installation's time zone, {@code to} included, as the REST API reads them), so a
 * range is a plain link and can be bookmarked. An unreadable or backwards custom range falls back
 * to the page's default, and says so.
 */
public final class DateRange {

  /**
   * "All time" starts here: earlier than any job (tests date theirs in the 1950s), and a job only
   * costs from the day it started, so the early bound costs nothing.
   */
  static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

  private final String asked;
  private final String from;
  private final String to;
  private final LocalDate today;
  private final String chosen;

  /**
   * @param parameters the request's parameters ({@code range}, {@code from}, {@code to})
   * @param fallback what an absent or unreadable choice means: {@code 30} or {@code month}
   */
  public DateRange(Map<String, String> parameters, LocalDate today, String fallback) {
    this.asked = parameters.get("range");
    this.from = parameters.get("from");
    this.to = parameters.get("to");
    this.today = today;
    this.chosen = choose(fallback);
  }

  private String choose(String fallback) {
    if ("custom".equals(asked) || (asked == null && from != null)) {
      try {
        if (from != null && to != null && !LocalDate.parse(from).isAfter(LocalDate.parse(to))) {
          return "custom";
        }
      } catch (DateTimeParseException e) {
        // falls back below
      }
      return fallback;
    }
    return switch (asked == null ? "" : asked) {
      case "month", "30", "90", "all" -> asked;
      default -> fallback;
    };
  }

  /** "month", "30", "90", "all" or "custom". */
  public String chosen() {
    return chosen;
  }

  /** Whether a range was asked for in the address (not the page's default). */
  public boolean explicit() {
    return asked != null || from != null;
  }

  /** Whether a custom range was asked for but could not be read. */
  public boolean customRefused() {
    return "custom".equals(asked) && !chosen.equals("custom");
  }

  /** The first day of the range. */
  public LocalDate firstDay() {
    return switch (chosen) {
      case "month" -> today.withDayOfMonth(1);
      case "90" -> today.minusDays(89);
      case "all" -> BEGINNING;
      case "custom" -> LocalDate.parse(from);
      default -> today.minusDays(29);
    };
  }

  /** The last day of the range (included). */
  public LocalDate lastDay() {
    return chosen.equals("custom") ? LocalDate.parse(to) : today;
  }

  public Instant start(ZoneId zone) {
    return firstDay().atStartOfDay(zone).toInstant();
  }

  /** The instant after the last day: the exclusive end. */
  public Instant end(ZoneId zone) {
    return lastDay().plusDays(1).atStartOfDay(zone).toInstant();
  }

  public String label() {
    return switch (chosen) {
      case "month" -> "This month";
      case "90" -> "Last 90 days";
      case "all" -> "All time";
      case "custom" -> firstDay() + " to " + lastDay();
      default -> "Last 30 days";
    };
  }
}
