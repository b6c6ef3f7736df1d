package com.costguard.infrastructure.schedule;

import com.costguard.application.DemoJobs;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In demo mode only: moves the demo's running jobs on every minute through {@link
 * DemoJobs#advanceRunningJobs()}, as their runners would, so the job pages change while one
 * watches.
 */
@ApplicationScoped
public class DemoProgressSchedule {

  private static final Logger LOG = Logger.getLogger(DemoProgressSchedule.class.getName());

  static final long EVERY_SECONDS = 60;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService executor;

  @Inject DemoJobs demoJobs;

  private ScheduledFuture<?> task;

  public synchronized void start() {
    if (task == null) {
      task =
          executor.scheduleAtFixedRate(
              this::advance, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }
  }

  public synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }

  /** One run; a failure is logged, since an exception would end a fixed-rate schedule for good. */
  void advance() {
    try {
      int moved = demoJobs.advanceRunningJobs();
      LOG.fine(() -> "Demo: " + moved + " running jobs moved on");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Demo progress failed; the next minute tries again", e);
    }
  }
}
