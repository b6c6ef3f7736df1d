package com.costguard.infrastructure.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.costguard.application.JobSnapshots;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobSnapshotScheduleTest {

  private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
  private final JobSnapshotSchedule schedule = new JobSnapshotSchedule();

  @BeforeEach
  void wire() {
    schedule.executor = executor;
    schedule.clock = Clock.fixed(Instant.parse("2026-03-02T13:02:30Z"), ZoneOffset.UTC);
  }

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void runsEveryIntervalFromJustAfterTheNextSlotStarts() {
    schedule.start();
    schedule.start();

    assertThat(schedule.running()).isTrue();
    assertThat(executor.getQueue()).hasSize(1);
    RunnableScheduledFuture<?> task = (RunnableScheduledFuture<?>) executor.getQueue().peek();
    assertThat(task.isPeriodic()).isTrue();
    // 13:02:30 → the 13:05 slot, 5 s into it: 2 min 35 s from now
    assertThat(task.getDelay(TimeUnit.SECONDS)).isBetween(150L, 155L);
    assertThat(JobSnapshots.INTERVAL).hasMinutes(5);

    schedule.stop();

    assertThat(schedule.running()).isFalse();
  }

  @Test
  void aSlotClaimedByAnotherInstanceIsSkipped() {
    AtomicInteger taken = new AtomicInteger();
    schedule.snapshots =
        new JobSnapshots() {
          @Override
          public int take() {
            return taken.incrementAndGet();
          }
        };
    schedule.runs = new AlertScheduleTest.InMemoryScheduleRuns();
    JobSnapshotSchedule other = new JobSnapshotSchedule();
    other.clock = schedule.clock;
    other.snapshots = schedule.snapshots;
    other.runs = schedule.runs;

    schedule.takeSnapshots();
    other.takeSnapshots();
    schedule.takeSnapshots();

    assertThat(taken.get()).isEqualTo(1);
  }

  @Test
  void aFailedRunIsLoggedNotThrownSoTheScheduleGoesOn() {
    schedule.runs = new AlertScheduleTest.InMemoryScheduleRuns();
    schedule.snapshots =
        new JobSnapshots() {
          @Override
          public int take() {
            throw new IllegalStateException("database down");
          }
        };

    assertThatCode(schedule::takeSnapshots).doesNotThrowAnyException();
  }
}
