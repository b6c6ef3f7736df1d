package com.costguard.model.costevent;

import java.util.Optional;

/** Who and what a cost is attributed to; every part is optional. */
public record Attribution(
    Optional<String> client,
    Optional<String> project,
    Optional<String> team,
    Optional<String> user,
    Optional<String> provider,
    Optional<String> mode,
    Optional<String> sessionId,
    Optional<Long> jobId) {

  public static Attribution none() {
    return new Attribution(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
