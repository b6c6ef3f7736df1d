package com.costguard.alerting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A daily stretch of local time in which alert e-mail waits (SPEC §3: "optional quiet hours delay
 * email, never a ≥ 100% alert"), such as {@code 22:00-07:00}: from {@code start} (included) to
 * {@code end} (excluded), across midnight when {@code end} comes first. Times are in the
 * installation's time zone; on a day whose clocks skip the end time, the wait ends at the first
 * instant after the gap.
 */
public record QuietHours(LocalTime start, LocalTime end) {

  private static final Pattern TEXT = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

  public QuietHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.equals(end)) {
      throw new IllegalArgumentException("quiet hours need a start and a different end");
    }
  }

  /**
   * Reads {@code HH:mm-HH:mm}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static QuietHours parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("quiet hours are written HH:mm-HH:mm, e.g. 22:00-07:00");
    }
    try {
      return new QuietHours(LocalTime.parse(m.group(1)), LocalTime.parse(m.group(2)));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("quiet hours are written HH:mm-HH:mm, e.g. 22:00-07:00");
    }
  }

  /** {@code 22:00-07:00}: what {@link #parse} reads. */
  @Override
  public String toString() {
    return start + "-" + end;
  }

  /** Whether e-mail of this alert waits out quiet hours: all but ≥ 100% and blocked alerts. */
  public static boolean delays(AlertKind kind, int threshold) {
    return switch (kind) {
      case THRESHOLD, ESTIMATE -> threshold < 100;
      case BLOCKED -> false;
      case FORECAST, ANOMALY -> true;
    };
  }

  /**
   * When an e-mail due at {@code at} may be sent: the end of the quiet hours it falls in, if any.
   */
  public Optional<Instant> endIfQuiet(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    LocalDate day = local.toLocalDate();
    boolean wraps = end.isBefore(start);
    boolean quiet =
        wraps
            ? !time.isBefore(start) || time.isBefore(end)
            : !time.isBefore(start) && time.isBefore(end);
    if (!quiet) {
      return Optional.empty();
    }
    LocalDate endDay = wraps && !time.isBefore(start) ? day.plusDays(1) : day;
    return Optional.of(ZonedDateTime.of(endDay, end, zone).toInstant());
  }
}
