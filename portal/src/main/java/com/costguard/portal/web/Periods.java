package com.costguard.portal.web;

import com.costguard.cost.budget.PeriodType;
import java.util.Arrays;
import java.util.List;

/** Period types in words, for labels and sentences. */
public final class Periods {

  private Periods() {}

  /** "monthly budget", "30-day budget", … */
  static String adjective(PeriodType type) {
    return switch (type) {
      case DAILY -> "daily";
      case WEEKLY -> "weekly";
      case CALENDAR_MONTH -> "monthly";
      case ROLLING_30_DAYS -> "30-day";
      case SESSION -> "session";
      case TOTAL -> "total";
    };
  }

  /** A select's label for each period type. */
  static String label(PeriodType type) {
    return switch (type) {
      case DAILY -> "Daily";
      case WEEKLY -> "Weekly";
      case CALENDAR_MONTH -> "Calendar month";
      case ROLLING_30_DAYS -> "Rolling 30 days";
      case SESSION -> "Session (until reset)";
      case TOTAL -> "Total (until reset)";
    };
  }

  static List<PeriodType> all() {
    return Arrays.asList(PeriodType.values());
  }
}
