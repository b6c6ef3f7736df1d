package com.costguard.model.job;

import com.costguard.cost.job.JobState;
import java.util.Locale;

/** Where a job stands, as SPEC §1 names it; follows the job's events. */
public enum JobStatus {
  QUEUED,
  RUNNING,
  PAUSED,
  COMPLETED,
  FAILED,
  CANCELLED;

  /**
   * The status of a job in the engine's state. A spot interruption is not a status of its own: the
   * job is still under way (and still billed, as its interruption line), so it stays running.
   */
  public static JobStatus of(JobState state) {
    return switch (state) {
      case NOT_STARTED -> QUEUED;
      case RUNNING, INTERRUPTED -> RUNNING;
      case PAUSED -> PAUSED;
      case COMPLETED -> COMPLETED;
      case FAILED -> FAILED;
      case CANCELLED -> CANCELLED;
    };
  }

  /** Whether the job has ended: its cost is locked and it takes no more events. */
  public boolean isFinished() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /** Started and not ended: its cost may still change. */
  public boolean inProgress() {
    return this == RUNNING || this == PAUSED;
  }

  /** The name in the API: {@code queued}, {@code running}, … */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
