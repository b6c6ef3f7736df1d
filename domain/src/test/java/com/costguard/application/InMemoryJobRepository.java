package com.costguard.application;

import com.costguard.cost.budget.BudgetCalendar;
import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.model.job.Job;
import com.costguard.model.job.JobDayTotal;
import com.costguard.model.job.JobDimension;
import com.costguard.model.job.JobHistory;
import com.costguard.model.job.JobInPeriod;
import com.costguard.model.job.JobRepository;
import com.costguard.model.job.JobStatus;
import com.costguard.model.job.ReportedJobEvent;
import jakarta.persistence.EntityExistsException;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The job repository held in memory, with the database's unique keys, for service tests. */
class InMemoryJobRepository implements JobRepository {

  final Map<Long, Job> jobs = new LinkedHashMap<>();
  final List<ReportedJobEvent> events = new ArrayList<>();
  private long nextId = 1;

  @Override
  public Optional<Job> byId(long id) {
    return Optional.ofNullable(jobs.get(id));
  }

  @Override
  public Optional<Job> byIdForUpdate(long id) {
    return byId(id);
  }

  @Override
  public Map<Long, Job> jobsOf(Collection<Long> ids) {
    Map<Long, Job> known = new TreeMap<>();
    ids.stream().filter(jobs::containsKey).forEach(id -> known.put(id, jobs.get(id)));
    return known;
  }

  @Override
  public Map<Long, Job> byIdsForUpdate(Collection<Long> ids) {
    return jobsOf(ids);
  }

  @Override
  public boolean externalIdExists(String externalId) {
    return jobs.values().stream().anyMatch(j -> j.externalId().equals(externalId));
  }

  @Override
  public List<Job> withStatus(java.util.Collection<JobStatus> statuses) {
    List<Job> newestFirst = new ArrayList<>(jobs.values());
    java.util.Collections.reverse(newestFirst);
    return newestFirst.stream()
        .filter(j -> statuses.isEmpty() || statuses.contains(j.status()))
        .toList();
  }

  @Override
  public List<Job> inProgress() {
    return jobs.values().stream().filter(j -> j.status().inProgress()).toList();
  }

  /** The repository's rule, applied to each job's events here rather than by the database. */
  @Override
  public List<JobHistory> during(BudgetPeriod period, BudgetScope scope) {
    return jobs.values().stream()
        .map(job -> new JobHistory(job, events(job.id())))
        .filter(h -> scope.matches(h.attribution()))
        .filter(h -> h.job().endedAt().map(ended -> ended.isAfter(period.start())).orElse(true))
        .filter(
            h ->
                h.job().status() == JobStatus.QUEUED
                    || h.events().stream().anyMatch(e -> startsBeforeTheEnd(e.at(), period)))
        .toList();
  }

  private static boolean startsBeforeTheEnd(Instant at, BudgetPeriod period) {
    return period
        .end()
        .map(end -> period.endIncluded() ? !at.isAfter(end) : at.isBefore(end))
        .orElse(true);
  }

  /**
   * Whether the daily rollups answer (computed from the events, as the interface does); off, the
   * services cost every job from its events, as they do until the database's rollups are complete.
   */
  boolean rollups = true;

  @Override
  public Optional<SortedMap<LocalDate, JobDayTotal>> finishedByDay(
      BudgetCalendar calendar, LocalDate first, LocalDate last, BudgetScope scope) {
    return rollups
        ? JobRepository.super.finishedByDay(calendar, first, last, scope)
        : Optional.empty();
  }

  @Override
  public Optional<Map<Optional<String>, JobDayTotal>> finishedBy(
      JobDimension dimension, BudgetCalendar calendar, LocalDate first, LocalDate last) {
    return rollups
        ? JobRepository.super.finishedBy(dimension, calendar, first, last)
        : Optional.empty();
  }

  @Override
  public Optional<List<JobInPeriod>> finishedAcross(
      BudgetCalendar calendar, BudgetPeriod period, BudgetScope scope) {
    return rollups ? JobRepository.super.finishedAcross(calendar, period, scope) : Optional.empty();
  }

  /** How many times {@link #existingIds} was asked: the database would be queried as often. */
  int existingIdsLookUps;

  @Override
  public Set<Long> existingIds(Collection<Long> ids) {
    existingIdsLookUps++;
    return ids.stream().filter(jobs::containsKey).collect(Collectors.toSet());
  }

  @Override
  public void add(Job job) {
    if (externalIdExists(job.externalId())) {
      throw new EntityExistsException("uk_jobs_external_id");
    }
    assignId(job);
    jobs.put(job.id(), job);
  }

  @Override
  public List<ReportedJobEvent> events(long jobId) {
    return events.stream().filter(e -> e.jobId() == jobId).toList();
  }

  @Override
  public void add(ReportedJobEvent event) {
    boolean taken =
        events.stream()
            .anyMatch(
                e ->
                    e.jobId() == event.jobId()
                        && e.idempotencyKey().equals(event.idempotencyKey()));
    if (taken) {
      throw new EntityExistsException("uk_job_events_key");
    }
    assignId(event);
    events.add(event);
  }

  @Override
  public void flush() {}

  /** What the database's identity column does. */
  private void assignId(Object entity) {
    try {
      Field id = entity.getClass().getDeclaredField("id");
      id.setAccessible(true);
      id.set(entity, nextId++);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
