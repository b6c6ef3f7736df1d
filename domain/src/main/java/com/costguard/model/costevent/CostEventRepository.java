package com.costguard.model.costevent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Stored cost events. */
public interface CostEventRepository {

  /** The keys among {@code keys} that are already stored. */
  Set<String> existingKeys(Collection<String> keys);

  void add(CostEvent event);

  /** Sends pending writes to the database now, so a constraint violation surfaces here. */
  void flush();

  /** Newest first by {@code occurredAt}. */
  List<CostEvent> page(int first, int size);

  long count();

  /** Sum of amounts with {@code from <= occurredAt < to}; zero when there are none. */
  BigDecimal total(Instant from, Instant to);

  /** Number of events with {@code from <= occurredAt < to}. */
  long count(Instant from, Instant to);
}
