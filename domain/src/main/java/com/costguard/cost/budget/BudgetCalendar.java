package com.costguard.cost.budget;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;

/**
 * Cuts time into budget periods in the installation's time zone ({@code COSTGUARD_TIMEZONE}).
 *
 * <p>Days start at local midnight (or the first instant after it when a DST change skips midnight),
 * so a day is 23 or 25 hours long when the clocks change. Weeks are ISO weeks starting Monday;
 * months start on the first. The rolling window is a fixed 30 × 24 hours, the same length whatever
 * the clocks do.
 *
 * <p>A reset (seed 004: "force reset of time-based budgets before the period expires") splits the
 * period it falls in: spend before it belongs to the part that ended at the reset, spend from it on
 * to the part that runs to the period's usual end. Only the last reset is known, so earlier ones
 * have no effect on the periods computed here.
 */
public record BudgetCalendar(ZoneId zone) {

  /** The length of the {@link PeriodType#ROLLING_30_DAYS} window. */
  public static final Duration ROLLING_WINDOW = Duration.ofDays(30);

  public BudgetCalendar {
    Objects.requireNonNull(zone, "zone");
  }

  /** The local date of an instant. */
  public LocalDate dayOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /** The first instant of a local date. */
  public Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  /**
   * Whether the period is whole local days, {@code [a day's first instant, a later day's first
   * instant)}: what the daily rollups of finished jobs can answer for.
   */
  public boolean isWholeDays(BudgetPeriod period) {
    return !period.start().equals(Instant.MIN)
        && period.startIncluded()
        && startOf(dayOf(period.start())).equals(period.start())
        && period
            .end()
            .filter(end -> !period.endIncluded() && startOf(dayOf(end)).equals(end))
            .isPresent();
  }

  /** A local date as a period: {@code [its first instant, the next day's first instant)}. */
  public BudgetPeriod day(LocalDate day) {
    return BudgetPeriod.startingAt(startOf(day), startOf(day.plusDays(1)));
  }

  /**
   * The day, week or month containing {@code instant}, ignoring resets.
   *
   * @throws IllegalArgumentException for a type that is not {@linkplain
   *     PeriodType#isCalendarAligned() calendar-aligned}
   */
  public BudgetPeriod calendarPeriodContaining(PeriodType type, Instant instant) {
    LocalDate day = dayOf(instant);
    LocalDate first;
    LocalDate next;
    switch (type) {
      case DAILY -> {
        first = day;
        next = day.plusDays(1);
      }
      case WEEKLY -> {
        first = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        next = first.plusWeeks(1);
      }
      case CALENDAR_MONTH -> {
        first = day.withDayOfMonth(1);
        next = first.plusMonths(1);
      }
      default -> throw new IllegalArgumentException(type + " is not calendar-aligned");
    }
    return BudgetPeriod.startingAt(startOf(first), startOf(next));
  }

  /**
   * The period of a budget that contains {@code instant}.
   *
   * <ul>
   *   <li>daily, weekly, monthly: the calendar period, split by the last reset if it falls inside;
   *   <li>rolling 30 days: {@code (instant − 30 days, instant]}, cut to {@code [reset, instant]}
   *       when the last reset is inside the window;
   *   <li>session, total: {@code [last reset, ∞)}, or from the budget's creation when it was never
   *       reset. An instant before that belongs to an earlier period whose start is not known here:
   *       {@code [Instant.MIN, last reset)}.
   * </ul>
   *
   * @param createdAt when the budget was created: where a session or total budget that was never
   *     reset starts (seed 004); ignored by the other types, which count the whole calendar period
   *     even when the budget was created in the middle of it
   * @param lastReset the budget's last reset, if any
   */
  public BudgetPeriod periodContaining(
      PeriodType type, Instant instant, Instant createdAt, Optional<Instant> lastReset) {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastReset, "lastReset");
    return switch (type) {
      case DAILY, WEEKLY, CALENDAR_MONTH ->
          splitByReset(calendarPeriodContaining(type, instant), instant, lastReset);
      case ROLLING_30_DAYS -> rollingWindowEndingAt(instant, lastReset);
      case SESSION, TOTAL -> {
        Instant start = lastReset.orElse(createdAt);
        yield instant.isBefore(start)
            ? BudgetPeriod.startingAt(Instant.MIN, start)
            : BudgetPeriod.openFrom(start);
      }
    };
  }

  private static BudgetPeriod splitByReset(
      BudgetPeriod calendar, Instant instant, Optional<Instant> lastReset) {
    Instant end = calendar.end().orElseThrow();
    return lastReset
        .filter(reset -> reset.isAfter(calendar.start()) && reset.isBefore(end))
        .map(
            reset ->
                instant.isBefore(reset)
                    ? BudgetPeriod.startingAt(calendar.start(), reset)
                    : BudgetPeriod.startingAt(reset, end))
        .orElse(calendar);
  }

  private static BudgetPeriod rollingWindowEndingAt(Instant now, Optional<Instant> lastReset) {
    Instant windowStart = now.minus(ROLLING_WINDOW);
    return lastReset
        .filter(reset -> reset.isAfter(windowStart) && !reset.isAfter(now))
        .map(reset -> new BudgetPeriod(reset, true, Optional.of(now), true))
        .orElse(BudgetPeriod.endingAt(windowStart, now));
  }
}
