package com.costguard.infrastructure.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.application.AlertDispatcher;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Stopping the schedules means nothing is sent once stop has returned; a minute's sweep is done by
 * the instance that claims the minute.
 */
class AlertScheduleTest {

  @Test
  void stopWaitsForTheRunUnderWayAndItTakesNoFurtherBatch() throws Exception {
    CountDownLatch inRun = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger batches = new AtomicInteger();
    AlertSchedule schedule = new AlertSchedule();
    schedule.executor = Executors.newSingleThreadScheduledExecutor();
    schedule.threads = Thread::new;
    schedule.dispatcher =
        new AlertDispatcher() {
          @Override
          public int dispatchDue() {
            batches.incrementAndGet();
            inRun.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return AlertDispatcher.BATCH; // a full batch: without stop, the run would go on
          }
        };
    try {
      schedule.start();
      assertThat(inRun.await(10, TimeUnit.SECONDS)).isTrue();

      Thread stopper = new Thread(schedule::stop);
      stopper.start();
      stopper.join(300);
      assertThat(stopper.isAlive()).as("stop waits for the run under way").isTrue();

      release.countDown();
      stopper.join(5_000);
      assertThat(stopper.isAlive()).isFalse();
      assertThat(batches.get()).isEqualTo(1);
      assertThat(schedule.running()).isFalse();
    } finally {
      release.countDown();
      schedule.executor.shutdownNow();
    }
  }

  @Test
  void aWakeUpRunsTheDispatcherOnItsOwnThreadOnlyWhileTheScheduleRuns() throws Exception {
    List<String> runs = new CopyOnWriteArrayList<>();
    AlertSchedule schedule = new AlertSchedule();
    schedule.executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "poll"));
    List<Thread> made = new CopyOnWriteArrayList<>();
    schedule.threads =
        r -> {
          Thread thread = new Thread(r);
          made.add(thread);
          return thread;
        };
    schedule.dispatcher =
        new AlertDispatcher() {
          @Override
          public int dispatchDue() {
            runs.add(Thread.currentThread().getName());
            return 0;
          }
        };
    try {
      schedule.wake();
      assertThat(made).as("not started: no wake-up thread, a wake-up sends nothing").isEmpty();

      schedule.start();
      schedule.wake();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (runs.stream().noneMatch(n -> n.startsWith("costguard-outbox-wake-ups"))
          && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertThat(runs)
          .as("woken at once, not at the next poll")
          .anyMatch(n -> n.startsWith("costguard-outbox-wake-ups"));

      schedule.stop();
      for (Thread thread : made) {
        thread.join(10_000);
        assertThat(thread.isAlive()).as("stopped: the wake-up threads have ended").isFalse();
      }
      runs.clear();
      schedule.wake();
      assertThat(made).hasSize(AlertSchedule.WAKE_THREADS);
      assertThat(runs).as("stopped: a wake-up sends nothing").isEmpty();
    } finally {
      schedule.executor.shutdownNow();
    }
  }

  @Test
  void onlyTheScheduleThatClaimsTheMinuteSweepsIt() {
    ScheduleRuns runs = new InMemoryScheduleRuns();
    AtomicInteger sweeps = new AtomicInteger();
    AlertSchedule one = countingSweeps(runs, sweeps);
    AlertSchedule other = countingSweeps(runs, sweeps);
    Instant minute = Instant.parse("2026-03-02T13:02:00Z");

    assertThat(one.sweepIfFirst(minute, minute.plusSeconds(3))).isTrue();
    assertThat(other.sweepIfFirst(minute, minute.plusSeconds(40))).isFalse();
    assertThat(one.sweepIfFirst(minute, minute.plusSeconds(59))).isFalse();
    assertThat(sweeps.get()).isEqualTo(1);

    assertThat(other.sweepIfFirst(minute.plusSeconds(60), minute.plusSeconds(61))).isTrue();
    assertThat(sweeps.get()).isEqualTo(2);
  }

  @Test
  void aClaimThatFailsSkipsTheSweepAndThrowsNothing() {
    AtomicInteger sweeps = new AtomicInteger();
    AlertSchedule schedule =
        countingSweeps(
            new ScheduleRuns() {
              @Override
              public boolean claim(String schedule, Instant slot, Instant now) {
                throw new IllegalStateException("database down");
              }
            },
            sweeps);
    Instant minute = Instant.parse("2026-03-02T13:02:00Z");

    assertThat(schedule.sweepIfFirst(minute, minute)).isFalse();
    assertThat(sweeps.get()).isZero();
  }

  private static AlertSchedule countingSweeps(ScheduleRuns runs, AtomicInteger sweeps) {
    AlertSchedule schedule =
        new AlertSchedule() {
          @Override
          public void sweep() {
            sweeps.incrementAndGet();
          }
        };
    schedule.runs = runs;
    return schedule;
  }

  /** The primary key of {@code schedule_runs}, in memory. */
  static final class InMemoryScheduleRuns extends ScheduleRuns {
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    @Override
    public boolean claim(String schedule, Instant slot, Instant now) {
      return claimed.add(schedule + "@" + slot);
    }
  }
}
