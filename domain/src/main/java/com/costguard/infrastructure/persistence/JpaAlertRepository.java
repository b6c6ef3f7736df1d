package com.costguard.infrastructure.persistence;

import com.costguard.alerting.AlertKind;
import com.costguard.alerting.AlertNotice;
import com.costguard.alerting.Channel;
import com.costguard.alerting.DeliveryState;
import com.costguard.config.Configuration;
import com.costguard.cost.budget.PeriodType;
import com.costguard.model.alert.AlertRepository;
import com.costguard.model.alert.ClaimedDelivery;
import com.costguard.model.alert.DeliveriesQueued;
import com.costguard.model.alert.FiredAlert;
import com.costguard.model.alert.NewAlert;
import com.costguard.model.alert.NewDelivery;
import com.costguard.model.alert.NewJobAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Alerts and their deliveries in plain SQL: {@code INSERT IGNORE} against the unique key for "fire
 * once", and {@code SELECT … FOR UPDATE SKIP LOCKED} to claim deliveries without two dispatchers
 * waiting on, or taking, the same rows. Nothing here is cached by JPA: every instance writes these
 * rows, so each read goes to the database.
 */
@ApplicationScoped
public class JpaAlertRepository implements AlertRepository {

  /** What a recorded error is cut to (the column's width). */
  static final int MAX_ERROR = 1000;

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  @Inject Configuration configuration;

  /** Tells the dispatcher, once the transaction commits, that deliveries wait. */
  @Inject Event<DeliveriesQueued> queued;

  /**
   * {@code INSERT IGNORE}: when the same alert stands already (unique key on budget, period, kind,
   * threshold and {@code live}), nothing is stored and nothing fails, however many threads or
   * instances try at once; a second insert of an uncommitted first waits for it and then stores
   * nothing (or stores it, if the first rolled back). (IGNORE would also pass over a budget deleted
   * meanwhile: its alert is not wanted either.)
   */
  @Override
  public boolean fire(NewAlert alert, List<NewDelivery> deliveries) {
    int inserted =
        em.createNativeQuery(
                "insert ignore into alerts (kind, budget_id, threshold, period_start, fired_at,"
                    + " spent, limit_amount, live) values (?, ?, ?, ?, ?, ?, ?, 1)")
            .setParameter(1, alert.kind().apiName())
            .setParameter(2, alert.budgetId())
            .setParameter(3, alert.threshold())
            .setParameter(4, utc(alert.periodStart()))
            .setParameter(5, utc(alert.firedAt()))
            .setParameter(6, alert.spent())
            .setParameter(7, alert.limit())
            .executeUpdate();
    if (inserted == 0) {
      return false;
    }
    long alertId =
        number(
                em.createNativeQuery(
                        "select id from alerts where budget_id = ? and period_start = ? and kind = ?"
                            + " and threshold = ? and live = 1")
                    .setParameter(1, alert.budgetId())
                    .setParameter(2, utc(alert.periodStart()))
                    .setParameter(3, alert.kind().apiName())
                    .setParameter(4, alert.threshold())
                    .getSingleResult())
            .longValue();
    addDeliveries(alertId, deliveries, alert.firedAt());
    return true;
  }

  /** As the budget {@link #fire}, against the job key (job, kind, threshold, live). */
  @Override
  public boolean fire(NewJobAlert alert, List<NewDelivery> deliveries) {
    int inserted =
        em.createNativeQuery(
                "insert ignore into alerts (kind, job_id, threshold, period_start, fired_at,"
                    + " spent, limit_amount, live) values (?, ?, ?, ?, ?, ?, ?, 1)")
            .setParameter(1, alert.kind().apiName())
            .setParameter(2, alert.jobId())
            .setParameter(3, alert.threshold())
            .setParameter(4, utc(alert.periodStart()))
            .setParameter(5, utc(alert.firedAt()))
            .setParameter(6, alert.cost())
            .setParameter(7, alert.reference())
            .executeUpdate();
    if (inserted == 0) {
      return false;
    }
    long alertId =
        number(
                em.createNativeQuery(
                        "select id from alerts where job_id = ? and kind = ? and threshold = ?"
                            + " and live = 1")
                    .setParameter(1, alert.jobId())
                    .setParameter(2, alert.kind().apiName())
                    .setParameter(3, alert.threshold())
                    .getSingleResult())
            .longValue();
    addDeliveries(alertId, deliveries, alert.firedAt());
    return true;
  }

  private void addDeliveries(long alertId, List<NewDelivery> deliveries, Instant firedAt) {
    for (NewDelivery delivery : deliveries) {
      em.createNativeQuery(
              "insert into alert_deliveries (alert_id, channel, recipients, state, attempts,"
                  + " next_attempt_at, created_at) values (?, ?, ?, 'pending', 0, ?, ?)")
          .setParameter(1, alertId)
          .setParameter(2, delivery.channel().apiName())
          .setParameter(3, String.join(",", delivery.recipients()))
          .setParameter(4, utc(delivery.notBefore().orElse(firedAt)))
          .setParameter(5, utc(firedAt))
          .executeUpdate();
    }
    if (!deliveries.isEmpty()) {
      queued.fire(new DeliveriesQueued(alertId));
    }
  }

  @Override
  public Set<Integer> standingForJob(long jobId, AlertKind kind) {
    List<?> rows =
        em.createNativeQuery(
                "select threshold from alerts where job_id = ? and kind = ? and live = 1")
            .setParameter(1, jobId)
            .setParameter(2, kind.apiName())
            .getResultList();
    Set<Integer> thresholds = new HashSet<>();
    rows.forEach(row -> thresholds.add(number(row).intValue()));
    return thresholds;
  }

  @Override
  public Set<Integer> standing(long budgetId, Instant periodStart, AlertKind kind) {
    List<?> rows =
        em.createNativeQuery(
                "select threshold from alerts where budget_id = ? and period_start = ?"
                    + " and kind = ? and live = 1")
            .setParameter(1, budgetId)
            .setParameter(2, utc(periodStart))
            .setParameter(3, kind.apiName())
            .getResultList();
    Set<Integer> thresholds = new HashSet<>();
    rows.forEach(row -> thresholds.add(number(row).intValue()));
    return thresholds;
  }

  @Override
  public void rearm(
      long budgetId, Instant periodStart, Collection<Integer> thresholds, Instant at) {
    for (int threshold : thresholds) {
      em.createNativeQuery(
              "update alerts set live = null, rearmed_at = ? where budget_id = ?"
                  + " and period_start = ? and kind = ? and threshold = ? and live = 1")
          .setParameter(1, utc(at))
          .setParameter(2, budgetId)
          .setParameter(3, utc(periodStart))
          .setParameter(4, AlertKind.THRESHOLD.apiName())
          .setParameter(5, threshold)
          .executeUpdate();
    }
  }

  @Override
  public List<FiredAlert> list(Optional<Long> budgetId, Optional<Instant> since, int max) {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    budgetId.ifPresent(
        id -> {
          conditions.add("budget_id = ?");
          parameters.add(id);
        });
    since.ifPresent(
        s -> {
          conditions.add("fired_at >= ?");
          parameters.add(utc(s));
        });
    Query query =
        em.createNativeQuery(
            "select id, kind, budget_id, job_id, threshold, period_start, fired_at, spent,"
                + " limit_amount, rearmed_at from alerts"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by fired_at, id limit ?");
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    query.setParameter(parameters.size() + 1, max);
    List<Object[]> rows = rows(query);
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<FiredAlert.Delivery>> deliveries = deliveriesOf(rows);
    return rows.stream()
        .map(
            r -> {
              long id = number(r[0]).longValue();
              return new FiredAlert(
                  id,
                  AlertKind.fromApiName((String) r[1]).orElseThrow(),
                  Optional.ofNullable(r[2]).map(v -> number(v).longValue()),
                  Optional.ofNullable(r[3]).map(v -> number(v).longValue()),
                  number(r[4]).intValue(),
                  instant(r[5]),
                  instant(r[6]),
                  Optional.ofNullable((BigDecimal) r[7]),
                  Optional.ofNullable((BigDecimal) r[8]),
                  Optional.ofNullable(r[9]).map(JpaAlertRepository::instant),
                  deliveries.getOrDefault(id, List.of()));
            })
        .toList();
  }

  private Map<Long, List<FiredAlert.Delivery>> deliveriesOf(List<Object[]> alerts) {
    String ids =
        alerts.stream().map(r -> String.valueOf(number(r[0]).longValue())).collect(joining());
    Map<Long, List<FiredAlert.Delivery>> byAlert = new LinkedHashMap<>();
    for (Object[] r :
        rows(
            em.createNativeQuery(
                "select alert_id, channel, state, attempts, delivered_at, last_error"
                    + " from alert_deliveries where alert_id in ("
                    + ids
                    + ") order by alert_id, channel"))) {
      byAlert
          .computeIfAbsent(number(r[0]).longValue(), id -> new ArrayList<>())
          .add(
              new FiredAlert.Delivery(
                  Channel.fromApiName((String) r[1]).orElseThrow(),
                  DeliveryState.fromApiName((String) r[2]).orElseThrow(),
                  number(r[3]).intValue(),
                  Optional.ofNullable(r[4]).map(JpaAlertRepository::instant),
                  Optional.ofNullable((String) r[5])));
    }
    return byAlert;
  }

  @Override
  public List<ClaimedDelivery> claim(Instant now, Instant leaseUntil, String claimToken, int max) {
    List<?> due =
        em.createNativeQuery(
                "select id from alert_deliveries where state = 'pending' and next_attempt_at <= ?"
                    + " order by next_attempt_at, id limit ? for update skip locked")
            .setParameter(1, utc(now))
            .setParameter(2, max)
            .getResultList();
    if (due.isEmpty()) {
      return List.of();
    }
    String ids = due.stream().map(id -> String.valueOf(number(id).longValue())).collect(joining());
    em.createNativeQuery(
            "update alert_deliveries set claim_token = ?, next_attempt_at = ? where id in ("
                + ids
                + ")")
        .setParameter(1, claimToken)
        .setParameter(2, utc(leaseUntil))
        .executeUpdate();
    // A budget alert names its budget, a job alert its job: one of the outer joins finds nothing.
    List<Object[]> rows =
        rows(
            em.createNativeQuery(
                    "select d.id, d.channel, d.attempts, d.recipients, a.id, a.kind, a.threshold,"
                        + " a.budget_id, b.name, b.period_type, a.period_start, a.fired_at,"
                        + " a.spent, a.limit_amount, a.job_id, j.name, j.created_by"
                        + " from alert_deliveries d join alerts a on a.id = d.alert_id"
                        + " left join budgets b on b.id = a.budget_id"
                        + " left join jobs j on j.id = a.job_id"
                        + " where d.claim_token = ? and (b.id is not null or j.id is not null)"
                        + " order by d.id")
                .setParameter(1, claimToken));
    return rows.stream().map(r -> claimed(r, claimToken)).toList();
  }

  private ClaimedDelivery claimed(Object[] r, String claimToken) {
    boolean jobAlert = r[14] != null;
    Optional<AlertNotice.JobSubject> job =
        jobAlert
            ? Optional.of(
                new AlertNotice.JobSubject(
                    number(r[14]).longValue(), (String) r[15], (String) r[16]))
            : Optional.empty();
    return new ClaimedDelivery(
        number(r[0]).longValue(),
        Channel.fromApiName((String) r[1]).orElseThrow(),
        number(r[2]).intValue(),
        claimToken,
        new AlertNotice(
            number(r[4]).longValue(),
            AlertKind.fromApiName((String) r[5]).orElseThrow(),
            number(r[6]).intValue(),
            jobAlert ? 0 : number(r[7]).longValue(),
            jobAlert ? (String) r[15] : (String) r[8],
            jobAlert ? PeriodType.TOTAL : PeriodType.fromApiName((String) r[9]).orElseThrow(),
            instant(r[10]),
            instant(r[11]),
            (BigDecimal) r[12],
            (BigDecimal) r[13],
            configuration.currency(),
            recipients((String) r[3]),
            job,
            List.of()));
  }

  @Override
  public boolean renew(long deliveryId, String claimToken, Instant leaseUntil) {
    return em.createNativeQuery(
                "update alert_deliveries set next_attempt_at = ?"
                    + " where id = ? and claim_token = ? and state = 'pending'")
            .setParameter(1, utc(leaseUntil))
            .setParameter(2, deliveryId)
            .setParameter(3, claimToken)
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean delivered(long deliveryId, String claimToken, Instant at) {
    return em.createNativeQuery(
                "update alert_deliveries set state = 'delivered', attempts = attempts + 1,"
                    + " last_attempt_at = ?, delivered_at = ?, claim_token = null"
                    + " where id = ? and claim_token = ? and state = 'pending'")
            .setParameter(1, utc(at))
            .setParameter(2, utc(at))
            .setParameter(3, deliveryId)
            .setParameter(4, claimToken)
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean attemptFailed(
      long deliveryId,
      String claimToken,
      Instant at,
      String error,
      Optional<Instant> nextAttemptAt) {
    String cut = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    return em.createNativeQuery(
                "update alert_deliveries set state = ?, attempts = attempts + 1,"
                    + " last_attempt_at = ?, last_error = ?, next_attempt_at = ?,"
                    + " claim_token = null where id = ? and claim_token = ? and state = 'pending'")
            .setParameter(
                1,
                nextAttemptAt.isPresent()
                    ? DeliveryState.PENDING.apiName()
                    : DeliveryState.FAILED.apiName())
            .setParameter(2, utc(at))
            .setParameter(3, cut)
            .setParameter(4, utc(nextAttemptAt.orElse(at)))
            .setParameter(5, deliveryId)
            .setParameter(6, claimToken)
            .executeUpdate()
        == 1;
  }

  private static List<String> recipients(String column) {
    return column == null || column.isEmpty() ? List.of() : List.of(column.split(","));
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(Query query) {
    return query.getResultList();
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(",");
  }

  private static Number number(Object value) {
    return (Number) value;
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** A {@code DATETIME} read back: the driver gives the UTC wall-clock time we stored. */
  private static Instant instant(Object value) {
    if (value instanceof LocalDateTime local) {
      return local.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    throw new IllegalStateException("not a DATETIME: " + value);
  }
}
