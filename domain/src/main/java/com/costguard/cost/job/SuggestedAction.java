package com.costguard.cost.job;

/** What the decision support offers the user to do about a projection. */
public enum SuggestedAction {
  CANCEL_JOB,
  CONTINUE_ANYWAY,
  VIEW_COST_HISTORY,
  CONTINUE_MONITORING
}
