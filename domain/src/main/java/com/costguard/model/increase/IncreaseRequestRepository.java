package com.costguard.model.increase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored budget increase requests. */
public interface IncreaseRequestRepository {

  Optional<IncreaseRequest> byId(long id);

  /** The request, locked against other deciders until the transaction ends. */
  Optional<IncreaseRequest> byIdForUpdate(long id);

  /**
   * Up to {@code max} pending requests whose time ran out by {@code now}, oldest first, locked
   * until the transaction ends; rows another transaction holds are skipped, not waited for, so two
   * sweeps at once never take the same request.
   */
  List<IncreaseRequest> dueForExpiryForUpdate(Instant now, int max);

  /** The requests still pending (expired ones included until they are read), oldest first. */
  List<IncreaseRequest> pending();

  /** Stores a new request; it has its id on return. */
  void add(IncreaseRequest request);
}
