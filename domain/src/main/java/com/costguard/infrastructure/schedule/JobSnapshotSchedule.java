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
 * scheduled executor, a little after each slot starts. Every instance runs it; the slot's unique
 * key makes the instances' snapshots one.
 */
@ApplicationScoped
public class JobSnapshotSchedule {

  private static final Logger LOG = Logger.getLogger(JobSnapshotSchedule.class.getName());

  /** Into the slot, so that a run firing a hair early still falls in the slot it is meant for. */
  static final Duration INTO_SLOT = Duration.ofSeconds(5);

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService executor;

  @Inject JobSnapshots snapshots;
  @Inject Clock clock;

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
      int stored = snapshots.take();
      LOG.fine(() -> stored + " job cost snapshots stored");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Job cost snapshots failed; the next slot tries again", e);
    }
  }
}
