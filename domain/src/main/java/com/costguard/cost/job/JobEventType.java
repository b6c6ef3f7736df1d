package com.costguard.cost.job;

/** The lifecycle and progress events a job runner reports (SPEC §1). */
public enum JobEventType {
  STARTED,
  PROGRESS,
  PAUSED,
  RESUMED,
  /** A spot interruption: the job stops being active until {@link #RECOVERED}. */
  INTERRUPTED,
  RECOVERED,
  /** The checkpoint storage the job currently holds. */
  STORAGE,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** Whether this event ends the job and locks its cost. */
  public boolean endsJob() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
