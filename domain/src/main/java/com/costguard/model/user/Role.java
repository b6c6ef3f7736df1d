package com.costguard.model.user;

/** What a user may do; checked on the server for every action in every face. */
public enum Role {
  ADMIN,
  BUDGET_MANAGER,
  APPROVER,
  ENGINEER,
  VIEWER;

  /** Whether this role may report costs and change data (everyone but a VIEWER). */
  public boolean canWrite() {
    return this != VIEWER;
  }
}
