package com.costguard.bot.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Alert posts sent to Slack whose answer may never have come back (table {@code
 * slack_posts_in_flight}): each is written, in a transaction of its own, just before {@code
 * chat.postMessage}. Finding one for a post not recorded in {@link PostedMessages} means an earlier
 * attempt may have reached Slack: look before posting again.
 */
@ApplicationScoped
public class PostsInFlight {

  /** Which of an alert's two posts: the alert message, or the breakdown replied under it. */
  public enum Part {
    ALERT,
    BREAKDOWN;

    String column() {
      return name().toLowerCase();
    }
  }

  /** A post sent to {@code channel} (in {@code thread}) at {@code startedAt}. */
  public record InFlight(String channel, Optional<String> thread, Instant startedAt) {}

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  /** Notes the post about to be sent, replacing an earlier attempt's note. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void sending(
      long alertId, Part part, String channel, Optional<String> thread, Instant at) {
    em.createNativeQuery(
            "replace into slack_posts_in_flight (alert_id, part, channel_id, thread_ts, started_at)"
                + " values (?, ?, ?, ?, ?)")
        .setParameter(1, alertId)
        .setParameter(2, part.column())
        .setParameter(3, channel)
        .setParameter(4, thread.orElse(null))
        .setParameter(5, LocalDateTime.ofInstant(at, ZoneOffset.UTC))
        .executeUpdate();
  }

  /** The latest attempt of this post noted so far, if any. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<InFlight> of(long alertId, Part part) {
    List<?> rows =
        em.createNativeQuery(
                "select channel_id, thread_ts, started_at from slack_posts_in_flight"
                    + " where alert_id = ? and part = ?")
            .setParameter(1, alertId)
            .setParameter(2, part.column())
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            row -> {
              Object[] r = (Object[]) row;
              return new InFlight((String) r[0], Optional.ofNullable((String) r[1]), instant(r[2]));
            });
  }

  private static Instant instant(Object value) {
    if (value instanceof LocalDateTime local) {
      return local.toInstant(ZoneOffset.UTC);
    }
    return ((Timestamp) value).toLocalDateTime().toInstant(ZoneOffset.UTC);
  }
}
