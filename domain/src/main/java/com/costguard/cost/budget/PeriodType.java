package com.costguard.cost.budget;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a budget's period is cut; the API names are the lower-case constant names. */
public enum PeriodType {
  /** From midnight to midnight in the installation's time zone (23 or 25 hours on DST days). */
  DAILY,
  /** ISO weeks, Monday midnight to Monday midnight in the installation's time zone. */
  WEEKLY,
  /** From the first of the month to the first of the next, in the installation's time zone. */
  CALENDAR_MONTH,
  /** The 30 × 24 hours up to and including now: a window that moves, it never resets itself. */
  ROLLING_30_DAYS,
  /** From the last reset (or the budget's creation) until the next reset. */
  SESSION,
  /** From the last reset (or the budget's creation) until the next reset. */
  TOTAL;

  /** SPEC §2: a budget without a period is monthly. */
  public static final PeriodType DEFAULT = CALENDAR_MONTH;

  /** Daily, weekly and monthly periods follow the calendar and tile time one after another. */
  public boolean isCalendarAligned() {
    return this == DAILY || this == WEEKLY || this == CALENDAR_MONTH;
  }

  /** Whether the period runs until someone resets it. */
  public boolean runsUntilReset() {
    return this == SESSION || this == TOTAL;
  }

  /** The name used in the API and the database: {@code calendar_month}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type named {@code apiName} ({@code daily}, …, {@code total}); exact, lower case. */
  public static Optional<PeriodType> fromApiName(String apiName) {
    return Arrays.stream(values()).filter(t -> t.apiName().equals(apiName)).findFirst();
  }
}
