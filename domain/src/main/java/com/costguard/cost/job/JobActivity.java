package com.costguard.cost.job;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a job did up to one instant: its billed (active) time by stage, its paused time, its
 * interruptions and its latest reports. Produced by {@link JobTimeline#replay}.
 *
 * @param asOf the instant the activity is measured to (see {@link JobTimeline#replay})
 * @param activeByStage active time per stage; stages without time are absent
 * @param paused time between {@code paused} and {@code resumed}, outside any interruption
 * @param latestStep the step of the latest progress event that gave one
 * @param storageGb the checkpoint storage of the latest storage event
 */
public record JobActivity(
    JobState state,
    Instant asOf,
    Optional<Instant> startedAt,
    Optional<Instant> endedAt,
    Map<Stage, Duration> activeByStage,
    Duration paused,
    List<Interruption> interruptions,
    Optional<Long> latestStep,
    Optional<BigDecimal> storageGb) {

  public JobActivity {
    EnumMap<Stage, Duration> copy = new EnumMap<>(Stage.class);
    activeByStage.forEach(
        (stage, time) -> {
          if (!time.isZero()) {
            copy.put(stage, time);
          }
        });
    activeByStage = Collections.unmodifiableMap(copy);
    interruptions = List.copyOf(interruptions);
  }

  /** All billed GPU time. */
  public Duration active() {
    return activeByStage.values().stream().reduce(Duration.ZERO, Duration::plus);
  }

  public Duration activeIn(Stage stage) {
    return activeByStage.getOrDefault(stage, Duration.ZERO);
  }
}
