package com.costguard.model.costevent;

import java.time.Instant;
import java.util.Optional;

/**
 * Which cost events a listing shows: each present attribute must equal the event's (case as
 * stored), and {@code occurredAt} must lie in {@code [from, to)}. Absent parts do not filter.
 */
public record CostEventFilter(
    Optional<String> operationType,
    Optional<String> client,
    Optional<String> project,
    Optional<String> provider,
    Optional<Instant> from,
    Optional<Instant> to) {

  public static final CostEventFilter NONE =
      new CostEventFilter(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public boolean matches(CostEvent e) {
    return operationType.map(e.operationType()::equals).orElse(true)
        && client.map(c -> e.client().filter(c::equals).isPresent()).orElse(true)
        && project.map(p -> e.project().filter(p::equals).isPresent()).orElse(true)
        && provider.map(p -> e.provider().filter(p::equals).isPresent()).orElse(true)
        && from.map(f -> !e.occurredAt().isBefore(f)).orElse(true)
        && to.map(t -> e.occurredAt().isBefore(t)).orElse(true);
  }
}
