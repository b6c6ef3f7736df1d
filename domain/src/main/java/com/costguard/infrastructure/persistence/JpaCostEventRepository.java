package com.costguard.infrastructure.persistence;

import com.costguard.cost.attribution.ReuseGroup;
import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.model.costevent.CostEvent;
import com.costguard.model.costevent.CostEventFilter;
import com.costguard.model.costevent.CostEventRepository;
import com.costguard.model.costevent.SpendDimension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

@ApplicationScoped
public class JpaCostEventRepository implements CostEventRepository {

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  @Override
  public Set<String> existingKeys(Collection<String> keys) {
    if (keys.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createQuery(
                "select e.idempotencyKey from CostEvent e where e.idempotencyKey in :keys",
                String.class)
            .setParameter("keys", keys)
            .getResultList());
  }

  @Override
  public void add(CostEvent event) {
    em.persist(event);
  }

  @Override
  public void flush() {
    em.flush();
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
  public BigDecimal total(Instant from, Instant to) {
    BigDecimal total =
        em.createQuery(
                "select sum(e.amount) from CostEvent e"
                    + " where e.occurredAt >= :from and e.occurredAt < :to",
                BigDecimal.class)
            .setParameter("from", from)
            .setParameter("to", to)
            .getSingleResult();
    return total == null ? BigDecimal.ZERO : total;
  }

  /** Summed by the database: one query whatever the number of events. */
  @Override
  public BigDecimal total(BudgetPeriod period, BudgetScope scope) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new LinkedHashMap<>();
    // Instant.MIN (a period from the beginning of time) is no bound, and outside DATETIME's range.
    if (!period.start().equals(Instant.MIN)) {
      conditions.add("e.occurredAt " + (period.startIncluded() ? ">=" : ">") + " :start");
      parameters.put("start", period.start());
    }
    period
        .end()
        .ifPresent(
            end -> {
              conditions.add("e.occurredAt " + (period.endIncluded() ? "<=" : "<") + " :end");
              parameters.put("end", end);
            });
    equal(conditions, parameters, "client", scope.client());
    equal(conditions, parameters, "project", scope.project());
    equal(conditions, parameters, "team", scope.team());
    equal(conditions, parameters, "provider", scope.provider());
    TypedQuery<BigDecimal> query =
        em.createQuery(
            "select sum(e.amount) from CostEvent e"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions)),
            BigDecimal.class);
    parameters.forEach(query::setParameter);
    BigDecimal total = query.getSingleResult();
    return total == null ? BigDecimal.ZERO : total;
  }

  private static void equal(
      List<String> conditions,
      Map<String, Object> parameters,
      String attribute,
      Optional<String> value) {
    value.ifPresent(
        v -> {
          conditions.add("e.%1$s = :%1$s".formatted(attribute));
          parameters.put(attribute, v);
        });
  }

  @Override
  public long count(Instant from, Instant to) {
    return em.createQuery(
            "select count(e) from CostEvent e where e.occurredAt >= :from and e.occurredAt < :to",
            Long.class)
        .setParameter("from", from)
        .setParameter("to", to)
        .getSingleResult();
  }

  @Override
  public List<GroupTotal> totalsBy(SpendDimension dimension, Instant from, Instant to) {
    String attribute =
        switch (dimension) {
          case PROVIDER -> "provider";
          case MODE -> "mode";
          case SESSION -> "sessionId";
          case CLIENT -> "client";
          case PROJECT -> "project";
        };
    return em.createQuery(
            "select e.%1$s, sum(e.amount), count(e) from CostEvent e".formatted(attribute)
                + " where e.occurredAt >= :from and e.occurredAt < :to group by e.%1$s"
                    .formatted(attribute),
            Object[].class)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultStream()
        .map(row -> new GroupTotal((String) row[0], (BigDecimal) row[1], (Long) row[2]))
        .toList();
  }

  /**
   * Groups by local date with SQL, one query per stretch of constant UTC offset (split at the
   * zone's transitions), so days are right across DST changes without MariaDB's zone tables.
   */
  @Override
  public List<DayTotal> totalsByDay(Instant from, Instant to, ZoneId zone) {
    TreeMap<LocalDate, DayTotal> days = new TreeMap<>();
    for (OffsetStretch stretch : stretches(from, to, zone)) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "select date(date_add(occurred_at, interval ? second)), sum(amount), count(*)"
                      + " from cost_events where occurred_at >= ? and occurred_at < ?"
                      + " group by 1")
              .setParameter(1, stretch.offsetSeconds())
              .setParameter(2, LocalDateTime.ofInstant(stretch.from(), ZoneOffset.UTC))
              .setParameter(3, LocalDateTime.ofInstant(stretch.to(), ZoneOffset.UTC))
              .getResultList();
      for (Object[] row : rows) {
        LocalDate date = ((Date) row[0]).toLocalDate();
        DayTotal part = new DayTotal(date, (BigDecimal) row[1], ((Number) row[2]).longValue());
        days.merge(
            date,
            part,
            (a, b) -> new DayTotal(date, a.cost().add(b.cost()), a.count() + b.count()));
      }
    }
    return List.copyOf(days.values());
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
  public BigDecimal reuseSavings(Instant from, Instant to) {
    BigDecimal savings =
        em.createQuery(
                "select sum(e.listCost - e.amount) from CostEvent e"
                    + " where e.occurredAt >= :from and e.occurredAt < :to"
                    + " and e.listCost > e.amount",
                BigDecimal.class)
            .setParameter("from", from)
            .setParameter("to", to)
            .getSingleResult();
    return savings == null ? BigDecimal.ZERO : savings;
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

  private static BigDecimal decimal(Object sum) {
    return sum == null ? BigDecimal.ZERO : new BigDecimal(sum.toString());
  }
}
