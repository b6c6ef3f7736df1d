package com.costguard.bot.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The Slack deliveries already acted on, in the database so that every instance of a cluster sees
 * them: the first instance to record an id acts, any later delivery of it is a repeat.
 */
@ApplicationScoped
public class SlackDeliveries {

  /** Far beyond the 5 minutes a Slack signature is accepted, and Slack's retries. */
  static final Duration KEPT = Duration.ofDays(1);

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  @Inject Clock clock;

  /**
   * Records {@code deliveryId}; true when it had not been seen before (act on it), false for a
   * repeat (ignore it). Ids longer than the column are kept by their first 255 characters.
   */
  @Transactional
  public boolean first(String deliveryId) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    em.createNativeQuery("delete from slack_deliveries where received_at < ?")
        .setParameter(1, now.minus(KEPT))
        .executeUpdate();
    String id = deliveryId.length() > 255 ? deliveryId.substring(0, 255) : deliveryId;
    return em.createNativeQuery(
                "insert ignore into slack_deliveries (delivery_id, received_at) values (?, ?)")
            .setParameter(1, id)
            .setParameter(2, now)
            .executeUpdate()
        == 1;
  }
}
