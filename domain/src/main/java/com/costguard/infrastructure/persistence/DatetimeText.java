package com.costguard.infrastructure.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants as the text of a UTC {@code DATETIME(6)}, {@code 2026-11-24 07:20:00.123456}, for the
 * cost event insert's thousands of parameters (issue 8): the driver's encoding of a {@code
 * LocalDateTime} allocated some 600 bytes per value, a tenth of what ingestion allocated. Sub-
 * microsecond digits are dropped, as MariaDB drops them. The instant formatted last is kept: the
 * events of a batch share their received time, and often their occurred time.
 */
final class DatetimeText {

  private Instant last;
  private String text;

  String of(Instant instant) {
    if (!instant.equals(last)) {
      last = instant;
      text = format(instant);
    }
    return text;
  }

  static String format(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 1 || t.getYear() > 9999) {
      throw new IllegalArgumentException(instant + " is outside DATETIME's years 1 to 9999");
    }
    char[] c = new char[26];
    digits(c, 0, t.getYear(), 4);
    c[4] = '-';
    digits(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, t.getDayOfMonth(), 2);
    c[10] = ' ';
    digits(c, 11, t.getHour(), 2);
    c[13] = ':';
    digits(c, 14, t.getMinute(), 2);
    c[16] = ':';
    digits(c, 17, t.getSecond(), 2);
    c[19] = '.';
    digits(c, 20, instant.getNano() / 1000, 6);
    return new String(c);
  }

  /** {@code value} as {@code width} decimal digits, zero-padded, from {@code at}. */
  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
