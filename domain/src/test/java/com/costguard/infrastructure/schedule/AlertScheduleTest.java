package com.costguard.infrastructure.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.application.AlertDispatcher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Stopping the schedules means nothing is sent once stop has returned. */
class AlertScheduleTest {

  @Test
  void stopWaitsForTheRunUnderWayAndItTakesNoFurtherBatch() throws Exception {
    CountDownLatch inRun = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger batches = new AtomicInteger();
    AlertSchedule schedule = new AlertSchedule();
    schedule.executor = Executors.newSingleThreadScheduledExecutor();
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
    ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> new Thread(r, "wake"));
    schedule.wakeUps = wakeUps;
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
      drain(wakeUps);
      assertThat(runs).as("not started: a wake-up sends nothing").isEmpty();

      schedule.start();
      schedule.wake();
      drain(wakeUps);
      assertThat(runs).as("woken at once, not at the next poll").contains("wake");

      schedule.stop();
      runs.clear();
      schedule.wake();
      drain(wakeUps);
      assertThat(runs).as("stopped: a wake-up sends nothing").isEmpty();
    } finally {
      schedule.executor.shutdownNow();
      wakeUps.shutdownNow();
    }
  }

  /** Waits until what was handed to {@code executor} so far has run. */
  private static void drain(ExecutorService executor) throws Exception {
    executor.submit(() -> {}).get(10, TimeUnit.SECONDS);
  }
}
