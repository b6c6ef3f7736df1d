package com.costguard.infrastructure.persistence;

import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.job.JobEvent;
import com.costguard.cost.job.JobEventType;
import com.costguard.cost.job.Stage;
import com.costguard.model.job.Job;
import com.costguard.model.job.JobHistory;
import com.costguard.model.job.JobRepository;
import com.costguard.model.job.JobStatus;
import com.costguard.model.job.ReportedJobEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
   * Jobs filtered by the database (period and scope), then all their events (in slices of {@link
   * #IDS_PER_QUERY} ids, so a huge IN list never reaches the database).
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

  /**
   * The jobs in scope that ran in the period or are still queued. With an end to the period that is
   * two queries: the queued jobs, and those with an event before the end. As one condition ("queued
   * OR an event exists") the optimiser could use neither the status index nor a semi-join and
   * walked all jobs, probing job_events for each (EXPLAIN: type index over 997,081 rows, 0.8 s per
   * read at a million jobs, for every budget and summary read); apart, the first is a range of the
   * status index and the second a semi-join (issue 8: reads at scale within 100 ms).
   */
  private List<JobHistory> during(BudgetPeriod period, BudgetScope scope, boolean unfinished) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (unfinished) {
      conditions.add("j.status in :unfinished");
      parameters.put("unfinished", List.of(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.PAUSED));
    }
    // Instant.MIN (a period from the beginning of time) is no bound, and outside DATETIME's range.
    if (!period.start().equals(Instant.MIN)) {
      conditions.add("(j.endedAt is null or j.endedAt > :start)");
      parameters.put("start", period.start());
    }
    equal(conditions, parameters, "client", scope.client());
    equal(conditions, parameters, "project", scope.project());
    equal(conditions, parameters, "team", scope.team());
    equal(conditions, parameters, "provider", scope.provider());
    List<Job> found;
    if (period.end().isEmpty()) {
      found = jobs(conditions, parameters);
    } else {
      List<String> queued = new ArrayList<>(conditions);
      queued.add("j.status = :queued");
      Map<String, Object> queuedParameters = new LinkedHashMap<>(parameters);
      queuedParameters.put("queued", JobStatus.QUEUED);
      List<String> ran = new ArrayList<>(conditions);
      ran.add(
          "exists (select e.id from ReportedJobEvent e where e.jobId = j.id and e.at "
              + (period.endIncluded() ? "<=" : "<")
              + " :end)");
      Map<String, Object> ranParameters = new LinkedHashMap<>(parameters);
      ranParameters.put("end", period.end().get());
      Map<Long, Job> byId = new TreeMap<>();
      jobs(queued, queuedParameters).forEach(j -> byId.put(j.id(), j));
      jobs(ran, ranParameters).forEach(j -> byId.putIfAbsent(j.id(), j));
      found = List.copyOf(byId.values());
    }
    Map<Long, List<ReportedJobEvent>> events = eventsOf(found.stream().map(Job::id).toList());
    return found.stream()
        .map(job -> new JobHistory(job, events.getOrDefault(job.id(), List.of())))
        .toList();
  }

  /**
   * The jobs meeting every condition, by id. Read-only: every caller only costs these jobs, and a
   * budget read in the ingesting transaction need not have them compared for changes at commit.
   */
  private List<Job> jobs(List<String> conditions, Map<String, Object> parameters) {
    TypedQuery<Job> query =
        em.createQuery(
            "select j from Job j"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by j.id",
            Job.class);
    parameters.forEach(query::setParameter);
    return query.setHint("eclipselink.read-only", "true").getResultList();
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
   * In slices of {@link #IDS_PER_QUERY} ids, by plain SQL: only the columns the cost engine
   * replays, each row made into an event directly. The sweep of 10,000 running jobs reads some
   * 50,000 events; as entities (even read-only) EclipseLink built and cached a descriptor-driven
   * object per row, the larger part of the sweep's time (issue 8: 10,000 jobs within a second).
   */
  @Override
  public Map<Long, List<ReportedJobEvent>> eventsOf(Collection<Long> jobIds) {
    Map<Long, List<ReportedJobEvent>> events = new HashMap<>();
    List<Long> ids = List.copyOf(jobIds);
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      List<Long> slice = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
      Query query =
          em.createNativeQuery(
              "select job_id, type, occurred_at, step, stage, recovery_minutes, storage_gb,"
                  + " idempotency_key, received_at from job_events where job_id in ("
                  + String.join(",", Collections.nCopies(slice.size(), "?"))
                  + ") order by id");
      for (int i = 0; i < slice.size(); i++) {
        query.setParameter(i + 1, slice.get(i));
      }
      @SuppressWarnings("unchecked")
      List<Object[]> rows = query.getResultList();
      for (Object[] r : rows) {
        long jobId = ((Number) r[0]).longValue();
        JobEvent event =
            new JobEvent(
                JobEventType.valueOf((String) r[1]),
                instant(r[2]),
                Optional.ofNullable((Number) r[3]).map(Number::longValue),
                Optional.ofNullable((String) r[4]).map(Stage::valueOf),
                Optional.ofNullable((BigDecimal) r[5]),
                Optional.ofNullable((BigDecimal) r[6]),
                (String) r[7]);
        events
            .computeIfAbsent(jobId, id -> new ArrayList<>())
            .add(new ReportedJobEvent(jobId, event, instant(r[8])));
      }
    }
    return events;
  }

  /** A {@code DATETIME} read back: the driver gives the UTC wall-clock time stored. */
  private static Instant instant(Object value) {
    if (value instanceof LocalDateTime local) {
      return local.toInstant(ZoneOffset.UTC);
    }
    return ((Timestamp) value).toLocalDateTime().toInstant(ZoneOffset.UTC);
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
