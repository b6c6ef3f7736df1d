package com.costguard.model.increase;

import java.util.Optional;

/** Stored budget increase requests. */
public interface IncreaseRequestRepository {

  Optional<IncreaseRequest> byId(long id);

  /** The request, locked against other deciders until the transaction ends. */
  Optional<IncreaseRequest> byIdForUpdate(long id);

  /** Stores a new request; it has its id on return. */
  void add(IncreaseRequest request);
}
