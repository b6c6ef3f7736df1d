package com.costguard.application;

import com.costguard.model.alert.BannerDismissalRepository;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Banner dismissals held in memory, for service tests without a database. */
class InMemoryBannerDismissalRepository implements BannerDismissalRepository {

  private record Key(String username, long budgetId, Instant periodKey, int threshold) {}

  private final Set<Key> stored = new HashSet<>();

  @Override
  public boolean dismissed(String username, long budgetId, Instant periodKey, int threshold) {
    return stored.contains(new Key(username, budgetId, periodKey, threshold));
  }

  @Override
  public void dismiss(
      String username, long budgetId, Instant periodKey, int threshold, Instant at) {
    stored.add(new Key(username, budgetId, periodKey, threshold));
  }
}
