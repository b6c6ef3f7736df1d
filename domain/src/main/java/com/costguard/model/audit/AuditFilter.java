package com.costguard.model.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which entries to read; an empty part keeps every entry.
 *
 * @param actor exactly this username (or {@code system})
 * @param from entries at or after this instant
 * @param to entries before this instant
 * @param action exactly this action
 */
public record AuditFilter(
    Optional<String> actor,
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<AuditAction> action) {

  public static final AuditFilter ALL =
      new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public AuditFilter {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(action, "action");
  }
}
