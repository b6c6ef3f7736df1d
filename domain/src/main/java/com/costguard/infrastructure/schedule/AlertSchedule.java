package com.costguard.infrastructure.schedule;

import com.costguard.application.AlertDispatcher;
import com.costguard.application.BudgetAlerts;
import com.costguard.application.IncreaseRequestService;
import com.costguard.application.IncreaseRequestsExpired;
import com.costguard.infrastructure.health.DatabaseOutage;
import com.costguard.model.increase.IncreaseRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The alerting schedules on the container's managed scheduled executor: the outbox dispatcher every
 * {@link #DISPATCH_EVERY} (a run that claims a full batch goes on at once), and the sweep that
 * evaluates every enabled budget every {@link #SWEEP_EVERY} (rolling windows re-arm as time passes,
 * with no spend to trigger them). Every instance runs both: claims and the alerts' unique key keep
 * the instances from doubling anything.
 */
@ApplicationScoped
public class AlertSchedule {

  private static final Logger LOG = Logger.getLogger(AlertSchedule.class.getName());

  static final Duration DISPATCH_EVERY = Duration.ofSeconds(1);
  static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  /** A run claims at most this many batches, so one busy run does not starve the executor. */
  static final int MAX_BATCHES_PER_RUN = 50;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService executor;

  @Inject AlertDispatcher dispatcher;
  @Inject BudgetAlerts budgetAlerts;
  @Inject IncreaseRequestService increaseRequests;
  @Inject Event<IncreaseRequestsExpired> expiries;

  private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

  /**
   * Held by a dispatcher run: {@link #stop} waits for it, so that nothing is sent once stop has
   * returned (cancelling a schedule does not stop a run under way).
   */
  private final ReentrantLock dispatching = new ReentrantLock();

  private volatile boolean stopped;

  /** Starts both schedules unless they run already. */
  public synchronized void start() {
    if (running()) {
      return;
    }
    stopped = false;
    tasks.add(
        executor.scheduleWithFixedDelay(
            this::dispatch,
            DISPATCH_EVERY.toMillis(),
            DISPATCH_EVERY.toMillis(),
            TimeUnit.MILLISECONDS));
    tasks.add(
        executor.scheduleWithFixedDelay(
            this::sweep, SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS));
    LOG.info(
        () -> "Alert deliveries every " + DISPATCH_EVERY + ", budget sweep every " + SWEEP_EVERY);
  }

  /** Stops both schedules and returns once no dispatcher run is under way. */
  public synchronized void stop() {
    stopped = true;
    tasks.forEach(t -> t.cancel(false));
    tasks.clear();
    dispatching.lock();
    dispatching.unlock();
  }

  public synchronized boolean running() {
    return !tasks.isEmpty() && tasks.stream().noneMatch(ScheduledFuture::isDone);
  }

  /** One dispatcher run; a failure is logged, since an exception would end the schedule. */
  void dispatch() {
    dispatching.lock();
    try {
      for (int batch = 0;
          batch < MAX_BATCHES_PER_RUN
              && !stopped
              && dispatcher.dispatchDue() == AlertDispatcher.BATCH;
          batch++) {
        // a full batch: more may be due
      }
    } catch (RuntimeException e) {
      if (DatabaseOutage.causedBy(e)) {
        // Every second while MariaDB is away: one line, not a stack trace each time.
        LOG.warning(
            () -> "Alert dispatch waits for the database (" + e.getClass().getSimpleName() + ")");
      } else {
        LOG.log(Level.WARNING, "Alert dispatch failed; the next run tries again", e);
      }
    } finally {
      dispatching.unlock();
    }
  }

  /**
   * One sweep: the increase requests whose 24 h are up expire ({@link
   * IncreaseRequestService#expireDue}), then each enabled budget is evaluated in transactions of
   * its own, its thresholds then its day's anomaly check ({@link BudgetAlerts#evaluateAnomalyNow}).
   * Public so that a test can run one at once.
   */
  public void sweep() {
    try {
      List<IncreaseRequest> expired = increaseRequests.expireDue();
      if (!expired.isEmpty()) {
        LOG.info(() -> "Expired %d budget increase request(s)".formatted(expired.size()));
      }
      expiries.fire(new IncreaseRequestsExpired(expired));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Expiring increase requests failed; the next run tries again", e);
    }
    try {
      for (long budgetId : budgetAlerts.enabledBudgets()) {
        try {
          budgetAlerts.evaluateNow(budgetId);
          budgetAlerts.evaluateAnomalyNow(budgetId);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Evaluating budget " + budgetId + " failed", e);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The budget sweep failed; the next run tries again", e);
    }
  }
}
