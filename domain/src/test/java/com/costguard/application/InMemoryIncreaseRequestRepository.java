package com.costguard.application;

import com.costguard.model.increase.IncreaseRequest;
import com.costguard.model.increase.IncreaseRequestRepository;
import com.costguard.model.increase.IncreaseStatus;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Increase requests held in memory, for service tests without a database. */
class InMemoryIncreaseRequestRepository implements IncreaseRequestRepository {

  final List<IncreaseRequest> stored = new ArrayList<>();
  private long lastId;

  @Override
  public Optional<IncreaseRequest> byId(long id) {
    return stored.stream().filter(r -> r.id() == id).findFirst();
  }

  @Override
  public Optional<IncreaseRequest> byIdForUpdate(long id) {
    return byId(id);
  }

  @Override
  public List<IncreaseRequest> dueForExpiryForUpdate(Instant now, int max) {
    return stored.stream()
        .filter(r -> r.status() == IncreaseStatus.PENDING && !r.expiresAt().isAfter(now))
        .limit(max)
        .toList();
  }

  @Override
  public List<IncreaseRequest> pending() {
    return stored.stream().filter(r -> r.status() == IncreaseStatus.PENDING).toList();
  }

  @Override
  public void add(IncreaseRequest request) {
    try {
      Field id = IncreaseRequest.class.getDeclaredField("id");
      id.setAccessible(true);
      id.set(request, ++lastId);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    stored.add(request);
  }
}
