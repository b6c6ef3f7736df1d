package com.costguard.model.audit;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What one audit entry says happened, without who, when or its place in the chain.
 *
 * @param subjectType what was changed: {@code budget}, {@code job}, …
 * @param subjectId its id
 * @param oldValue a JSON object of the fields that changed, as they were (none for a creation)
 * @param newValue a JSON object of the fields that changed, as they are now (none for a deletion)
 * @param changePercent for a limit change: {@code (new − old) / old × 100}, two decimals
 * @param justification why, as the person gave it
 * @param approver the username of who approved the change
 */
public record AuditedChange(
    AuditAction action,
    String subjectType,
    String subjectId,
    Optional<String> oldValue,
    Optional<String> newValue,
    Optional<BigDecimal> changePercent,
    Optional<String> justification,
    Optional<String> approver) {

  public static final String BUDGET = "budget";
  public static final String JOB = "job";
  public static final String CLIENT = "client";
  public static final String PROJECT = "project";
  public static final String PRIORITY_TIER = "priority_tier";

  public AuditedChange {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subjectType, "subjectType");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(oldValue, "oldValue");
    Objects.requireNonNull(newValue, "newValue");
    Objects.requireNonNull(changePercent, "changePercent");
    Objects.requireNonNull(justification, "justification");
    Objects.requireNonNull(approver, "approver");
  }

  /** A change with its old and new values only (no change percent, justification or approver). */
  public static AuditedChange of(
      AuditAction action,
      String subjectType,
      Object subjectId,
      Optional<String> oldValue,
      Optional<String> newValue) {
    return new AuditedChange(
        action,
        subjectType,
        String.valueOf(subjectId),
        oldValue,
        newValue,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public AuditedChange withChangePercent(Optional<BigDecimal> percent) {
    return new AuditedChange(
        action, subjectType, subjectId, oldValue, newValue, percent, justification, approver);
  }
}
