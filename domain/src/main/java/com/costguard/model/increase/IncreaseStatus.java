package com.costguard.model.increase;

import java.util.Arrays;
import java.util.Optional;

/** Where a budget increase request stands (SPEC §5). */
public enum IncreaseStatus {
  /** Applied at once, without approval. */
  APPLIED,
  PENDING,
  APPROVED,
  REJECTED,
  /** Left pending for 24 h. */
  EXPIRED;

  public String apiName() {
    return name().toLowerCase();
  }

  public static Optional<IncreaseStatus> fromApiName(String name) {
    return Arrays.stream(values()).filter(s -> s.apiName().equals(name)).findFirst();
  }
}
