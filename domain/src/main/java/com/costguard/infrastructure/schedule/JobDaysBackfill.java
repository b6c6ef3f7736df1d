package com.costguard.infrastructure.schedule;

import com.costguard.application.JobDayRollups;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adds the finished jobs missing from the daily rollups (V28) in the background: at start, those
 * that finished before the rollups existed or before the time zone changed, and after that every
 * {@link #EVERY} any a failed run left (a run with nothing to add is one index look-up). The reads
 * cost jobs from their events until it is through. Every instance runs it: a batch locks its jobs,
 * so two never add the same job.
 */
@ApplicationScoped
public class JobDaysBackfill {

  private static final Logger LOG = Logger.getLogger(JobDaysBackfill.class.getName());

  static final Duration EVERY = Duration.ofSeconds(20);

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService executor;

  @Inject JobDayRollups rollups;

  private ScheduledFuture<?> task;

  /** Starts over if the time zone changed (under the bootstrap lock), then backfills. */
  public synchronized void start() {
    if (task != null && !task.isDone()) {
      return;
    }
    if (rollups.startOverInAnotherZone()) {
      LOG.info("The time zone changed: the daily job rollups are built again");
    }
    task =
        executor.scheduleWithFixedDelay(this::backfill, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }

  /** One run; a failure is logged, since an exception would end the schedule for good. */
  void backfill() {
    try {
      long added = 0;
      for (int batch = rollups.addPending(); batch > 0; batch = rollups.addPending()) {
        added += batch;
      }
      long total = added;
      if (total > 0) {
        LOG.info(() -> total + " finished jobs added to the daily job rollups");
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Adding jobs to the daily rollups failed; the next run tries again", e);
    }
  }
}
