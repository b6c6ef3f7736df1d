package com.costguard.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Spend in {@code [from, to)}: the cost events in it and the job costs accrued in it (SPEC §2's
 * rule, as budgets count them: each job's cost at the end of the range, or now, minus its cost at
 * the start), in total, grouped by attribution and by day (in the installation's time zone).
 *
 * <p>A job's accrual is split by day, and the job counts with the sum of its days, so that {@code
 * byDay} adds up to {@code total} (the sum differs from the accrual over the whole range only when
 * a job's cost fell on some day: no day is less than nothing).
 *
 * @param total the cost events plus the jobs' accruals
 * @param events the number of cost events
 * @param jobs the jobs' accruals, and the number of jobs that ran in the range
 * @param byProvider cost events and jobs; a group's count is its events plus its jobs
 * @param byMode cost events only: jobs have no mode
 * @param byStatus jobs only, by where each stands now ({@code running}, {@code completed}, …)
 * @param bySession cost events only: jobs have no session
 * @param byClient cost events and jobs, counted as in {@code byProvider}
 * @param byProject cost events and jobs, counted as in {@code byProvider}
 * @param byDay cost events and jobs; a day's count is its events plus the jobs that ran that day
 */
public record SpendingSummary(
    Instant from,
    Instant to,
    String currency,
    BigDecimal total,
    long events,
    Group jobs,
    BigDecimal reuseSavings,
    Map<String, Group> byProvider,
    Map<String, Group> byMode,
    Map<String, Group> byStatus,
    Map<String, Group> bySession,
    Map<String, Group> byClient,
    Map<String, Group> byProject,
    List<Day> byDay) {

  /** Spend of one group; spend without the attribute is grouped under {@link #NONE}. */
  public record Group(BigDecimal cost, long count) {

    public static final Group EMPTY = new Group(BigDecimal.ZERO, 0);

    public Group plus(Group other) {
      return new Group(cost.add(other.cost), count + other.count);
    }
  }

  public record Day(LocalDate date, BigDecimal cost, long count) {}

  public static final String NONE = "(none)";
}
