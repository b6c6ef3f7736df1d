package com.costguard.infrastructure.persistence;

import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.model.job.Job;
import com.costguard.model.job.JobHistory;
import com.costguard.model.job.JobRepository;
import com.costguard.model.job.JobStatus;
import com.costguard.model.job.ReportedJobEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class JpaJobRepository implements JobRepository {

  static final int IDS_PER_QUERY = 1000;

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  @Override
  public Optional<Job> byId(long id) {
    return Optional.ofNullable(em.find(Job.class, id));
  }

  @Override
  public Optional<Job> byIdForUpdate(long id) {
    return Optional.ofNullable(em.find(Job.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public boolean externalIdExists(String externalId) {
    return em.createQuery("select count(j) from Job j where j.externalId = :id", Long.class)
            .setParameter("id", externalId)
            .getSingleResult()
        > 0;
  }

  @Override
  public List<Job> withStatus(Collection<JobStatus> statuses) {
    if (statuses.isEmpty()) {
      return em.createQuery("select j from Job j order by j.id desc", Job.class).getResultList();
    }
    return em.createQuery(
            "select j from Job j where j.status in :statuses order by j.id desc", Job.class)
        .setParameter("statuses", List.copyOf(statuses))
        .getResultList();
  }

  /** Read-only: thousands of jobs the transaction need not watch for changes at commit. */
  @Override
  public List<Job> inProgress() {
    return em.createQuery(
            "select j from Job j where j.status in :statuses order by j.id", Job.class)
        .setParameter("statuses", List.of(JobStatus.RUNNING, JobStatus.PAUSED))
        .setHint("eclipselink.read-only", "true")
        .getResultList();
  }

  /**
   * Jobs in one query, filtered by the database (period and scope), then all their events in one
   * more (in slices of {@link #IDS_PER_QUERY} ids, so a huge IN list never reaches the database).
   */
  @Override
  public List<JobHistory> during(BudgetPeriod period, BudgetScope scope) {
    return during(period, scope, false);
  }

  /** As {@link #during}, through the status index: the few unfinished among a million jobs. */
  @Override
  public List<JobHistory> unfinishedDuring(BudgetPeriod period, BudgetScope scope) {
    return during(period, scope, true);
  }

  private List<JobHistory> during(BudgetPeriod period, BudgetScope scope, boolean unfinished) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (unfinished) {
      conditions.add("j.status in :unfinished");
      parameters.put("unfinished", List.of(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.PAUSED));
    }
    period
        .end()
        .ifPresent(
            end -> {
              conditions.add(
                  "(j.status = :queued or exists (select e.id from ReportedJobEvent e"
                      + " where e.jobId = j.id and e.at "
                      + (period.endIncluded() ? "<=" : "<")
                      + " :end))");
              parameters.put("queued", JobStatus.QUEUED);
              parameters.put("end", end);
            });
    // Instant.MIN (a period from the beginning of time) is no bound, and outside DATETIME's range.
    if (!period.start().equals(Instant.MIN)) {
      conditions.add("(j.endedAt is null or j.endedAt > :start)");
      parameters.put("start", period.start());
    }
    equal(conditions, parameters, "client", scope.client());
    equal(conditions, parameters, "project", scope.project());
    equal(conditions, parameters, "team", scope.team());
    equal(conditions, parameters, "provider", scope.provider());
    TypedQuery<Job> query =
        em.createQuery(
            "select j from Job j"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by j.id",
            Job.class);
    parameters.forEach(query::setParameter);
    List<Job> found = query.getResultList();

    Map<Long, List<ReportedJobEvent>> events = new HashMap<>();
    List<Long> ids = found.stream().map(Job::id).toList();
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      em.createQuery(
              "select e from ReportedJobEvent e where e.jobId in :ids order by e.id",
              ReportedJobEvent.class)
          .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
          .getResultStream()
          .forEach(e -> events.computeIfAbsent(e.jobId(), id -> new ArrayList<>()).add(e));
    }
    return found.stream()
        .map(job -> new JobHistory(job, events.getOrDefault(job.id(), List.of())))
        .toList();
  }

  private static void equal(
      List<String> conditions,
      Map<String, Object> parameters,
      String attribute,
      Optional<String> value) {
    value.ifPresent(
        v -> {
          conditions.add("j.%1$s = :%1$s".formatted(attribute));
          parameters.put(attribute, v);
        });
  }

  @Override
  public Set<Long> existingIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createQuery("select j.id from Job j where j.id in :ids", Long.class)
            .setParameter("ids", ids)
            .getResultList());
  }

  @Override
  public void add(Job job) {
    em.persist(job);
  }

  @Override
  public List<ReportedJobEvent> events(long jobId) {
    return em.createQuery(
            "select e from ReportedJobEvent e where e.jobId = :job order by e.id",
            ReportedJobEvent.class)
        .setParameter("job", jobId)
        .getResultList();
  }

  /**
   * In slices of {@link #IDS_PER_QUERY} ids, read-only: the entities are not registered with the
   * transaction, so that committing a sweep does not compare tens of thousands of them for changes.
   */
  @Override
  public Map<Long, List<ReportedJobEvent>> eventsOf(Collection<Long> jobIds) {
    Map<Long, List<ReportedJobEvent>> events = new HashMap<>();
    List<Long> ids = List.copyOf(jobIds);
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      em.createQuery(
              "select e from ReportedJobEvent e where e.jobId in :ids order by e.id",
              ReportedJobEvent.class)
          .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
          .setHint("eclipselink.read-only", "true")
          .getResultStream()
          .forEach(e -> events.computeIfAbsent(e.jobId(), id -> new ArrayList<>()).add(e));
    }
    return events;
  }

  @Override
  public void add(ReportedJobEvent event) {
    em.persist(event);
  }

  @Override
  public void flush() {
    em.flush();
  }
}
