package com.costguard.model.ratecard;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stored rate card versions; none is ever changed or removed. */
public interface RateCardRepository {

  /**
   * The versions of the pairs matching the filters (an empty filter matches all), newest {@code
   * effectiveFrom} first, then highest version first.
   */
  List<RateCardVersion> list(Optional<String> operationType, Optional<String> unitType);

  /** Every version of every pair whose operation type is one of {@code operationTypes}. */
  List<RateCardVersion> forOperationTypes(Collection<String> operationTypes);

  Optional<RateCardVersion> byId(long id);

  /** The highest version of the pair; empty when it has no card yet. */
  Optional<Integer> latestVersion(String operationType, String unitType);

  void add(RateCardVersion card);

  /** Sends pending writes to the database now, so a constraint violation surfaces here. */
  void flush();
}
