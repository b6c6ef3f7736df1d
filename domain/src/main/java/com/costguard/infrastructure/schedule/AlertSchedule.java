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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The alerting schedules on the container's managed scheduled executor: the outbox dispatcher every
 * {@link #DISPATCH_EVERY} (a run that claims a full batch goes on at once), and the sweep that
 * evaluates every enabled budget every {@link #SWEEP_EVERY} (rolling windows re-arm as time passes,
 * with no spend to trigger them). Every instance runs both. The dispatchers share the outbox
 * through its claims; of the sweeps, the instance that {@linkplain ScheduleRuns#claim claims} the
 * minute does that minute's sweep, the others skip it (the alerts' unique key would keep a doubled
 * sweep harmless, but not free).
 */
@ApplicationScoped
public class AlertSchedule {

  private static final Logger LOG = Logger.getLogger(AlertSchedule.class.getName());

  static final Duration DISPATCH_EVERY = Duration.ofSeconds(1);
  static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  /** The sweep's name in {@code schedule_runs}. */
  static final String SWEEP = "alert-sweep";

  /** A run claims at most this many batches, so one busy run does not starve the executor. */
  static final int MAX_BATCHES_PER_RUN = 50;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService executor;

  /**
   * Makes the thread that runs wake-ups: not behind a long sweep on the scheduled executor, and not
   * a task submitted from the committing request (a managed executor's task carries the request's
   * context with it, and ending the task closed the request's JPA entity managers under it).
   */
  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ThreadFactory threads;

  @Inject AlertDispatcher dispatcher;
  @Inject BudgetAlerts budgetAlerts;
  @Inject IncreaseRequestService increaseRequests;
  @Inject Event<IncreaseRequestsExpired> expiries;
  @Inject ScheduleRuns runs;
  @Inject Clock clock;

  private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

  /** At most this many dispatcher runs at once on this instance (woken and scheduled). */
  static final int MAX_RUNS = 4;

  /**
   * Read-held by each dispatcher run, write-held by {@link #stop}, which so waits for the runs
   * under way: nothing is sent once stop has returned (cancelling a schedule does not stop a run).
   */
  private final ReentrantReadWriteLock dispatching = new ReentrantReadWriteLock();

  /**
   * Runs may overlap (issue 8): a wake-up does not wait behind a run still posting an earlier
   * alert's breakdown or waiting on a slow mail server. Overlapping runs claim disjoint deliveries,
   * as the dispatchers of several instances do; this only bounds how many threads they take.
   */
  private final Semaphore runSlots = new Semaphore(MAX_RUNS);

  private volatile boolean stopped;

  /** Released by a wake-up; several before the next run fold into it. */
  private final Semaphore woken = new Semaphore(0);

  /**
   * Threads that run wake-ups: one fewer than {@link #MAX_RUNS}, so that a wake-up arriving during
   * a woken run starts beside it and the poll keeps a slot.
   */
  static final int WAKE_THREADS = MAX_RUNS - 1;

  /** The threads that run wake-ups, while the schedules run. */
  private volatile List<Thread> wakers = List.of();

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
            this::sweepThisMinute,
            SWEEP_EVERY.toMillis(),
            SWEEP_EVERY.toMillis(),
            TimeUnit.MILLISECONDS));
    woken.drainPermits();
    List<Thread> started = new ArrayList<>();
    for (int i = 0; i < WAKE_THREADS; i++) {
      Thread thread = threads.newThread(this::runWakeUps);
      thread.setName("costguard-outbox-wake-ups-" + (i + 1));
      thread.setDaemon(true);
      started.add(thread);
    }
    wakers = List.copyOf(started);
    started.forEach(Thread::start);
    LOG.info(
        () -> "Alert deliveries every " + DISPATCH_EVERY + ", budget sweep every " + SWEEP_EVERY);
  }

  /** Stops both schedules and returns once no dispatcher run is under way. */
  public synchronized void stop() {
    stopped = true;
    tasks.forEach(t -> t.cancel(false));
    tasks.clear();
    wakers = List.of();
    woken.release(WAKE_THREADS); // each wake-up thread sees it is no longer a waker and ends
    dispatching.writeLock().lock();
    dispatching.writeLock().unlock();
  }

  public synchronized boolean running() {
    return !tasks.isEmpty() && tasks.stream().noneMatch(ScheduledFuture::isDone);
  }

  /**
   * Runs the dispatcher now, off the caller's thread, unless stopped ({@link OutboxWakeUp} calls it
   * when deliveries have been committed). Wake-ups while a run is queued fold into it; one arriving
   * during a run queues the next, which starts beside the running one (unless {@link #MAX_RUNS} run
   * already: then the poll sends what they leave).
   */
  public void wake() {
    if (running() && woken.availablePermits() == 0) {
      woken.release();
    }
  }

  /** A wake-up thread: a dispatcher run per wake-up, until {@link #stop} (or a newer start). */
  private void runWakeUps() {
    try {
      while (true) {
        woken.acquire();
        if (!wakers.contains(Thread.currentThread())) {
          return;
        }
        woken.drainPermits(); // wake-ups until now are covered by this run
        dispatch();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One dispatcher run, unless {@link #MAX_RUNS} are under way; a failure is logged, since an
   * exception would end the schedule.
   */
  void dispatch() {
    if (!runSlots.tryAcquire()) {
      return;
    }
    dispatching.readLock().lock();
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
      dispatching.readLock().unlock();
      runSlots.release();
    }
  }

  /** The scheduled sweep: runs {@link #sweep} unless another instance swept this minute already. */
  void sweepThisMinute() {
    Instant now = clock.instant();
    sweepIfFirst(now.truncatedTo(ChronoUnit.MINUTES), now);
  }

  /**
   * Sweeps if this instance is the first to claim {@code slot}; public so that a test can race
   * instances for one slot.
   *
   * @return whether this instance swept
   */
  public boolean sweepIfFirst(Instant slot, Instant now) {
    boolean first;
    try {
      first = runs.claim(SWEEP, slot, now);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not claim the sweep of " + slot + "; the next minute tries", e);
      return false;
    }
    if (first) {
      sweep();
    }
    return first;
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
