package com.costguard.model.job;

import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stored jobs and their reported events. */
public interface JobRepository {

  Optional<Job> byId(long id);

  /**
   * The job, locked until the current transaction ends: events, cancels and status changes of one
   * job happen one after another, on every instance.
   */
  Optional<Job> byIdForUpdate(long id);

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

  /** As {@link #during}, only the jobs not finished (queued, running or paused). */
  default List<JobHistory> unfinishedDuring(BudgetPeriod period, BudgetScope scope) {
    return during(period, scope).stream().filter(h -> !h.job().status().isFinished()).toList();
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
