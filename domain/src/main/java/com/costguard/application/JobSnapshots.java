package com.costguard.application;

import com.costguard.model.job.Job;
import com.costguard.model.job.JobCostSnapshot;
import com.costguard.model.job.JobCostSnapshotRepository;
import com.costguard.model.job.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The 5-minute cost snapshots of jobs in progress, the points of the portal's mini cost chart.
 * Paused jobs are included, so the chart stays flat through a pause instead of drawing a slope
 * across it. Each instance may take them; the slot's unique key keeps one per job and slot.
 */
@ApplicationScoped
public class JobSnapshots {

  /** How often a job's cost is snapshotted; slots are aligned to it (…:00, …:05, …). */
  public static final Duration INTERVAL = Duration.ofMinutes(5);

  @Inject JobRepository jobs;
  @Inject JobCostSnapshotRepository snapshots;
  @Inject Clock clock;

  /** Snapshots every job in progress now; returns how many snapshots this call stored. */
  @Transactional
  public int take() {
    return take(clock.instant());
  }

  /**
   * Snapshots every job in progress as it stands at {@code at}, in {@code at}'s slot; a job that
   * already has a snapshot of that slot keeps it. Returns how many snapshots this call stored.
   */
  @Transactional
  public int take(Instant at) {
    Instant now = JobWriter.storable(at);
    Instant slot = slotOf(now);
    int stored = 0;
    for (Job job : jobs.inProgress()) {
      var reading = JobCostReading.of(job, jobs.events(job.id()), now);
      if (snapshots.addIfSlotFree(
          new JobCostSnapshot(job.id(), slot, now, reading.view().currentCost()))) {
        stored++;
      }
    }
    return stored;
  }

  /** The job's snapshots, oldest first. */
  public List<JobCostSnapshot> of(long jobId) {
    return snapshots.of(jobId);
  }

  /** The start of the slot {@code instant} falls in. */
  public static Instant slotOf(Instant instant) {
    long seconds = INTERVAL.toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), seconds) * seconds);
  }
}
