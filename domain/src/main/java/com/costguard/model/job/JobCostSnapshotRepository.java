package com.costguard.model.job;

import java.util.List;

/** The 5-minute cost snapshots of jobs in progress. */
public interface JobCostSnapshotRepository {

  /**
   * Stores the snapshot unless the job already has one for its slot (taken by this instance or
   * another); returns whether it was stored.
   */
  boolean addIfSlotFree(JobCostSnapshot snapshot);

  /** The job's snapshots, oldest first. */
  List<JobCostSnapshot> of(long jobId);
}
