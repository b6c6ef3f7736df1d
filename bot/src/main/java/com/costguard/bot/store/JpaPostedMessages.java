package com.costguard.bot.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@link PostedMessages} in plain SQL, each call its own transaction: a message is recorded as soon
 * as Slack has it, before anything else can fail.
 */
@ApplicationScoped
public class JpaPostedMessages implements PostedMessages {

  private static final String COLUMNS =
      "select id, purpose, alert_id, budget_id, period_start, job_id, request_id, channel_id, ts,"
          + " thread_ts, breakdown_ts, alert_ts, text, blocks from slack_messages ";

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  @Inject Clock clock;

  @Override
  @Transactional
  public Optional<Long> jobOfAlert(long alertId) {
    List<?> rows =
        em.createNativeQuery("select job_id from alerts where id = ? and job_id is not null")
            .setParameter(1, alertId)
            .getResultList();
    return rows.stream().findFirst().map(JpaPostedMessages::number);
  }

  @Override
  @Transactional
  public Optional<PostedMessage> byAlert(long alertId) {
    return one(em.createNativeQuery(COLUMNS + "where alert_id = ?").setParameter(1, alertId));
  }

  @Override
  @Transactional
  public Optional<PostedMessage> firstOfPeriod(long budgetId, Instant periodStart) {
    return one(
        em.createNativeQuery(
                COLUMNS
                    + "where budget_id = ? and period_start = ? and purpose = 'alert'"
                    + " and thread_ts is null order by id limit 1")
            .setParameter(1, budgetId)
            .setParameter(2, utc(periodStart)));
  }

  @Override
  @Transactional
  public Optional<PostedMessage> byTs(String channel, String ts) {
    return one(
        em.createNativeQuery(COLUMNS + "where channel_id = ? and ts = ? order by id limit 1")
            .setParameter(1, channel)
            .setParameter(2, ts));
  }

  @Override
  @Transactional
  public Optional<PostedMessage> byRequest(long requestId) {
    return one(em.createNativeQuery(COLUMNS + "where request_id = ?").setParameter(1, requestId));
  }

  @Override
  @Transactional
  public List<Long> untoldExpiries(Instant since, int max) {
    List<?> rows =
        em.createNativeQuery(
                "select m.request_id from slack_messages m"
                    + " join increase_requests r on r.id = m.request_id"
                    + " where m.purpose = 'approval' and r.status = 'expired'"
                    + " and r.expires_at >= ? and m.blocks like ? order by m.id limit ?")
            .setParameter(1, utc(since))
            .setParameter(2, "%\"" + com.costguard.bot.Ids.APPROVAL_ACTIONS + "\"%")
            .setParameter(3, max)
            .getResultList();
    return rows.stream().map(JpaPostedMessages::number).toList();
  }

  @Override
  @Transactional
  public PostedMessage add(PostedMessage m) {
    em.createNativeQuery(
            "insert into slack_messages (purpose, alert_id, budget_id, period_start, job_id,"
                + " request_id, channel_id, ts, thread_ts, breakdown_ts, alert_ts, text, blocks,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, m.purpose().wireName())
        .setParameter(2, m.alertId().orElse(null))
        .setParameter(3, m.budgetId().orElse(null))
        .setParameter(4, m.periodStart().map(JpaPostedMessages::utc).orElse(null))
        .setParameter(5, m.jobId().orElse(null))
        .setParameter(6, m.requestId().orElse(null))
        .setParameter(7, m.channel())
        .setParameter(8, m.ts())
        .setParameter(9, m.threadTs().orElse(null))
        .setParameter(10, m.breakdownTs().orElse(null))
        .setParameter(11, m.alertTs().orElse(null))
        .setParameter(12, m.text())
        .setParameter(13, m.blocks())
        .setParameter(14, utc(clock.instant()))
        .executeUpdate();
    long id =
        ((Number) em.createNativeQuery("select last_insert_id()").getSingleResult()).longValue();
    return new PostedMessage(
        id,
        m.purpose(),
        m.alertId(),
        m.budgetId(),
        m.periodStart(),
        m.jobId(),
        m.requestId(),
        m.channel(),
        m.ts(),
        m.threadTs(),
        m.breakdownTs(),
        m.alertTs(),
        m.text(),
        m.blocks());
  }

  @Override
  @Transactional
  public void breakdownPosted(long id, String ts) {
    em.createNativeQuery("update slack_messages set breakdown_ts = ? where id = ?")
        .setParameter(1, ts)
        .setParameter(2, id)
        .executeUpdate();
  }

  @Override
  @Transactional
  public void updated(long id, String text, String blocks) {
    em.createNativeQuery("update slack_messages set text = ?, blocks = ? where id = ?")
        .setParameter(1, text)
        .setParameter(2, blocks)
        .setParameter(3, id)
        .executeUpdate();
  }

  @SuppressWarnings("unchecked")
  private static Optional<PostedMessage> one(Query query) {
    List<Object[]> rows = query.getResultList();
    return rows.stream().findFirst().map(JpaPostedMessages::message);
  }

  private static PostedMessage message(Object[] r) {
    return new PostedMessage(
        number(r[0]),
        PostedMessage.Purpose.valueOf(((String) r[1]).toUpperCase(java.util.Locale.ROOT)),
        optionalNumber(r[2]),
        optionalNumber(r[3]),
        Optional.ofNullable(r[4]).map(JpaPostedMessages::instant),
        optionalNumber(r[5]),
        optionalNumber(r[6]),
        (String) r[7],
        (String) r[8],
        Optional.ofNullable((String) r[9]),
        Optional.ofNullable((String) r[10]),
        Optional.ofNullable((String) r[11]),
        (String) r[12],
        (String) r[13]);
  }

  private static long number(Object value) {
    return value instanceof BigInteger big ? big.longValueExact() : ((Number) value).longValue();
  }

  private static Optional<Long> optionalNumber(Object value) {
    return Optional.ofNullable(value).map(JpaPostedMessages::number);
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(Object value) {
    if (value instanceof LocalDateTime local) {
      return local.toInstant(ZoneOffset.UTC);
    }
    return ((Timestamp) value).toLocalDateTime().toInstant(ZoneOffset.UTC);
  }
}
