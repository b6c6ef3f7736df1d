package com.costguard.bot;

/** Every Slack id string Costguard uses: commands, action ids, callback ids, block ids. */
public final class Ids {

  public static final String BUDGET_COMMAND = "/budget";

  // Buttons (action ids); their value is the budget, job or increase request id.
  public static final String INCREASE_BUDGET = "increase_budget";
  public static final String CANCEL_ACTIVE_JOBS = "cancel_active_jobs";
  public static final String VIEW_DASHBOARD = "view_dashboard";
  public static final String CANCEL_JOB = "cancel_job";
  public static final String VIEW_JOB = "view_job";
  public static final String APPROVE_INCREASE = "approve_increase";
  public static final String REJECT_INCREASE = "reject_increase";

  // Blocks that handlers find again in a message.
  public static final String ALERT_ACTIONS = "alert_actions";
  public static final String APPROVAL_ACTIONS = "approval_actions";
  public static final String OUTCOME = "outcome";

  /** A job's block in a list or a job alert: this prefix and the job id. */
  public static final String JOB_BLOCK_PREFIX = "job_";

  // The increase modal.
  public static final String INCREASE_MODAL = "increase_modal";
  public static final String CURRENT_LIMIT_BLOCK = "current_limit";
  public static final String NEW_LIMIT_BLOCK = "new_limit";
  public static final String NEW_LIMIT_INPUT = "new_limit_input";
  public static final String JUSTIFICATION_BLOCK = "justification";
  public static final String JUSTIFICATION_INPUT = "justification_input";

  // The reject-reason modal.
  public static final String REJECT_MODAL = "reject_modal";
  public static final String REASON_BLOCK = "reason";
  public static final String REASON_INPUT = "reason_input";

  private Ids() {}

  public static String jobBlock(long jobId) {
    return JOB_BLOCK_PREFIX + jobId;
  }
}
