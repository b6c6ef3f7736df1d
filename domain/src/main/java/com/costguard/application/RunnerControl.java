package com.costguard.application;

/** The way to a job runner's control URL (SPEC §3: "the runner told"). */
public interface RunnerControl {

  /**
   * Asks the runner to stop the job. Returns at once: delivery happens later, with retries, and a
   * failure is logged, never thrown at the caller (the runner also learns it from {@code
   * cancelRequested} in the answer to its next event).
   */
  void requestCancel(CancelRequest request);
}
