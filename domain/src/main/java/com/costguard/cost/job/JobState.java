package com.costguard.cost.job;

/** Where a job stands at the instant it is costed. */
public enum JobState {
  /** No event reported yet. */
  NOT_STARTED,
  RUNNING,
  PAUSED,
  /** Interrupted (spot) and not yet recovered. */
  INTERRUPTED,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** Whether the job has ended: its cost is locked and nothing is projected. */
  public boolean isFinished() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  static JobState endedBy(JobEventType type) {
    return switch (type) {
      case COMPLETED -> COMPLETED;
      case FAILED -> FAILED;
      case CANCELLED -> CANCELLED;
      default -> throw new IllegalArgumentException(type + " does not end a job");
    };
  }
}
