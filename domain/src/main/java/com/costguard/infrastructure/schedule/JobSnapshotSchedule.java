package com.costguard.infrastructure.schedule;

import com.costguard.application.JobSnapshots;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes {@link JobSnapshots} every {@link JobSnapshots#INTERVAL} on the container's managed
 * scheduled executor, a little after each slot starts. Every instance runs it; the instance that
 * {@linkplain ScheduleRuns#claim claims} the slot takes its snapshots, the others skip it (the
 * snapshots' unique slot key would make a doubled run harmless, but not free).
 */
@ApplicationScoped
public class JobSnapshotSchedule {

  private static final Logger LOG = Logger.getLogger(JobSnapshotSchedule.class.getName());

  /** Into the slot, so that a run firing a hair early still falls in the slot it is meant for. */
  static final Duration INTO_SLOT = Duration.ofSeconds(5);

  /** The schedule's name in {@code schedule_runs}. */
  static final String SNAPSHOTS = "job-snapshots";

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService executor;

  @Inject JobSnapshots snapshots;
  @Inject Clock clock;
  @Inject ScheduleRuns runs;

  private ScheduledFuture<?> task;

  /** Starts the schedule unless it runs already. */
  public synchronized void start() {
    if (running()) {
      return;
    }
    Instant now = clock.instant();
    Duration delay =
        Duration.between(now, JobSnapshots.slotOf(now).plus(JobSnapshots.INTERVAL).plus(INTO_SLOT));
    task =
        executor.scheduleAtFixedRate(
            this::takeSnapshots,
            delay.toMillis(),
            JobSnapshots.INTERVAL.toMillis(),
            TimeUnit.MILLISECONDS);
    LOG.info(() -> "Job cost snapshots every " + JobSnapshots.INTERVAL);
  }

  public synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }

  public synchronized boolean running() {
    return task != null && !task.isDone();
  }

  /** One run; a failure is logged, since an exception would end a fixed-rate schedule for good. */
  void takeSnapshots() {
    try {
      Instant now = clock.instant();
      if (!runs.claim(SNAPSHOTS, JobSnapshots.slotOf(now), now)) {
        return; // another instance takes this slot's snapshots
      }
      int stored = snapshots.take();
      LOG.fine(() -> stored + " job cost snapshots stored");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Job cost snapshots failed; the next slot tries again", e);
    }
  }
}
