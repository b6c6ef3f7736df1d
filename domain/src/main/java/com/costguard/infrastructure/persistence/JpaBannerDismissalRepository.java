package com.costguard.infrastructure.persistence;

import com.costguard.model.alert.BannerDismissalRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Banner dismissals in {@code banner_dismissals} (V12); a row per dismissal. */
@ApplicationScoped
public class JpaBannerDismissalRepository implements BannerDismissalRepository {

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  @Override
  public boolean dismissed(String username, long budgetId, Instant periodKey, int threshold) {
    return !em.createNativeQuery(
            "select 1 from banner_dismissals where username = ? and budget_id = ?"
                + " and period_start = ? and threshold = ?")
        .setParameter(1, username)
        .setParameter(2, budgetId)
        .setParameter(3, utc(periodKey))
        .setParameter(4, threshold)
        .getResultList()
        .isEmpty();
  }

  @Override
  public void dismiss(
      String username, long budgetId, Instant periodKey, int threshold, Instant at) {
    // INSERT IGNORE: a second click, or the same user in two tabs, is no error.
    em.createNativeQuery(
            "insert ignore into banner_dismissals"
                + " (username, budget_id, period_start, threshold, dismissed_at)"
                + " values (?, ?, ?, ?, ?)")
        .setParameter(1, username)
        .setParameter(2, budgetId)
        .setParameter(3, utc(periodKey))
        .setParameter(4, threshold)
        .setParameter(5, utc(at))
        .executeUpdate();
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
