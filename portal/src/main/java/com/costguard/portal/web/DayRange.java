package com.costguard.portal.web;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A range of whole days chosen in a page's query string ({@code ?range=month|30|90|custom&from&to},
 * dates in the installation's time zone, both included), so each choice is a plain link that can be
 * bookmarked. An unreadable or backwards custom range falls back to the default, and says so.
 */
public final class DayRange implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String chosen;
  private final boolean customRefused;
  private final LocalDate first;
  private final LocalDate last;

  private DayRange(String chosen, boolean customRefused, LocalDate first, LocalDate last) {
    this.chosen = chosen;
    this.customRefused = customRefused;
    this.first = first;
    this.last = last;
  }

  /** The range the request's parameters name; this calendar month when they name none. */
  static DayRange of(Map<String, String> parameters, LocalDate today) {
    String range = parameters.get("range");
    String from = parameters.get("from");
    String to = parameters.get("to");
    if ("custom".equals(range)) {
      try {
        if (from != null && to != null && !LocalDate.parse(from).isAfter(LocalDate.parse(to))) {
          return new DayRange("custom", false, LocalDate.parse(from), LocalDate.parse(to));
        }
      } catch (DateTimeParseException e) {
        // refused below
      }
      return month(today, true);
    }
    return switch (range == null ? "month" : range) {
      case "30" -> new DayRange("30", false, today.minusDays(29), today);
      case "90" -> new DayRange("90", false, today.minusDays(89), today);
      default -> month(today, false);
    };
  }

  private static DayRange month(LocalDate today, boolean customRefused) {
    LocalDate first = today.withDayOfMonth(1);
    return new DayRange("month", customRefused, first, first.plusMonths(1).minusDays(1));
  }

  /** "month", "30", "90" or "custom". */
  public String chosen() {
    return chosen;
  }

  /** Whether a custom range was asked for but could not be read. */
  public boolean isCustomRefused() {
    return customRefused;
  }

  public LocalDate getFirstDay() {
    return first;
  }

  /** The last day, included. */
  public LocalDate getLastDay() {
    return last;
  }

  public String label() {
    return switch (chosen) {
      case "30" -> "Last 30 days";
      case "90" -> "Last 90 days";
      case "custom" -> first + " to " + last;
      default -> "This month";
    };
  }

  Instant start(ZoneId zone) {
    return first.atStartOfDay(zone).toInstant();
  }

  /** The instant just after the last day. */
  Instant end(ZoneId zone) {
    return last.plusDays(1).atStartOfDay(zone).toInstant();
  }
}
