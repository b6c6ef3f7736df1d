package com.costguard.model.increase;

import java.util.List;
import java.util.Optional;

/** Stored budget increase requests. */
public interface IncreaseRequestRepository {

  Optional<IncreaseRequest> byId(long id);

  /** The request, locked against other deciders until the transaction ends. */
  Optional<IncreaseRequest> byIdForUpdate(long id);

  /** The requests still pending (expired ones included until they are read), oldest first. */
  List<IncreaseRequest> pending();

  /** Stores a new request; it has its id on return. */
  void add(IncreaseRequest request);
}
