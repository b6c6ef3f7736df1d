package com.costguard.cost.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One lifecycle or progress event as reported by a job runner, stamped with the runner's own time.
 * Fields that do not belong to the event's type are carried but ignored (a {@code stage} on a
 * {@code paused} event changes nothing).
 *
 * @param step the step reached, for {@link JobEventType#PROGRESS}
 * @param stage the stage the job is in from this event on, for {@link JobEventType#PROGRESS}
 * @param recoveryMinutes how long the recovery took, for {@link JobEventType#RECOVERED}
 * @param storageGb the checkpoint storage now held, for {@link JobEventType#STORAGE}
 * @param idempotencyKey a later event with the same key is a duplicate and changes nothing
 */
public record JobEvent(
    JobEventType type,
    Instant at,
    Optional<Long> step,
    Optional<Stage> stage,
    Optional<BigDecimal> recoveryMinutes,
    Optional<BigDecimal> storageGb,
    String idempotencyKey) {

  public JobEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    step = Objects.requireNonNullElse(step, Optional.empty());
    stage = Objects.requireNonNullElse(stage, Optional.empty());
    recoveryMinutes = Objects.requireNonNullElse(recoveryMinutes, Optional.empty());
    storageGb = Objects.requireNonNullElse(storageGb, Optional.empty());
    if (idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("idempotencyKey must not be blank");
    }
    if (step.filter(s -> s < 0).isPresent()) {
      throw new IllegalArgumentException("step must not be negative");
    }
    if (recoveryMinutes.filter(m -> m.signum() < 0).isPresent()) {
      throw new IllegalArgumentException("recoveryMinutes must not be negative");
    }
    if (storageGb.filter(gb -> gb.signum() < 0).isPresent()) {
      throw new IllegalArgumentException("storageGb must not be negative");
    }
  }

  /** An event that carries nothing but its type and time. */
  public static JobEvent of(JobEventType type, Instant at, String idempotencyKey) {
    return new JobEvent(
        type,
        at,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        idempotencyKey);
  }

  /** A progress report without a stage: the job stays in the stage it was in (see timeline). */
  public static JobEvent progress(Instant at, long step, String idempotencyKey) {
    return new JobEvent(
        JobEventType.PROGRESS,
        at,
        Optional.of(step),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        idempotencyKey);
  }

  public static JobEvent progress(Instant at, long step, Stage stage, String idempotencyKey) {
    return new JobEvent(
        JobEventType.PROGRESS,
        at,
        Optional.of(step),
        Optional.of(stage),
        Optional.empty(),
        Optional.empty(),
        idempotencyKey);
  }

  /** A stage change reported without a step count. */
  public static JobEvent stage(Instant at, Stage stage, String idempotencyKey) {
    return new JobEvent(
        JobEventType.PROGRESS,
        at,
        Optional.empty(),
        Optional.of(stage),
        Optional.empty(),
        Optional.empty(),
        idempotencyKey);
  }

  public static JobEvent recovered(Instant at, BigDecimal recoveryMinutes, String idempotencyKey) {
    return new JobEvent(
        JobEventType.RECOVERED,
        at,
        Optional.empty(),
        Optional.empty(),
        Optional.of(recoveryMinutes),
        Optional.empty(),
        idempotencyKey);
  }

  public static JobEvent storage(Instant at, BigDecimal storageGb, String idempotencyKey) {
    return new JobEvent(
        JobEventType.STORAGE,
        at,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(storageGb),
        idempotencyKey);
  }
}
