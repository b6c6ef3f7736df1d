package com.costguard.portal.web;

import java.time.Duration;

/** How the job pages write a duration: "6h 23m", "45m", "1d 3h". */
final class Durations {

  private Durations() {}

  static String text(Duration duration) {
    long minutes = Math.max(0, duration.toMinutes());
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long rest = minutes % 60;
    if (days > 0) {
      return days + "d " + hours + "h";
    }
    if (hours > 0) {
      return hours + "h " + rest + "m";
    }
    return rest + "m";
  }
}
