package com.costguard.cost.attribution;

import java.util.Optional;

/** A registered client, as attribution needs it. */
public record ClientInfo(
    long id, String name, String code, Optional<String> industry, PriorityTier tier) {

  /** Whether a job's or cost event's {@code client} string names this client. */
  boolean namedBy(String text) {
    return code.equals(text) || name.equals(text);
  }
}
