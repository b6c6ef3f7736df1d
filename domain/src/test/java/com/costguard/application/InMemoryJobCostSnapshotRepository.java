package com.costguard.application;

import com.costguard.model.job.JobCostSnapshot;
import com.costguard.model.job.JobCostSnapshotRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Snapshots in memory, one per job and slot like the table's unique key. */
class InMemoryJobCostSnapshotRepository implements JobCostSnapshotRepository {

  final List<JobCostSnapshot> stored = new ArrayList<>();

  @Override
  public boolean addIfSlotFree(JobCostSnapshot snapshot) {
    boolean taken =
        stored.stream()
            .anyMatch(
                s -> s.jobId() == snapshot.jobId() && s.slotStart().equals(snapshot.slotStart()));
    if (taken) {
      return false;
    }
    stored.add(snapshot);
    return true;
  }

  @Override
  public List<JobCostSnapshot> of(long jobId) {
    return stored.stream()
        .filter(s -> s.jobId() == jobId)
        .sorted(Comparator.comparing(JobCostSnapshot::slotStart))
        .toList();
  }
}
