package com.costguard.model.job;

import com.costguard.cost.budget.BudgetCalendar;
import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.budget.JobAccrual;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Stored jobs and their reported events. */
public interface JobRepository {

  Optional<Job> byId(long id);

  /**
   * The job, locked until the current transaction ends: events, cancels and status changes of one
   * job happen one after another, on every instance.
   */
  Optional<Job> byIdForUpdate(long id);

  /** The jobs among {@code ids} (an unknown id is absent), for reading only. */
  Map<Long, Job> jobsOf(Collection<Long> ids);

  /**
   * The jobs among {@code ids} (an unknown id is absent), locked in id order until the current
   * transaction ends, as {@link #byIdForUpdate}: in id order, so that two transactions locking
   * overlapping sets never wait for each other in a circle.
   */
  Map<Long, Job> byIdsForUpdate(Collection<Long> ids);

  boolean externalIdExists(String externalId);

  /** Every job with one of {@code statuses} (every job when empty), newest first. */
  List<Job> withStatus(Collection<JobStatus> statuses);

  /** Jobs started and not ended (running, interrupted or paused), for reading only. */
  List<Job> inProgress();

  /**
   * The jobs in {@code scope} that count in {@code period}, each with its events in arrival order:
   * those that reported an event before the period's end (by the period's own rule for its end) and
   * had not ended by its start, and those still queued, which hold reservations. In two queries for
   * up to a thousand jobs.
   */
  List<JobHistory> during(BudgetPeriod period, BudgetScope scope);

  /**
   * As {@link #during}, each job handed to {@code each} in turn: for reads over a long period,
   * whose jobs and events need not all be in memory at once.
   */
  default void eachDuring(BudgetPeriod period, BudgetScope scope, Consumer<JobHistory> each) {
    during(period, scope).forEach(each);
  }

  /** As {@link #during}, only the jobs not finished (queued, running or paused). */
  default List<JobHistory> unfinishedDuring(BudgetPeriod period, BudgetScope scope) {
    return during(period, scope).stream().filter(h -> !h.job().status().isFinished()).toList();
  }

  /**
   * As {@link #during}, without the jobs settled in the period ({@link Job#settledIn}): those whose
   * cost in it is their final cost, which {@link #settledTotal} and its kin read without their
   * events (issue 8: a month holds some hundred thousand finished jobs at scale).
   */
  default List<JobHistory> unsettledDuring(BudgetPeriod period, BudgetScope scope) {
    return during(period, scope).stream().filter(h -> !h.job().settledIn(period)).toList();
  }

  /**
   * The final costs of the jobs in {@code scope} settled in {@code period}, summed, and how many.
   */
  default SettledJobs settledTotal(BudgetPeriod period, BudgetScope scope) {
    List<Job> settled = settled(period, scope);
    return new SettledJobs(
        settled.stream()
            .map(j -> j.finalCost().orElseThrow())
            .reduce(BigDecimal.ZERO, BigDecimal::add),
        settled.size());
  }

  /** The final costs of the jobs in scope settled in the period, summed by client (null: none). */
  default Map<String, BigDecimal> settledByClient(BudgetPeriod period, BudgetScope scope) {
    Map<String, BigDecimal> byClient = new HashMap<>();
    settled(period, scope)
        .forEach(
            j ->
                byClient.merge(
                    j.client().orElse(null), j.finalCost().orElseThrow(), BigDecimal::add));
    return byClient;
  }

  /** At most {@code limit} of the jobs in scope settled in the period, the costliest first. */
  default List<Job> costliestSettled(BudgetPeriod period, BudgetScope scope, int limit) {
    return settled(period, scope).stream()
        .sorted(
            Comparator.comparing((Job j) -> j.finalCost().orElseThrow())
                .reversed()
                .thenComparing(Job::id))
        .limit(limit)
        .toList();
  }

  /**
   * The jobs in scope settled in the period, by id, for reading only: each costs its final cost.
   */
  default List<Job> settled(BudgetPeriod period, BudgetScope scope) {
    return during(period, scope).stream()
        .map(JobHistory::job)
        .filter(j -> j.settledIn(period))
        .toList();
  }

  /**
   * The jobs in scope settled in the period that match {@code criteria}, in {@code order}: {@code
   * max} of them from the {@code first} (the budget dashboard's table, a page at a time).
   */
  default List<JobInPeriod> settledPage(
      BudgetPeriod period,
      BudgetScope scope,
      JobCriteria criteria,
      JobOrder order,
      int first,
      int max) {
    return settled(period, scope).stream()
        .map(JobInPeriod::settled)
        .filter(criteria::matches)
        .sorted(order.comparator())
        .skip(first)
        .limit(max)
        .toList();
  }

  /** As {@link #settledTotal}, of the jobs that match {@code criteria}, by status. */
  default Map<JobStatus, SettledJobs> settledByStatus(
      BudgetPeriod period, BudgetScope scope, JobCriteria criteria) {
    Map<JobStatus, SettledJobs> byStatus = new EnumMap<>(JobStatus.class);
    settled(period, scope).stream()
        .filter(j -> criteria.matches(JobInPeriod.settled(j)))
        .forEach(
            j ->
                byStatus.merge(
                    j.status(),
                    new SettledJobs(j.finalCost().orElseThrow(), 1),
                    SettledJobs::plus));
    return byStatus;
  }

  /** Who created the jobs in scope settled in the period. */
  default Set<String> settledCreators(BudgetPeriod period, BudgetScope scope) {
    return settled(period, scope).stream()
        .map(Job::createdBy)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** What the jobs settled in a period cost together, and how many there are. */
  record SettledJobs(BigDecimal total, long count) {

    public static final SettledJobs NONE = new SettledJobs(BigDecimal.ZERO, 0);

    public SettledJobs plus(SettledJobs other) {
      return new SettledJobs(total.add(other.total), count + other.count);
    }
  }

  /**
   * What the finished jobs in {@code scope} accrued on each day from {@code first} to {@code last}
   * (days of {@code calendar}), a day without any absent: per day the jobs that ran on it. Empty
   * when the daily rollups (V28) cannot answer (some finished job not in them yet, another time
   * zone, a scope of more than one attribute): the caller then costs the jobs from their events.
   * Here, the jobs are costed from their events: the rule the rollups keep.
   */
  default Optional<SortedMap<LocalDate, JobDayTotal>> finishedByDay(
      BudgetCalendar calendar, LocalDate first, LocalDate last, BudgetScope scope) {
    SortedMap<LocalDate, JobDayTotal> byDay = new TreeMap<>();
    for (JobDays job : finishedDays(calendar, first, last, scope)) {
      job.days()
          .subMap(first, last.plusDays(1))
          .forEach(
              (day, cost) ->
                  byDay.merge(
                      day, new JobDayTotal(cost.amount(), cost.net(), 1), JobDayTotal::plus));
    }
    return Optional.of(byDay);
  }

  /**
   * As {@link #finishedByDay}, over the whole range for each value of {@code dimension} (a job
   * without the attribute under an empty value), the whole organisation's jobs: each job counts
   * once.
   */
  default Optional<Map<Optional<String>, JobDayTotal>> finishedBy(
      JobDimension dimension, BudgetCalendar calendar, LocalDate first, LocalDate last) {
    Map<Optional<String>, JobDayTotal> byValue = new HashMap<>();
    for (JobDays job : finishedDays(calendar, first, last, BudgetScope.wholeOrganisation())) {
      Collection<JobAccrual.Day> days = job.days().subMap(first, last.plusDays(1)).values();
      if (!days.isEmpty()) {
        byValue.merge(
            dimension.of(job.job()),
            new JobDayTotal(
                days.stream().map(JobAccrual.Day::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                days.stream().map(JobAccrual.Day::net).reduce(BigDecimal.ZERO, BigDecimal::add),
                1),
            JobDayTotal::plus);
      }
    }
    return Optional.of(byValue);
  }

  /**
   * The finished jobs in scope that ran in {@code period} (whole days of {@code calendar}) but not
   * only in it, each with what it accrued there ({@link JobAccrual#in}) and its final cost: the
   * jobs across the period's start or end, which {@link #settledPage} and its kin leave out. Empty
   * when the daily rollups cannot answer, as for {@link #finishedByDay}.
   */
  default Optional<List<JobInPeriod>> finishedAcross(
      BudgetCalendar calendar, BudgetPeriod period, BudgetScope scope) {
    if (!calendar.isWholeDays(period)) {
      return Optional.empty();
    }
    List<JobInPeriod> across = new ArrayList<>();
    for (JobHistory history : during(period, scope)) {
      Job job = history.job();
      if (job.status().isFinished() && !job.settledIn(period)) {
        JobAccrual accrual = JobDays.accrual(history);
        if (accrual.ranIn(period)) {
          across.add(JobInPeriod.of(job, accrual.in(period), accrual.current().currentCost()));
        }
      }
    }
    return Optional.of(across);
  }

  /** The finished jobs in scope that ran from {@code first} to {@code last}, with their days. */
  private List<JobDays> finishedDays(
      BudgetCalendar calendar, LocalDate first, LocalDate last, BudgetScope scope) {
    BudgetPeriod range =
        BudgetPeriod.startingAt(calendar.startOf(first), calendar.startOf(last.plusDays(1)));
    return during(range, scope).stream()
        .filter(h -> h.job().status().isFinished())
        .map(h -> JobDays.of(h, calendar))
        .toList();
  }

  /**
   * Adds a job that has just finished to the daily rollups, and marks it added ({@link
   * Job#daysRolledUp}). Nothing to do where the rollups are computed from the events, as here.
   */
  default void addDays(JobHistory finished) {
    addDays(List.of(finished));
  }

  /** {@link #addDays(JobHistory)} for several jobs, their days summed and written together. */
  default void addDays(List<JobHistory> finished) {}

  /** Takes a finished job's days back out of the rollups, before its attribution changes. */
  default void removeDays(JobHistory finished) {}

  /**
   * Adds up to {@code max} finished jobs not in the daily rollups yet (finished before V28, or
   * before the time zone changed) to them, locked meanwhile; answers how many.
   */
  default int rollUpPendingDays(int max) {
    return 0;
  }

  /**
   * Empties the daily rollups if they hold days of another time zone than the installation's, all
   * their jobs to be added again; answers whether it did.
   */
  default boolean clearDaysOfOtherZones() {
    return false;
  }

  /** The ids among {@code ids} that are jobs. */
  Set<Long> existingIds(Collection<Long> ids);

  void add(Job job);

  /** The job's events in the order they arrived. */
  List<ReportedJobEvent> events(long jobId);

  /**
   * The events of each of these jobs in the order they arrived, for reading only (a sweep over
   * thousands of jobs): in a few queries instead of one per job. A job without events is absent.
   */
  default Map<Long, List<ReportedJobEvent>> eventsOf(Collection<Long> jobIds) {
    Map<Long, List<ReportedJobEvent>> events = new HashMap<>();
    for (long id : jobIds) {
      events.put(id, events(id));
    }
    return events;
  }

  void add(ReportedJobEvent event);

  /** Sends pending writes to the database now, so a constraint violation surfaces here. */
  void flush();
}
