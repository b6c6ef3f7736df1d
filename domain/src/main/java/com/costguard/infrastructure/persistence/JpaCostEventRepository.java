package com.costguard.infrastructure.persistence;

import com.costguard.cost.attribution.ReuseGroup;
import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.infrastructure.Resources;
import com.costguard.model.costevent.CostEvent;
import com.costguard.model.costevent.CostEventFilter;
import com.costguard.model.costevent.CostEventRepository;
import com.costguard.model.costevent.SpendDimension;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

@ApplicationScoped
public class JpaCostEventRepository implements CostEventRepository {

  @Resource(lookup = Resources.DATASOURCE)
  DataSource dataSource;

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  /** Rows per INSERT statement: one round trip for a batch of the usual size. */
  static final int ROWS_PER_INSERT = 1000;

  /** Characters per INSERT statement, well inside MariaDB's default 16 MiB packet. */
  static final int CHARS_PER_INSERT = 2_000_000;

  private static final String COLUMNS =
      "cost_events (idempotency_key, occurred_at, received_at, operation_type, amount, currency,"
          + " units, unit_type, client, project, team, user_name, provider, mode, session_id,"
          + " job_id, list_cost, reused_from, metadata)";

  private static final String INSERT_ROW = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

  /** Tells a key already stored (error 1062) from any other failure of an insert. */
  private static final int DUPLICATE_KEY = 1062;

  /**
   * Stores the events whose keys are new, on the transaction's own connection, and returns them, so
   * that only they count in the rollups. The unique key on {@code idempotency_key} decides.
   *
   * <p>The usual batch has only new keys. It goes in as a plain {@code INSERT} by the driver's bulk
   * protocol (one round trip, no statement text to parse), which fails as a whole (back to a
   * savepoint) on the first known key. Such a batch, a retry for the most part, then takes the
   * exact way: {@code INSERT IGNORE … RETURNING}, which skips every known key (also one a
   * concurrent transaction stores: the insert waits for it, then skips it) and names the rows it
   * stored. The bulk insert waits for such a key in the same way, then fails. A plain read of the
   * keys first would fix the InnoDB snapshot before the budget locks ({@link CostEventWriter}).
   */
  @Override
  public List<CostEvent> addNew(List<CostEvent> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    // In key order (a stable sort: of equal keys the first stays first), so that concurrent
    // batches sharing keys wait for each other's keys in one order and never deadlock on them.
    List<CostEvent> batch = new ArrayList<>(events);
    batch.sort(Comparator.comparing(CostEvent::idempotencyKey));
    Connection connection = em.unwrap(Connection.class);
    try {
      Savepoint before = connection.setSavepoint();
      try {
        insertAll(connection, batch);
        return batch;
      } catch (SQLException e) {
        if (!isDuplicateKey(e)) {
          throw e;
        }
        connection.rollback(before);
      }
      return insertNew(connection, batch);
    } catch (SQLException e) {
      // Rolls the transaction back; CostEventService tries a batch that lost a race once more.
      throw new PersistenceException("storing cost events failed: " + e.getMessage(), e);
    }
  }

  /**
   * One plain insert of every row by the driver's bulk protocol; fails on any known key. Without
   * {@code NO_GENERATED_KEYS} the statement Payara's pool hands out asks for the generated keys,
   * and the driver (against MariaDB 11.4) then sends one insert per row.
   */
  private static void insertAll(Connection connection, List<CostEvent> rows) throws SQLException {
    DatetimeText occurred = new DatetimeText();
    DatetimeText received = new DatetimeText();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into " + COLUMNS + " values " + INSERT_ROW, Statement.NO_GENERATED_KEYS)) {
      for (CostEvent e : rows) {
        bind(insert, 1, e, occurred, received);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static boolean isDuplicateKey(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code INSERT IGNORE … RETURNING} by chunks of at most {@link #ROWS_PER_INSERT} rows and about
   * {@link #CHARS_PER_INSERT} characters: the rows stored, in {@code rows}' order.
   */
  private static List<CostEvent> insertNew(Connection connection, List<CostEvent> rows)
      throws SQLException {
    List<CostEvent> stored = new ArrayList<>(rows.size());
    int from = 0;
    while (from < rows.size()) {
      int to = from;
      long chars = 0;
      while (to < rows.size() && to - from < ROWS_PER_INSERT && chars < CHARS_PER_INSERT) {
        chars += rows.get(to).metadata().map(String::length).orElse(0) + 200;
        to++;
      }
      insertIgnoring(connection, rows.subList(from, to), stored);
      from = to;
    }
    return stored;
  }

  /** One upsert into one shard, rows in one fixed order ({@link SpendHours}). */
  @Override
  public void addToTotals(List<CostEvent> stored) {
    try {
      SpendHours.of(stored).write(em.unwrap(Connection.class), SpendHours.nextShard());
    } catch (SQLException e) {
      throw new PersistenceException("adding to the spend rollups failed: " + e.getMessage(), e);
    }
  }

  private static void insertIgnoring(
      Connection connection, List<CostEvent> rows, List<CostEvent> stored) throws SQLException {
    StringBuilder sql = new StringBuilder(COLUMNS.length() + rows.size() * 40);
    sql.append("insert ignore into ").append(COLUMNS).append(" values ");
    for (int i = 0; i < rows.size(); i++) {
      sql.append(i == 0 ? "" : ",").append(INSERT_ROW);
    }
    sql.append(" returning idempotency_key");
    Map<String, CostEvent> byKey = new HashMap<>(rows.size() * 2);
    DatetimeText occurred = new DatetimeText();
    DatetimeText received = new DatetimeText();
    try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
      int p = 1;
      for (CostEvent e : rows) {
        p = bind(insert, p, e, occurred, received);
        byKey.putIfAbsent(e.idempotencyKey(), e);
      }
      try (ResultSet keys = insert.executeQuery()) {
        while (keys.next()) {
          stored.add(byKey.get(keys.getString(1)));
        }
      }
    }
  }

  /** Binds {@code e}'s 19 columns from parameter {@code p} on; returns the next parameter. */
  private static int bind(
      PreparedStatement insert, int p, CostEvent e, DatetimeText occurred, DatetimeText received)
      throws SQLException {
    insert.setString(p++, e.idempotencyKey());
    insert.setString(p++, occurred.of(e.occurredAt()));
    insert.setString(p++, received.of(e.receivedAt()));
    insert.setString(p++, e.operationType());
    insert.setBigDecimal(p++, e.amount());
    insert.setString(p++, e.currency());
    insert.setBigDecimal(p++, e.units().orElse(null));
    insert.setString(p++, e.unitType().orElse(null));
    insert.setString(p++, e.client().orElse(null));
    insert.setString(p++, e.project().orElse(null));
    insert.setString(p++, e.team().orElse(null));
    insert.setString(p++, e.user().orElse(null));
    insert.setString(p++, e.provider().orElse(null));
    insert.setString(p++, e.mode().orElse(null));
    insert.setString(p++, e.sessionId().orElse(null));
    insert.setObject(p++, e.jobId().orElse(null), Types.BIGINT);
    insert.setBigDecimal(p++, e.listCost().orElse(null));
    insert.setString(p++, e.reusedFrom().orElse(null));
    insert.setString(p++, e.metadata().orElse(null));
    return p;
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  @Override
  public List<CostEvent> page(CostEventFilter filter, int first, int size) {
    return filtered(
            filter,
            "select e from CostEvent e where %s order by e.occurredAt desc, e.id desc",
            CostEvent.class)
        .setFirstResult(first)
        .setMaxResults(size)
        .getResultList();
  }

  @Override
  public long count(CostEventFilter filter) {
    return filtered(filter, "select count(e) from CostEvent e where %s", Long.class)
        .getSingleResult();
  }

  /**
   * {@code jpql} with the filter's conditions in place of {@code %s}: only fixed attribute names
   * enter the text, every value is a bound parameter.
   */
  private <T> TypedQuery<T> filtered(CostEventFilter filter, String jpql, Class<T> type) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> conditions = new ArrayList<>();
    conditions.add("1 = 1");
    filter.operationType().ifPresent(v -> equal(conditions, values, "operationType", v));
    filter.client().ifPresent(v -> equal(conditions, values, "client", v));
    filter.project().ifPresent(v -> equal(conditions, values, "project", v));
    filter.provider().ifPresent(v -> equal(conditions, values, "provider", v));
    filter
        .from()
        .ifPresent(
            v -> {
              conditions.add("e.occurredAt >= :from");
              values.put("from", v);
            });
    filter
        .to()
        .ifPresent(
            v -> {
              conditions.add("e.occurredAt < :to");
              values.put("to", v);
            });
    TypedQuery<T> query = em.createQuery(jpql.formatted(String.join(" and ", conditions)), type);
    values.forEach(query::setParameter);
    return query;
  }

  private static void equal(
      List<String> conditions, Map<String, Object> values, String attribute, String value) {
    conditions.add("e.%1$s = :%1$s".formatted(attribute));
    values.put(attribute, value);
  }

  @Override
  public long count() {
    return em.createQuery("select count(e) from CostEvent e", Long.class).getSingleResult();
  }

  @Override
  public long lastId() {
    return em.createQuery("select coalesce(max(e.id), 0) from CostEvent e", Long.class)
        .getSingleResult();
  }

  @Override
  public List<CostEvent> storedBetween(long afterId, long upToId, Instant from, Instant to) {
    return em.createQuery(
            "select e from CostEvent e where e.id > :after and e.id <= :upTo"
                + " and e.occurredAt >= :from and e.occurredAt < :to order by e.id",
            CostEvent.class)
        .setParameter("after", afterId)
        .setParameter("upTo", upToId)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList();
  }

  // The reads below answer from the hourly rollups (V23) for the whole hours of their range and,
  // for an hour it cuts, from the events on the side of the cut with less of the past (HourSplit):
  // a month of a budget or of the spending summary reads some hundreds of rollup rows, and a
  // rolling window ending now the events dated after now, whatever the number of events.

  @Override
  public BigDecimal total(Instant from, Instant to) {
    return total(BudgetPeriod.startingAt(from, to), BudgetScope.wholeOrganisation());
  }

  @Override
  public BigDecimal total(BudgetPeriod period, BudgetScope scope) {
    return sum(period, scope, "sum(amount)", "sum(amount)", "");
  }

  @Override
  public long count(Instant from, Instant to) {
    return sum(
            BudgetPeriod.startingAt(from, to),
            BudgetScope.wholeOrganisation(),
            "sum(events)",
            "count(*)",
            "")
        .longValueExact();
  }

  @Override
  public BigDecimal reuseSavings(Instant from, Instant to) {
    return sum(
        BudgetPeriod.startingAt(from, to),
        BudgetScope.wholeOrganisation(),
        "sum(reuse_savings)",
        "sum(list_cost - amount)",
        " and list_cost > amount");
  }

  /**
   * One figure over a stretch: {@code hours} aggregated over its whole hours' rollup rows plus
   * {@code events} over the events of its partial hours ({@code condition} narrowing those).
   */
  private BigDecimal sum(
      BudgetPeriod period, BudgetScope scope, String hours, String events, String condition) {
    Optional<Rollup> rollup = Rollup.of(scope);
    // A scope of several attributes has no rollup rows of its own: its events are summed.
    HourSplit split = rollup.isPresent() ? HourSplit.of(period) : HourSplit.eventsOnly(period);
    BigDecimal sum = BigDecimal.ZERO;
    if (split.whole()) {
      Where where = Where.hours(split, rollup.get());
      sum = sum.add(single(where, "select " + hours + " from cost_event_hours" + where.sql()));
    }
    for (BudgetPeriod part : split.partial()) {
      sum = sum.add(eventSum(part, scope, events, condition));
    }
    for (BudgetPeriod part : split.excess()) {
      sum = sum.subtract(eventSum(part, scope, events, condition));
    }
    return sum;
  }

  private BigDecimal eventSum(BudgetPeriod part, BudgetScope scope, String sum, String condition) {
    Where where = Where.events(part, scope);
    return single(where, "select " + sum + " from cost_events" + where.sql() + condition);
  }

  private BigDecimal single(Where where, String sql) {
    return decimal(where.bind(em.createNativeQuery(sql)).getSingleResult());
  }

  @Override
  public List<GroupTotal> totalsBy(SpendDimension dimension, Instant from, Instant to) {
    String column =
        switch (dimension) {
          case PROVIDER -> "provider";
          case MODE -> "mode";
          case SESSION -> "session_id";
          case CLIENT -> "client";
          case PROJECT -> "project";
        };
    SpendHours.Dimension rollup =
        switch (dimension) {
          case PROVIDER -> SpendHours.Dimension.PROVIDER;
          case MODE -> SpendHours.Dimension.MODE;
          case SESSION -> SpendHours.Dimension.SESSION;
          case CLIENT -> SpendHours.Dimension.CLIENT;
          case PROJECT -> SpendHours.Dimension.PROJECT;
        };
    HourSplit split = HourSplit.of(BudgetPeriod.startingAt(from, to));
    List<Object[]> rows = new ArrayList<>();
    // By plain JDBC only: SpendingService runs this on a thread of its own, without the request's
    // context (Resources.READS), where the container's EntityManager is not to be used.
    if (split.whole()) {
      // Summed here, not by the database: a month holds some 34,000 sessions (at the benchmark's
      // scale), whose grouping in a temporary table took 150-200 ms, where reading the 38,000
      // rows of the index range takes a tenth of it.
      rows.addAll(wholeHourRows(split, rollup));
    }
    split.partial().forEach(part -> rows.addAll(eventGroupRows(column, part, "")));
    split.excess().forEach(part -> rows.addAll(eventGroupRows(column, part, "-")));
    Map<String, GroupTotal> groups = new HashMap<>(rows.size() * 4 / 3 + 1);
    for (Object[] row : rows) {
      GroupTotal part =
          new GroupTotal((String) row[0], decimal(row[1]), ((Number) row[2]).longValue());
      groups.merge(
          part.key(),
          part,
          (a, b) -> new GroupTotal(a.key(), a.cost().add(b.cost()), a.count() + b.count()));
    }
    // A group whose every event in an hour lies outside the range (split.excess()) is none.
    return groups.values().stream().filter(g -> g.count() != 0).toList();
  }

  /**
   * The rollup rows of {@code dimension} over the whole hours of {@code split}: those of its whole
   * UTC days from the daily rollups (V30) when the dimension has them, the hours before and after
   * from the hourly ones. A month's projects at the benchmark's scale: some 1,900 rows, not 45,000.
   */
  private List<Object[]> wholeHourRows(HourSplit split, SpendHours.Dimension dimension) {
    String hours = "select value, amount, events from cost_event_hours";
    if (!SpendHours.DAILY.contains(dimension)
        || split.wholeFrom().isEmpty()
        || split.wholeTo().isEmpty()) {
      Where where = Where.hours(split, new Rollup(dimension, Optional.empty()));
      return groupRows(hours + where.sql(), where);
    }
    Instant from = split.wholeFrom().get();
    Instant to = split.wholeTo().get();
    Instant firstDay = from.truncatedTo(ChronoUnit.DAYS);
    if (firstDay.isBefore(from)) {
      firstDay = firstDay.plus(1, ChronoUnit.DAYS);
    }
    Instant lastDay = to.truncatedTo(ChronoUnit.DAYS);
    if (!firstDay.isBefore(lastDay)) {
      Where where = Where.hours(split, new Rollup(dimension, Optional.empty()));
      return groupRows(hours + where.sql(), where);
    }
    String range = " where dimension = ? and %1$s >= ? and %1$s < ?";
    List<Object[]> rows = new ArrayList<>();
    rows.addAll(
        groupRows(
            "select value, amount, events from cost_event_days" + range.formatted("day"),
            Where.of(dimension.column, utc(firstDay).toLocalDate(), utc(lastDay).toLocalDate())));
    if (from.isBefore(firstDay)) {
      rows.addAll(
          groupRows(
              hours + range.formatted("hour_start"),
              Where.of(dimension.column, utc(from), utc(firstDay))));
    }
    if (lastDay.isBefore(to)) {
      rows.addAll(
          groupRows(
              hours + range.formatted("hour_start"),
              Where.of(dimension.column, utc(lastDay), utc(to))));
    }
    return rows;
  }

  /** The events of {@code part} grouped by {@code column}, their sums and counts signed. */
  private List<Object[]> eventGroupRows(String column, BudgetPeriod part, String sign) {
    Where where = Where.events(part, BudgetScope.wholeOrganisation());
    return groupRows(
        "select %1$s, %3$ssum(amount), %3$scount(*) from cost_events%2$s group by %1$s"
            .formatted(column, where.sql(), sign),
        where);
  }

  /** Rows of a name, an amount and a count, read on a connection of the datasource's own. */
  private List<Object[]> groupRows(String sql, Where where) {
    List<Object[]> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < where.parameters().size(); i++) {
        query.setObject(i + 1, where.parameters().get(i));
      }
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          rows.add(new Object[] {r.getString(1), r.getBigDecimal(2), r.getLong(3)});
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("reading spend totals failed: " + e.getMessage(), e);
    }
    return rows;
  }

  /**
   * Per local day: the whole hours from the rollups, each under the day it lies in; an hour that
   * straddles a local midnight (a zone whose offset is not whole hours) and the partial hours at
   * the ends from the events.
   */
  @Override
  public List<DayTotal> totalsByDay(Instant from, Instant to, ZoneId zone) {
    HourSplit split = HourSplit.of(BudgetPeriod.startingAt(from, to));
    TreeMap<LocalDate, DayTotal> days = new TreeMap<>();
    if (split.whole()) {
      Where where = Where.hours(split, Rollup.ALL);
      for (Object[] row :
          rows(
              where.bind(
                  em.createNativeQuery(
                      "select hour_start, sum(amount), sum(events) from cost_event_hours"
                          + where.sql()
                          + " group by hour_start")))) {
        Instant hour = instant(row[0]);
        LocalDate day = LocalDate.ofInstant(hour, zone);
        if (day.equals(LocalDate.ofInstant(hour.plus(HourSplit.HOUR).minusNanos(1), zone))) {
          add(days, new DayTotal(day, decimal(row[1]), ((Number) row[2]).longValue()));
        } else {
          eventsByDay(hour, hour.plus(HourSplit.HOUR), zone).forEach(d -> add(days, d));
        }
      }
    }
    for (BudgetPeriod part : split.partial()) {
      eventsByDay(part.start(), part.end().orElseThrow(), zone).forEach(d -> add(days, d));
    }
    for (BudgetPeriod part : split.excess()) {
      eventsByDay(part.start(), part.end().orElseThrow(), zone)
          .forEach(d -> add(days, new DayTotal(d.date(), d.cost().negate(), -d.count())));
    }
    // A day whose every event in an hour lies outside the range (split.excess()) is none.
    return days.values().stream().filter(d -> d.count() != 0).toList();
  }

  private static void add(TreeMap<LocalDate, DayTotal> days, DayTotal part) {
    days.merge(
        part.date(),
        part,
        (a, b) -> new DayTotal(a.date(), a.cost().add(b.cost()), a.count() + b.count()));
  }

  /**
   * Groups the events themselves by local date, one query per stretch of constant UTC offset (split
   * at the zone's transitions), so days are right across DST changes without MariaDB's zone tables.
   */
  private List<DayTotal> eventsByDay(Instant from, Instant to, ZoneId zone) {
    List<DayTotal> days = new ArrayList<>();
    for (OffsetStretch stretch : stretches(from, to, zone)) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "select date(date_add(occurred_at, interval ? second)), sum(amount), count(*)"
                      + " from cost_events where occurred_at >= ? and occurred_at < ?"
                      + " group by 1")
              .setParameter(1, stretch.offsetSeconds())
              .setParameter(2, utc(stretch.from()))
              .setParameter(3, utc(stretch.to()))
              .getResultList();
      for (Object[] row : rows) {
        days.add(
            new DayTotal(
                ((Date) row[0]).toLocalDate(), decimal(row[1]), ((Number) row[2]).longValue()));
      }
    }
    return days;
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(Query query) {
    return query.getResultList();
  }

  private static BigDecimal decimal(Object value) {
    if (value == null) {
      return BigDecimal.ZERO;
    }
    return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
  }

  private static Instant instant(Object value) {
    if (value instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    throw new IllegalStateException("not a DATETIME: " + value);
  }

  /**
   * The rollup rows that answer for a scope: the whole organisation's, or one attribute's value;
   * with an empty value, every value of the dimension (to group by).
   */
  private record Rollup(SpendHours.Dimension dimension, Optional<String> value) {

    static final Rollup ALL = new Rollup(SpendHours.Dimension.ALL, Optional.empty());

    /** Empty for a scope of two or more attributes, which no rollup row answers for. */
    static Optional<Rollup> of(BudgetScope scope) {
      List<Rollup> named = new ArrayList<>();
      scope
          .client()
          .ifPresent(v -> named.add(new Rollup(SpendHours.Dimension.CLIENT, Optional.of(v))));
      scope
          .project()
          .ifPresent(v -> named.add(new Rollup(SpendHours.Dimension.PROJECT, Optional.of(v))));
      scope.team().ifPresent(v -> named.add(new Rollup(SpendHours.Dimension.TEAM, Optional.of(v))));
      scope
          .provider()
          .ifPresent(v -> named.add(new Rollup(SpendHours.Dimension.PROVIDER, Optional.of(v))));
      return switch (named.size()) {
        case 0 -> Optional.of(ALL);
        case 1 -> Optional.of(named.get(0));
        default -> Optional.empty();
      };
    }
  }

  /** A native WHERE clause and its positional parameters, over rollup hours or over events. */
  private record Where(String sql, List<Object> parameters) {

    static Where hours(HourSplit split, Rollup rollup) {
      List<String> conditions = new ArrayList<>();
      List<Object> parameters = new ArrayList<>();
      conditions.add("dimension = ?");
      parameters.add(rollup.dimension().column);
      rollup
          .value()
          .ifPresent(
              v -> {
                // The key's own expression (V23), so the unique key finds the value's hours.
                conditions.add("value_hash = unhex(sha2(concat('v', ?), 256))");
                parameters.add(v);
              });
      split
          .wholeFrom()
          .ifPresent(
              f -> {
                conditions.add("hour_start >= ?");
                parameters.add(utc(f));
              });
      split
          .wholeTo()
          .ifPresent(
              t -> {
                conditions.add("hour_start < ?");
                parameters.add(utc(t));
              });
      return of(conditions, parameters);
    }

    static Where events(BudgetPeriod period, BudgetScope scope) {
      List<String> conditions = new ArrayList<>();
      List<Object> parameters = new ArrayList<>();
      // Instant.MIN (a period from the beginning of time) is no bound, and outside DATETIME's.
      if (!period.start().equals(Instant.MIN)) {
        conditions.add("occurred_at " + (period.startIncluded() ? ">=" : ">") + " ?");
        parameters.add(utc(period.start()));
      }
      period
          .end()
          .ifPresent(
              end -> {
                conditions.add("occurred_at " + (period.endIncluded() ? "<=" : "<") + " ?");
                parameters.add(utc(end));
              });
      scope(scope, conditions, parameters);
      return of(conditions, parameters);
    }

    private static void scope(BudgetScope scope, List<String> conditions, List<Object> parameters) {
      equal(conditions, parameters, "client", scope.client());
      equal(conditions, parameters, "project", scope.project());
      equal(conditions, parameters, "team", scope.team());
      equal(conditions, parameters, "provider", scope.provider());
    }

    private static void equal(
        List<String> conditions, List<Object> parameters, String column, Optional<String> value) {
      value.ifPresent(
          v -> {
            conditions.add(column + " = ?");
            parameters.add(v);
          });
    }

    /** Parameters for SQL that has its own conditions. */
    static Where of(Object... parameters) {
      return new Where("", List.of(parameters));
    }

    private static Where of(List<String> conditions, List<Object> parameters) {
      // "where 1 = 1" lets a caller append "and …" whatever the bounds.
      return new Where(
          " where " + (conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions)),
          parameters);
    }

    Query bind(Query query) {
      for (int i = 0; i < parameters.size(); i++) {
        query.setParameter(i + 1, parameters.get(i));
      }
      return query;
    }
  }

  private record OffsetStretch(Instant from, Instant to, int offsetSeconds) {}

  private static List<OffsetStretch> stretches(Instant from, Instant to, ZoneId zone) {
    List<OffsetStretch> stretches = new ArrayList<>();
    Instant start = from;
    while (start.isBefore(to)) {
      ZoneOffsetTransition next = zone.getRules().nextTransition(start);
      Instant end = next == null || !next.getInstant().isBefore(to) ? to : next.getInstant();
      stretches.add(
          new OffsetStretch(start, end, zone.getRules().getOffset(start).getTotalSeconds()));
      start = end;
    }
    return stretches;
  }

  @Override
  public List<ReuseGroup> reuseByClient(Instant from, Instant to) {
    List<Object[]> rows =
        em.createQuery(
                "select e.client, sum(e.listCost), sum(e.amount),"
                    + " sum(case when e.listCost > e.amount then e.listCost - e.amount else 0 end),"
                    + " count(e) from CostEvent e"
                    + " where e.occurredAt >= :from and e.occurredAt < :to"
                    + " and e.listCost is not null group by e.client",
                Object[].class)
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new ReuseGroup(
                    Optional.ofNullable((String) row[0]),
                    decimal(row[1]),
                    decimal(row[2]),
                    decimal(row[3]),
                    ((Number) row[4]).longValue()))
        .toList();
  }
}
