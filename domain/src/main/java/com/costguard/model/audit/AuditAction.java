package com.costguard.model.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an audit entry records. The wire name is what is stored, hashed, filtered on and shown; a
 * new kind of change adds a constant here.
 */
public enum AuditAction {
  BUDGET_CREATED("budget.created"),
  /** A change of a budget's fields other than its limit. */
  BUDGET_UPDATED("budget.updated"),
  /** A change of a budget that includes its limit (with the change percent). */
  BUDGET_LIMIT_CHANGED("budget.limit_changed"),
  BUDGET_DELETED("budget.deleted"),
  BUDGET_RESET("budget.reset"),
  /** A change of a budget's notification settings (recipients, channels, quiet hours, Slack). */
  BUDGET_NOTIFICATIONS_CHANGED("budget.notifications_changed"),
  /** A blocking budget refused a new job. */
  JOB_BLOCKED("job.blocked"),
  JOB_CANCELLED("job.cancelled"),
  /** A change of a job's name or cost attribution (client, project, team). */
  JOB_UPDATED("job.updated"),
  /** A budget increase was asked for (applied at once or waiting for an approver). */
  INCREASE_REQUESTED("increase.requested"),
  INCREASE_APPROVED("increase.approved"),
  INCREASE_REJECTED("increase.rejected"),
  /** A pending increase request was left undecided for 24 h. */
  INCREASE_EXPIRED("increase.expired"),
  /** A priority tier's monthly allocation was changed (SPEC §2, admin-editable). */
  TIER_ALLOCATION_CHANGED("tier.allocation_changed"),
  /** A priority tier's rollover of unused allocation was turned on or off. */
  TIER_ROLLOVER_CHANGED("tier.rollover_changed"),
  /** A client was registered. */
  CLIENT_CREATED("client.created"),
  /** A change of a client's name, code, industry or priority tier. */
  CLIENT_UPDATED("client.updated"),
  PROJECT_CREATED("project.created"),
  /** A change of a project's details, its revenue or other costs among them. */
  PROJECT_UPDATED("project.updated");

  private final String wireName;

  AuditAction(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<AuditAction> fromWireName(String name) {
    return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
  }
}
