package com.costguard.infrastructure.persistence;

import com.costguard.config.Configuration;
import com.costguard.cost.budget.BudgetCalendar;
import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.job.JobEvent;
import com.costguard.cost.job.JobEventType;
import com.costguard.cost.job.Stage;
import com.costguard.infrastructure.Resources;
import com.costguard.model.job.Job;
import com.costguard.model.job.JobCriteria;
import com.costguard.model.job.JobDayTotal;
import com.costguard.model.job.JobDays;
import com.costguard.model.job.JobDimension;
import com.costguard.model.job.JobHistory;
import com.costguard.model.job.JobInPeriod;
import com.costguard.model.job.JobOrder;
import com.costguard.model.job.JobRepository;
import com.costguard.model.job.JobStatus;
import com.costguard.model.job.ReportedJobEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

@ApplicationScoped
public class JpaJobRepository implements JobRepository {

  static final int IDS_PER_QUERY = 1000;

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  @Inject Configuration configuration;

  @Resource(lookup = Resources.DATASOURCE)
  DataSource dataSource;

  @Override
  public Optional<Job> byId(long id) {
    return Optional.ofNullable(em.find(Job.class, id));
  }

  @Override
  public Optional<Job> byIdForUpdate(long id) {
    return Optional.ofNullable(em.find(Job.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public Map<Long, Job> jobsOf(Collection<Long> ids) {
    return ids.isEmpty() ? Map.of() : byId(jobsIn(ids).getResultList());
  }

  @Override
  public Map<Long, Job> byIdsForUpdate(Collection<Long> ids) {
    return ids.isEmpty()
        ? Map.of()
        : byId(jobsIn(ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
  }

  private TypedQuery<Job> jobsIn(Collection<Long> ids) {
    return em.createQuery("select j from Job j where j.id in :ids order by j.id", Job.class)
        .setParameter("ids", List.copyOf(new TreeSet<>(ids)));
  }

  private static Map<Long, Job> byId(List<Job> jobs) {
    Map<Long, Job> byId = new LinkedHashMap<>();
    jobs.forEach(job -> byId.put(job.id(), job));
    return byId;
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
    return during(period, scope, false, false);
  }

  /** As {@link #during}, through the status index: the few unfinished among a million jobs. */
  @Override
  public List<JobHistory> unfinishedDuring(BudgetPeriod period, BudgetScope scope) {
    return during(period, scope, true, false);
  }

  @Override
  public List<JobHistory> unsettledDuring(BudgetPeriod period, BudgetScope scope) {
    return during(period, scope, false, true);
  }

  /**
   * The sum over {@code ix_jobs_settled} (V26), which holds every column the query reads: a range
   * of the index, never a row of the table.
   */
  @Override
  public SettledJobs settledTotal(BudgetPeriod period, BudgetScope scope) {
    Object[] sums =
        settled(period, scope, "select sum(j.finalCost), count(j) from Job j", Object[].class)
            .getSingleResult();
    return new SettledJobs(
        sums[0] == null ? BigDecimal.ZERO : (BigDecimal) sums[0], ((Number) sums[1]).longValue());
  }

  @Override
  public Map<String, BigDecimal> settledByClient(BudgetPeriod period, BudgetScope scope) {
    Map<String, BigDecimal> byClient = new HashMap<>();
    settled(
            period,
            scope,
            "select j.client, sum(j.finalCost) from Job j",
            Object[].class,
            " group by j.client")
        .getResultList()
        .forEach(row -> byClient.put((String) row[0], (BigDecimal) row[1]));
    return byClient;
  }

  @Override
  public List<Job> costliestSettled(BudgetPeriod period, BudgetScope scope, int limit) {
    return settled(
            period, scope, "select j from Job j", Job.class, " order by j.finalCost desc, j.id")
        .setMaxResults(limit)
        .setHint("eclipselink.read-only", "true")
        .getResultList();
  }

  /** The ids by the covering index, then the jobs {@link #IDS_PER_QUERY} at a time. */
  @Override
  public List<Job> settled(BudgetPeriod period, BudgetScope scope) {
    List<Long> ids =
        settled(period, scope, "select j.id from Job j", Long.class, " order by j.id")
            .getResultList();
    return byIds(ids);
  }

  /** The settled jobs that match, by the covering index, then a page of them. */
  @Override
  public List<JobInPeriod> settledPage(
      BudgetPeriod period,
      BudgetScope scope,
      JobCriteria criteria,
      JobOrder order,
      int first,
      int max) {
    String column =
        switch (order.field()) {
          case COST -> "j.finalCost";
          case NAME -> "lower(j.name)";
          case CREATED_AT -> "j.createdAt";
          case CREATED_BY -> "j.createdBy";
          case STATUS -> "j.status";
        };
    // The page's ids first: by cost, that sort reads only ix_jobs_settled, not every row.
    List<Long> ids =
        settled(
                period,
                scope,
                criteria,
                "select j.id from Job j",
                Long.class,
                " order by " + column + (order.descending() ? " desc" : "") + ", j.id")
            .setFirstResult(first)
            .setMaxResults(max)
            .getResultList();
    return byIds(ids).stream().map(JobInPeriod::settled).toList();
  }

  /**
   * The jobs of {@code ids} in their order (one deleted since is left out), read {@link
   * #IDS_PER_QUERY} at a time: a deep page reads the unsettled jobs' count more settled ones.
   */
  private List<Job> byIds(List<Long> ids) {
    Map<Long, Job> byId = new HashMap<>();
    for (List<Long> slice : slices(ids)) {
      jobs(List.of("j.id in :ids"), Map.of("ids", slice)).forEach(job -> byId.put(job.id(), job));
    }
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  @Override
  public Map<JobStatus, SettledJobs> settledByStatus(
      BudgetPeriod period, BudgetScope scope, JobCriteria criteria) {
    Map<JobStatus, SettledJobs> byStatus = new EnumMap<>(JobStatus.class);
    settled(
            period,
            scope,
            criteria,
            "select j.status, sum(j.finalCost), count(j) from Job j",
            Object[].class,
            " group by j.status")
        .getResultList()
        .forEach(
            row ->
                byStatus.put(
                    (JobStatus) row[0],
                    new SettledJobs((BigDecimal) row[1], ((Number) row[2]).longValue())));
    return byStatus;
  }

  @Override
  public Set<String> settledCreators(BudgetPeriod period, BudgetScope scope) {
    return new TreeSet<>(
        settled(period, scope, "select distinct j.createdBy from Job j", String.class)
            .getResultList());
  }

  private <T> TypedQuery<T> settled(
      BudgetPeriod period, BudgetScope scope, String select, Class<T> type, String... tail) {
    return settled(period, scope, JobCriteria.ANY, select, type, tail);
  }

  /**
   * {@code select} over the jobs in scope settled in the period ({@link Job#settledIn}): finished,
   * with every event after the period's start and before its end; those matching {@code criteria},
   * whose cost there is their final cost.
   */
  private <T> TypedQuery<T> settled(
      BudgetPeriod period,
      BudgetScope scope,
      JobCriteria criteria,
      String select,
      Class<T> type,
      String... tail) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new LinkedHashMap<>();
    conditions.add(settledIn(period, parameters));
    inScope(conditions, parameters, scope);
    matching(conditions, parameters, criteria);
    TypedQuery<T> query =
        em.createQuery(
            select + " where " + String.join(" and ", conditions) + String.join("", tail), type);
    parameters.forEach(query::setParameter);
    return query;
  }

  private static final List<JobStatus> FINISHED =
      List.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED);

  private static void inScope(
      List<String> conditions, Map<String, Object> parameters, BudgetScope scope) {
    equal(conditions, parameters, "client", scope.client());
    equal(conditions, parameters, "project", scope.project());
    equal(conditions, parameters, "team", scope.team());
    equal(conditions, parameters, "provider", scope.provider());
  }

  /**
   * The jobs in scope that ran in the period or are still queued. With an end to the period that is
   * two queries: the queued jobs, and those with an event before the end. As one condition ("queued
   * OR an event exists") the optimiser could use neither the status index nor a semi-join and
   * walked all jobs, probing job_events for each (EXPLAIN: type index over 997,081 rows, 0.8 s per
   * read at a million jobs, for every budget and summary read); apart, the first is a range of the
   * status index and the second a semi-join (issue 8: reads at scale within 100 ms).
   */
  private List<JobHistory> during(
      BudgetPeriod period, BudgetScope scope, boolean unfinished, boolean unsettled) {
    List<JobHistory> found = new ArrayList<>();
    histories(idsDuring(period, scope, unfinished, unsettled), found::add);
    return found;
  }

  /**
   * As {@link #during}, a slice of jobs at a time: a month's hundred thousand jobs with their
   * events would not fit in the heap at once (issue 8: the spending summary ran the instance out of
   * 512 MB).
   */
  @Override
  public void eachDuring(BudgetPeriod period, BudgetScope scope, Consumer<JobHistory> each) {
    histories(idsDuring(period, scope, false, false), each);
  }

  /** The ids of the jobs {@link #during} reads, in order. */
  private List<Long> idsDuring(
      BudgetPeriod period, BudgetScope scope, boolean unfinished, boolean unsettled) {
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
    inScope(conditions, parameters, scope);
    if (unsettled) {
      conditions.add("not " + settledIn(period, parameters));
    }
    if (period.end().isEmpty()) {
      return ids(conditions, parameters);
    }
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
    TreeSet<Long> ids = new TreeSet<>(ids(queued, queuedParameters));
    ids.addAll(ids(ran, ranParameters));
    return List.copyOf(ids);
  }

  /**
   * Each job of {@code ids} (in their order) with its events, {@link #IDS_PER_QUERY} at a time:
   * only one slice stands in memory while {@code each} takes its jobs.
   */
  private void histories(List<Long> ids, Consumer<JobHistory> each) {
    for (List<Long> slice : slices(ids)) {
      Map<Long, List<ReportedJobEvent>> events = eventsOf(slice);
      for (Job job : jobs(List.of("j.id in :ids"), Map.of("ids", slice))) {
        each.accept(new JobHistory(job, events.getOrDefault(job.id(), List.of())));
      }
    }
  }

  /**
   * The condition of {@link Job#settledIn} on the stored span, its parameters added to {@code
   * parameters}. Its negation picks the jobs not settled: a null column makes the conjunction
   * false, never unknown, as every column is tested for null before it is compared.
   */
  private static String settledIn(BudgetPeriod period, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add("j.finalCost is not null and j.firstEventAt is not null");
    conditions.add("j.status in :finished");
    parameters.put("finished", FINISHED);
    if (!period.start().equals(Instant.MIN)) {
      conditions.add("j.firstEventAt > :start");
      parameters.put("start", period.start());
    }
    period
        .end()
        .ifPresent(
            end -> {
              conditions.add("j.lastEventAt < :end");
              parameters.put("end", end);
            });
    return "(" + String.join(" and ", conditions) + ")";
  }

  /** The ids of the jobs meeting every condition, in order. */
  private List<Long> ids(List<String> conditions, Map<String, Object> parameters) {
    return where("select j.id from Job j", Long.class, conditions, parameters).getResultList();
  }

  /**
   * The jobs meeting every condition, by id. Read-only: every caller only costs these jobs, and a
   * budget read in the ingesting transaction need not have them compared for changes at commit.
   */
  private List<Job> jobs(List<String> conditions, Map<String, Object> parameters) {
    return where("select j from Job j", Job.class, conditions, parameters)
        .setHint("eclipselink.read-only", "true")
        .getResultList();
  }

  private <T> TypedQuery<T> where(
      String select, Class<T> type, List<String> conditions, Map<String, Object> parameters) {
    TypedQuery<T> query =
        em.createQuery(
            select
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by j.id",
            type);
    parameters.forEach(query::setParameter);
    return query;
  }

  /** {@code ids} in slices of at most {@link #IDS_PER_QUERY}, so no IN list grows huge. */
  private static List<List<Long>> slices(List<Long> ids) {
    List<List<Long>> slices = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      slices.add(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)));
    }
    return slices;
  }

  private static void matching(
      List<String> conditions, Map<String, Object> parameters, JobCriteria criteria) {
    criteria
        .status()
        .ifPresent(
            status -> condition(conditions, parameters, "j.status = :status", "status", status));
    criteria
        .createdFrom()
        .ifPresent(
            from ->
                condition(
                    conditions, parameters, "j.createdAt >= :createdFrom", "createdFrom", from));
    criteria
        .createdBefore()
        .ifPresent(
            before ->
                condition(
                    conditions,
                    parameters,
                    "j.createdAt < :createdBefore",
                    "createdBefore",
                    before));
    criteria
        .creator()
        .ifPresent(
            creator ->
                condition(conditions, parameters, "j.createdBy = :creator", "creator", creator));
    criteria
        .minCost()
        .ifPresent(
            min -> condition(conditions, parameters, "j.finalCost >= :minCost", "minCost", min));
    criteria
        .maxCost()
        .ifPresent(
            max -> condition(conditions, parameters, "j.finalCost <= :maxCost", "maxCost", max));
  }

  private static void condition(
      List<String> conditions,
      Map<String, Object> parameters,
      String condition,
      String name,
      Object value) {
    conditions.add(condition);
    parameters.put(name, value);
  }

  private static void equal(
      List<String> conditions,
      Map<String, Object> parameters,
      String attribute,
      Optional<String> value) {
    value.ifPresent(
        v ->
            condition(conditions, parameters, "j.%1$s = :%1$s".formatted(attribute), attribute, v));
  }

  // ---------------------------------------------------------------- daily rollups (V28)

  /** Adds the jobs' days in the installation's zone, summed, in one upsert into one shard. */
  @Override
  public void addDays(List<JobHistory> finished) {
    if (finished.isEmpty()) {
      return;
    }
    JobDayRows rows = new JobDayRows();
    for (JobHistory job : finished) {
      rows.add(JobDays.of(job, calendar()), 1);
    }
    write(rows);
    finished.forEach(job -> job.job().rollDaysUp());
  }

  @Override
  public void removeDays(JobHistory finished) {
    JobDayRows rows = new JobDayRows();
    rows.add(JobDays.of(finished, calendar()), -1);
    write(rows);
  }

  private void write(JobDayRows rows) {
    try {
      rows.write(em.unwrap(Connection.class), configuration.timezone(), SpendHours.nextShard());
    } catch (SQLException e) {
      throw new PersistenceException("adding to the job day rollups failed: " + e.getMessage(), e);
    }
  }

  private BudgetCalendar calendar() {
    return new BudgetCalendar(configuration.timezone());
  }

  /**
   * The rows of one dimension and value over the days, summed by day: the scope's attribute, or the
   * whole organisation's (a range of {@code ix_job_days_range}).
   */
  @Override
  public Optional<SortedMap<LocalDate, JobDayTotal>> finishedByDay(
      BudgetCalendar calendar, LocalDate first, LocalDate last, BudgetScope scope) {
    Optional<Map.Entry<JobDimension, String>> key = dimensionOf(scope);
    if (key.isEmpty() || !rolledUp(calendar)) {
      return Optional.empty();
    }
    Query query =
        em.createNativeQuery(
            "select day, sum(amount), sum(net), sum(ran) from job_days where zone = ? and"
                + " dimension = ? and day between ? and ? and "
                + (key.get().getValue() == null ? "value is null" : "value = ?")
                + " group by day");
    query.setParameter(1, calendar.zone().getId());
    query.setParameter(2, key.get().getKey().column());
    query.setParameter(3, Date.valueOf(first));
    query.setParameter(4, Date.valueOf(last));
    if (key.get().getValue() != null) {
      query.setParameter(5, key.get().getValue());
    }
    SortedMap<LocalDate, JobDayTotal> byDay = new TreeMap<>();
    for (Object[] row : rows(query)) {
      byDay.put(
          date(row[0]),
          new JobDayTotal((BigDecimal) row[1], (BigDecimal) row[2], ((Number) row[3]).longValue()));
    }
    return Optional.of(byDay);
  }

  /**
   * The rows of the dimension over the days, summed by value; the jobs that ran are those started
   * in the range and those that ran on from the day before it.
   */
  @Override
  public Optional<Map<Optional<String>, JobDayTotal>> finishedBy(
      JobDimension dimension, BudgetCalendar calendar, LocalDate first, LocalDate last) {
    if (!rolledUp(calendar)) {
      return Optional.empty();
    }
    Query sums =
        em.createNativeQuery(
            "select value, sum(amount), sum(net), sum(started) from job_days where zone = ? and"
                + " dimension = ? and day between ? and ? group by value");
    sums.setParameter(1, calendar.zone().getId());
    sums.setParameter(2, dimension.column());
    sums.setParameter(3, Date.valueOf(first));
    sums.setParameter(4, Date.valueOf(last));
    Map<Optional<String>, JobDayTotal> byValue = new HashMap<>();
    for (Object[] row : rows(sums)) {
      byValue.merge(
          Optional.ofNullable((String) row[0]),
          new JobDayTotal((BigDecimal) row[1], (BigDecimal) row[2], ((Number) row[3]).longValue()),
          JobDayTotal::plus);
    }
    Query before =
        em.createNativeQuery(
            "select value, sum(continuing) from job_days where zone = ? and dimension = ? and"
                + " day = ? group by value having sum(continuing) <> 0");
    before.setParameter(1, calendar.zone().getId());
    before.setParameter(2, dimension.column());
    before.setParameter(3, Date.valueOf(first.minusDays(1)));
    for (Object[] row : rows(before)) {
      byValue.merge(
          Optional.ofNullable((String) row[0]),
          new JobDayTotal(BigDecimal.ZERO, BigDecimal.ZERO, ((Number) row[1]).longValue()),
          JobDayTotal::plus);
    }
    return Optional.of(byValue);
  }

  /**
   * The finished jobs in scope not settled in the period that ran in it: a job's days are
   * consecutive, so those across the period's start ran on its first day and the day before, and
   * those across its end on its last day and the day after ({@code ix_job_day_costs_day}: some
   * thousand rows a day, where the jobs ended since the period's start are a month's). Each with
   * the sum of its days in the period ({@code job_day_costs}) and its row, by plain JDBC.
   */
  @Override
  public Optional<List<JobInPeriod>> finishedAcross(
      BudgetCalendar calendar, BudgetPeriod period, BudgetScope scope) {
    if (!calendar.isWholeDays(period) || !rolledUp(calendar)) {
      return Optional.empty();
    }
    LocalDate first = calendar.dayOf(period.start());
    LocalDate last = calendar.dayOf(period.end().orElseThrow()).minusDays(1);
    List<JobInPeriod> across = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      // The ids first: as a subquery of the next, the optimiser walked every row of job_day_costs.
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement query =
          connection.prepareStatement(
              "select a.job_id from job_day_costs a join job_day_costs b on b.job_id = a.job_id"
                  + " and b.day = ? where a.day = ? union select a.job_id from job_day_costs a"
                  + " join job_day_costs b on b.job_id = a.job_id and b.day = ? where a.day = ?")) {
        query.setDate(1, Date.valueOf(first));
        query.setDate(2, Date.valueOf(first.minusDays(1)));
        query.setDate(3, Date.valueOf(last.plusDays(1)));
        query.setDate(4, Date.valueOf(last));
        try (ResultSet r = query.executeQuery()) {
          while (r.next()) {
            ids.add(r.getLong(1));
          }
        }
      }
      List<String> conditions = new ArrayList<>();
      List<Object> scopeValues = new ArrayList<>();
      scope.client().ifPresent(v -> scoped(conditions, scopeValues, "client", v));
      scope.project().ifPresent(v -> scoped(conditions, scopeValues, "project", v));
      scope.team().ifPresent(v -> scoped(conditions, scopeValues, "team", v));
      scope.provider().ifPresent(v -> scoped(conditions, scopeValues, "provider", v));
      for (List<Long> slice : slices(ids)) {
        try (PreparedStatement query =
            connection.prepareStatement(
                "select j.id, j.name, j.status, j.created_by, j.created_at, j.client, j.project,"
                    + " j.final_cost, sum(d.net) from jobs j join job_day_costs d on d.job_id ="
                    + " j.id and d.day between ? and ? where "
                    + conditions.stream().map(c -> c + " and ").collect(Collectors.joining())
                    + "j.id in ("
                    + String.join(",", Collections.nCopies(slice.size(), "?"))
                    + ") group by j.id")) {
          int p = 1;
          query.setDate(p++, Date.valueOf(first));
          query.setDate(p++, Date.valueOf(last));
          for (Object value : scopeValues) {
            query.setObject(p++, value);
          }
          for (long id : slice) {
            query.setLong(p++, id);
          }
          try (ResultSet r = query.executeQuery()) {
            while (r.next()) {
              across.add(
                  new JobInPeriod(
                      r.getLong(1),
                      r.getString(2),
                      JobStatus.valueOf(r.getString(3)).wireName(),
                      r.getString(4),
                      instant(r.getObject(5, LocalDateTime.class)),
                      Optional.ofNullable(r.getString(6)),
                      Optional.ofNullable(r.getString(7)),
                      r.getBigDecimal(9).max(BigDecimal.ZERO),
                      r.getBigDecimal(8)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("reading jobs across a period failed: " + e.getMessage(), e);
    }
    return Optional.of(across);
  }

  private static void scoped(
      List<String> conditions, List<Object> parameters, String column, String value) {
    conditions.add("j." + column + " = ?");
    parameters.add(value);
  }

  /**
   * Whether the rollups hold every finished job, in {@code calendar}'s zone: until the backfill
   * ({@link #rollUpPendingDays}) is through, or with a zone the rows were not written in, they
   * cannot answer.
   */
  private boolean rolledUp(BudgetCalendar calendar) {
    if (!calendar.zone().equals(configuration.timezone())) {
      return false;
    }
    Query pending =
        em.createNativeQuery(
            "select exists (select 1 from jobs where days_rolled_up = false and status in"
                + " ('COMPLETED', 'FAILED', 'CANCELLED')) or exists (select 1 from job_days where"
                + " zone <> ?)");
    pending.setParameter(1, calendar.zone().getId());
    return ((Number) pending.getSingleResult()).intValue() == 0;
  }

  /** The one attribute a scope names, or the whole organisation; empty for more than one. */
  private static Optional<Map.Entry<JobDimension, String>> dimensionOf(BudgetScope scope) {
    List<Map.Entry<JobDimension, String>> named = new ArrayList<>();
    scope.client().ifPresent(v -> named.add(Map.entry(JobDimension.CLIENT, v)));
    scope.project().ifPresent(v -> named.add(Map.entry(JobDimension.PROJECT, v)));
    scope.team().ifPresent(v -> named.add(Map.entry(JobDimension.TEAM, v)));
    scope.provider().ifPresent(v -> named.add(Map.entry(JobDimension.PROVIDER, v)));
    if (named.size() > 1) {
      return Optional.empty();
    }
    return Optional.of(
        named.isEmpty() ? new AbstractMap.SimpleEntry<>(JobDimension.ALL, null) : named.get(0));
  }

  @Override
  public int rollUpPendingDays(int max) {
    @SuppressWarnings("unchecked")
    List<Number> found =
        em.createNativeQuery(
                "select id from jobs where days_rolled_up = false and status in ('COMPLETED',"
                    + " 'FAILED', 'CANCELLED') order by id limit ? for update")
            .setParameter(1, max)
            .getResultList();
    List<Long> ids = found.stream().map(Number::longValue).toList();
    if (ids.isEmpty()) {
      return 0;
    }
    JobDayRows rows = new JobDayRows();
    BudgetCalendar calendar = calendar();
    histories(ids, history -> rows.add(JobDays.of(history, calendar), 1));
    write(rows);
    Query done =
        em.createNativeQuery(
            "update jobs set days_rolled_up = true where id in ("
                + String.join(",", Collections.nCopies(ids.size(), "?"))
                + ")");
    for (int i = 0; i < ids.size(); i++) {
      done.setParameter(i + 1, ids.get(i));
    }
    done.executeUpdate();
    return ids.size();
  }

  @Override
  public boolean clearDaysOfOtherZones() {
    Query other =
        em.createNativeQuery("select exists (select 1 from job_days where zone <> ?)")
            .setParameter(1, configuration.timezone().getId());
    if (((Number) other.getSingleResult()).intValue() == 0) {
      return false;
    }
    em.createNativeQuery("delete from job_days").executeUpdate();
    em.createNativeQuery("delete from job_day_costs").executeUpdate();
    em.createNativeQuery("update jobs set days_rolled_up = false where days_rolled_up = true")
        .executeUpdate();
    return true;
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(Query query) {
    return query.getResultList();
  }

  private static LocalDate date(Object value) {
    return value instanceof LocalDate local ? local : ((Date) value).toLocalDate();
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

  /** By plain JDBC, as {@link #eventsOf}: every event of a job is read for each one it reports. */
  @Override
  public List<ReportedJobEvent> events(long jobId) {
    return eventsOf(List.of(jobId)).getOrDefault(jobId, List.of());
  }

  /**
   * In slices of {@link #IDS_PER_QUERY} ids, by plain JDBC: only the columns the cost engine
   * replays, each row made into an event directly. The sweep of 10,000 running jobs reads some
   * 50,000 events; as entities (even read-only) EclipseLink built and cached a descriptor-driven
   * object per row, the larger part of the sweep's time, and even its native queries built a record
   * per row whose every column it looked up by a linear search (issue 8: at a million jobs the
   * dashboard spent half its time there). The connection is the transaction's, when there is one.
   */
  @Override
  public Map<Long, List<ReportedJobEvent>> eventsOf(Collection<Long> jobIds) {
    Map<Long, List<ReportedJobEvent>> events = new HashMap<>();
    List<Long> ids = List.copyOf(jobIds);
    try (Connection connection = dataSource.getConnection()) {
      for (List<Long> slice : slices(ids)) {
        try (PreparedStatement query =
            connection.prepareStatement(
                "select job_id, type, occurred_at, step, stage, recovery_minutes, storage_gb,"
                    + " idempotency_key, received_at from job_events where job_id in ("
                    + String.join(",", Collections.nCopies(slice.size(), "?"))
                    + ") order by id")) {
          for (int i = 0; i < slice.size(); i++) {
            query.setLong(i + 1, slice.get(i));
          }
          try (ResultSet r = query.executeQuery()) {
            while (r.next()) {
              long jobId = r.getLong(1);
              long step = r.getLong(4);
              Optional<Long> stepIfAny = r.wasNull() ? Optional.empty() : Optional.of(step);
              JobEvent event =
                  new JobEvent(
                      JobEventType.valueOf(r.getString(2)),
                      instant(r.getObject(3, LocalDateTime.class)),
                      stepIfAny,
                      Optional.ofNullable(r.getString(5)).map(Stage::valueOf),
                      Optional.ofNullable(r.getBigDecimal(6)),
                      Optional.ofNullable(r.getBigDecimal(7)),
                      r.getString(8));
              events
                  .computeIfAbsent(jobId, id -> new ArrayList<>())
                  .add(
                      new ReportedJobEvent(
                          jobId, event, instant(r.getObject(9, LocalDateTime.class))));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("reading job events failed: " + e.getMessage(), e);
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
