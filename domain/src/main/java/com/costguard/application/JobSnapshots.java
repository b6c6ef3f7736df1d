package com.costguard.application;

import com.costguard.model.job.Job;
import com.costguard.model.job.JobCostSnapshot;
import com.costguard.model.job.JobCostSnapshotRepository;
import com.costguard.model.job.JobRepository;
import com.costguard.model.job.ReportedJobEvent;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  /** One sweep: how many jobs were in progress, and how many snapshots it stored. */
  public record Sweep(int jobs, int stored) {}

  /** Snapshots every job in progress now; returns how many snapshots this call stored. */
  @Transactional
  public int take() {
    return take(clock.instant());
  }

  /**
   * An ADMIN's sweep now, outside the schedule (operations, the benchmark's figure 5): every job in
   * progress is costed and snapshotted in the current slot, where it has no snapshot yet.
   *
   * @throws RequestRefusedException 403 unless ADMIN
   */
  @Transactional
  public Sweep takeNow(User actor) {
    if (!actor.hasRole(Role.ADMIN)) {
      throw new RequestRefusedException(
          RequestRefusedException.Reason.FORBIDDEN, null, "only an ADMIN may sweep job costs");
    }
    return sweep(clock.instant());
  }

  /**
   * Snapshots every job in progress as it stands at {@code at}, in {@code at}'s slot; a job that
   * already has a snapshot of that slot keeps it. Returns how many snapshots this call stored.
   */
  @Transactional
  public int take(Instant at) {
    return sweep(at).stored();
  }

  /**
   * Costs every job in progress from its events, read for all of them in a few queries, and stores
   * the snapshots in a few statements: a sweep of 10,000 jobs stays within a second (issue 8),
   * where a query and an insert per job took many.
   */
  private Sweep sweep(Instant at) {
    Instant now = JobWriter.storable(at);
    Instant slot = slotOf(now);
    List<Job> inProgress = jobs.inProgress();
    Map<Long, List<ReportedJobEvent>> events =
        jobs.eventsOf(inProgress.stream().map(Job::id).toList());
    List<JobCostSnapshot> taken = new ArrayList<>(inProgress.size());
    for (Job job : inProgress) {
      var reading = JobCostReading.of(job, events.getOrDefault(job.id(), List.of()), now);
      taken.add(new JobCostSnapshot(job.id(), slot, now, reading.view().currentCost()));
    }
    return new Sweep(inProgress.size(), snapshots.addIfSlotsFree(taken));
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
