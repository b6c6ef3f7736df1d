package com.costguard.cost.budget;

import com.costguard.cost.job.JobActivity;
import com.costguard.cost.job.JobCostCalculator;
import com.costguard.cost.job.JobCostView;
import com.costguard.cost.job.JobEvent;
import com.costguard.cost.job.JobSpec;
import com.costguard.cost.job.JobTimeline;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How much of one job's cost accrued in a period (SPEC §2: "spend of a period = job costs accrued
 * in it + …"), as the job cost engine computes it.
 *
 * <p>The accrual in a period is the job's cost at the period's end minus its cost at its start,
 * never below zero (a cost can fall: a checkpoint deleted, a recovery reported shorter than the gap
 * billed meanwhile). The cost at an instant is computed from only the events stamped up to it
 * ({@link JobCostCalculator#costAsOf}); at a boundary a period includes, an event stamped exactly
 * there belongs to the period, as a cost event would ({@link JobCostCalculator#costBefore}), so
 * consecutive periods share out a job's cost without counting any of it twice.
 *
 * <p>A period not over yet ends, for the job, at the instant its cost view is measured to: now, or
 * the job's latest event when a runner's clock runs a little ahead. So a job that started in the
 * current period counts exactly the current cost its cost view shows, and a reservation ({@link
 * Reservation#heldBy}) tops that up to the estimate maximum, neither more nor less.
 */
public final class JobAccrual {

  private final JobSpec spec;
  private final List<JobEvent> events;
  private final JobActivity activity;
  private final JobCostView current;

  private JobAccrual(JobSpec spec, List<JobEvent> events, Instant now) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.events = List.copyOf(events);
    this.activity = JobTimeline.of(this.events).replay(Objects.requireNonNull(now, "now"));
    this.current = JobCostCalculator.cost(spec, activity);
  }

  /**
   * @param events every event reported for the job, in arrival order, duplicates included
   * @param now the instant the accrual is measured at
   */
  public static JobAccrual of(JobSpec spec, List<JobEvent> events, Instant now) {
    return new JobAccrual(spec, events, now);
  }

  /** The job's cost view now, as {@code GET /jobs/{id}/cost} shows it. */
  public JobCostView current() {
    return current;
  }

  /** When the job started; empty while it is queued. */
  public java.util.Optional<Instant> startedAt() {
    return activity.startedAt();
  }

  /**
   * Whether the job ran at some time in {@code period}: it started before the period's end and had
   * not ended by its start. A queued job has not run; a paused one still runs (it may resume).
   */
  public boolean ranIn(BudgetPeriod period) {
    if (activity.startedAt().isEmpty()) {
      return false;
    }
    Instant started = activity.startedAt().get();
    boolean startedBeforeTheEnd =
        period
            .end()
            .map(end -> period.endIncluded() ? !started.isAfter(end) : started.isBefore(end))
            .orElse(true);
    Instant stopped = activity.endedAt().orElse(activity.asOf());
    return startedBeforeTheEnd && stopped.isAfter(period.start());
  }

  /** The job's cost accrued in {@code period}, never below zero; zero when it did not run in it. */
  public BigDecimal in(BudgetPeriod period) {
    return net(period).max(BigDecimal.ZERO);
  }

  /**
   * As {@link #in}, not floored at zero: the cost at the period's end less the cost at its start.
   */
  private BigDecimal net(BudgetPeriod period) {
    if (!ranIn(period)) {
      return BigDecimal.ZERO;
    }
    BigDecimal atEnd =
        period
            .end()
            .filter(end -> end.isBefore(current.asOf()))
            .map(end -> costAt(end, period.endIncluded()))
            .orElse(current.currentCost());
    boolean startedInside = activity.startedAt().get().isAfter(period.start());
    BigDecimal atStart =
        startedInside ? BigDecimal.ZERO : costAt(period.start(), !period.startIncluded());
    return atEnd.subtract(atStart);
  }

  /**
   * The job's accrual in {@code [from, to)} split by calendar day, for each day it ran: the day's
   * share is its accrual in the part of the day inside the range. A job's days add up to its
   * accrual over the range unless its cost fell on some day (each day is floored at zero on its
   * own).
   */
  public SortedMap<LocalDate, BigDecimal> byDay(Instant from, Instant to, BudgetCalendar calendar) {
    SortedMap<LocalDate, BigDecimal> days = new TreeMap<>();
    if (activity.startedAt().isEmpty() || !from.isBefore(to)) {
      return days;
    }
    Instant first = later(from, activity.startedAt().get());
    Instant last = earlier(to.minusNanos(1), activity.endedAt().orElse(activity.asOf()));
    if (first.isAfter(last)) {
      return days;
    }
    for (LocalDate day = calendar.dayOf(first);
        !day.isAfter(calendar.dayOf(last));
        day = day.plusDays(1)) {
      BudgetPeriod whole = calendar.day(day);
      BudgetPeriod part =
          BudgetPeriod.startingAt(
              later(whole.start(), from), earlier(whole.end().orElseThrow(), to));
      if (ranIn(part)) {
        days.put(day, in(part));
      }
    }
    return days;
  }

  /**
   * What a job accrued on one calendar day: floored at zero ({@link #in}) and not ({@code net}).
   */
  public record Day(BigDecimal amount, BigDecimal net) {}

  /**
   * The job's accrual on each calendar day it ran, whole days (what {@link #byDay} gives for any
   * range of whole days, and the net accrual beside it): the days, consecutive, that a finished job
   * adds to the daily rollups.
   */
  public SortedMap<LocalDate, Day> days(BudgetCalendar calendar) {
    SortedMap<LocalDate, Day> days = new TreeMap<>();
    if (activity.startedAt().isEmpty()) {
      return days;
    }
    LocalDate last = calendar.dayOf(activity.endedAt().orElse(activity.asOf()));
    for (LocalDate day = calendar.dayOf(activity.startedAt().get());
        !day.isAfter(last);
        day = day.plusDays(1)) {
      BudgetPeriod whole = calendar.day(day);
      if (ranIn(whole)) {
        BigDecimal net = net(whole);
        days.put(day, new Day(net.max(BigDecimal.ZERO), net));
      }
    }
    return days;
  }

  /** The job's cost at {@code at}, with or without the events stamped exactly at it. */
  private BigDecimal costAt(Instant at, boolean withEventsAtIt) {
    JobCostView view =
        withEventsAtIt
            ? JobCostCalculator.costAsOf(spec, events, at)
            : JobCostCalculator.costBefore(spec, events, at);
    return view.currentCost();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
