package com.costguard.model.job;

import java.util.List;

/** The 5-minute cost snapshots of jobs in progress. */
public interface JobCostSnapshotRepository {

  /**
   * Stores the snapshot unless the job already has one for its slot (taken by this instance or
   * another); returns whether it was stored.
   */
  boolean addIfSlotFree(JobCostSnapshot snapshot);

  /**
   * Stores each snapshot unless its job already has one for its slot; returns how many were stored.
   * A sweep of thousands of jobs writes them in a few statements this way.
   */
  default int addIfSlotsFree(List<JobCostSnapshot> snapshots) {
    int stored = 0;
    for (JobCostSnapshot snapshot : snapshots) {
      if (addIfSlotFree(snapshot)) {
        stored++;
      }
    }
    return stored;
  }

  /** The job's snapshots, oldest first. */
  List<JobCostSnapshot> of(long jobId);
}
