package com.costguard.application;

import com.costguard.model.costevent.CostEvent;
import com.costguard.model.costevent.CostEventRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The repository port held in memory, for service tests without a database. */
class InMemoryCostEventRepository implements CostEventRepository {

  final List<CostEvent> stored = new ArrayList<>();

  @Override
  public Set<String> existingKeys(Collection<String> keys) {
    return stored.stream()
        .map(CostEvent::idempotencyKey)
        .filter(keys::contains)
        .collect(Collectors.toSet());
  }

  @Override
  public void add(CostEvent event) {
    stored.add(event);
  }

  @Override
  public void flush() {}

  @Override
  public List<CostEvent> page(int first, int size) {
    return stored.stream()
        .sorted(Comparator.comparing(CostEvent::occurredAt).reversed())
        .skip(first)
        .limit(size)
        .toList();
  }

  @Override
  public long count() {
    return stored.size();
  }

  @Override
  public BigDecimal total(Instant from, Instant to) {
    return inRange(from, to).map(CostEvent::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Override
  public long count(Instant from, Instant to) {
    return inRange(from, to).count();
  }

  private java.util.stream.Stream<CostEvent> inRange(Instant from, Instant to) {
    return stored.stream()
        .filter(e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to));
  }
}
