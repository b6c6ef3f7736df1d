package com.costguard.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Spend in {@code [from, to)}: the exact total, the number of cost events, the reuse savings, and
 * the same spend grouped by attribution and by day (in the installation's time zone).
 */
public record SpendingSummary(
    Instant from,
    Instant to,
    String currency,
    BigDecimal total,
    long events,
    BigDecimal reuseSavings,
    Map<String, Group> byProvider,
    Map<String, Group> byMode,
    Map<String, Group> bySession,
    Map<String, Group> byClient,
    Map<String, Group> byProject,
    List<Day> byDay) {

  /** Spend of one group; events without the attribute are grouped under {@link #NONE}. */
  public record Group(BigDecimal cost, long count) {}

  public record Day(LocalDate date, BigDecimal cost, long count) {}

  public static final String NONE = "(none)";
}
