package com.costguard.cost.job;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A job's events in the order they happened, and the billed time they add up to.
 *
 * <p>Ordering: events are placed by their {@code at}, whatever order they arrived in; events with
 * the same {@code at} keep their arrival order. An event whose idempotency key was already seen is
 * a duplicate: the first arrival wins and the duplicate changes nothing.
 *
 * <p>Replay rules (SPEC §1, §2, §5):
 *
 * <ul>
 *   <li>The job starts at its earliest event, normally {@code started}; a runner that skips {@code
 *       started} is billed from its first report.
 *   <li>It ends at its first {@code completed}, {@code failed} or {@code cancelled}: the cost is
 *       locked there and every later event is ignored. A job that has not ended is measured up to
 *       the instant asked for.
 *   <li>Between {@code paused} and {@code resumed} the job is paused; between {@code interrupted}
 *       and {@code recovered} it is interrupted. Neither is active, so neither is billed as GPU
 *       time; each interruption becomes an {@link Interruption} of its own. A {@code resumed}
 *       without a pause, a second {@code paused} or {@code interrupted}, and a repeated {@code
 *       started} change nothing. Time that is both paused and interrupted counts as interrupted.
 *   <li>A {@code recovered} without an open interruption but with recovery minutes is an
 *       interruption the runner reported only after the fact: it is billed at those minutes, and no
 *       active time is taken away (there is no gap to take). Without minutes it changes nothing.
 *   <li>Active time belongs to the stage of the latest progress event. Before any progress event
 *       the job is {@link Stage#LOADING}. A progress event without a stage keeps the stage an
 *       earlier progress event named; if none named one, steps mean {@link Stage#TRAINING}.
 *   <li>The latest step and the latest storage report are the ones that count (a job restored from
 *       a checkpoint may go back a few steps; checkpoints may be deleted).
 * </ul>
 */
public final class JobTimeline {

  private final List<JobEvent> events;

  private JobTimeline(List<JobEvent> events) {
    this.events = events;
  }

  /**
   * The timeline of a job's events.
   *
   * @param arrivals every event reported for the job, in arrival order, duplicates included
   */
  public static JobTimeline of(List<JobEvent> arrivals) {
    Set<String> seen = new HashSet<>();
    List<JobEvent> unique = new ArrayList<>();
    for (JobEvent event : arrivals) {
      if (seen.add(event.idempotencyKey())) {
        unique.add(event);
      }
    }
    unique.sort(Comparator.comparing(JobEvent::at)); // stable: ties keep arrival order
    return new JobTimeline(List.copyOf(unique));
  }

  /** The unique events, ordered by when they happened. */
  public List<JobEvent> events() {
    return events;
  }

  /**
   * The timeline as it stood at {@code at}: only the events stamped at or before it. Duplicates
   * were already settled by arrival, so an event that arrived first and happened later does not let
   * a later-arriving copy of it count earlier.
   */
  public JobTimeline through(Instant at) {
    return new JobTimeline(events.stream().filter(e -> !e.at().isAfter(at)).toList());
  }

  /** The timeline just before {@code at}: only the events stamped before it. */
  public JobTimeline before(Instant at) {
    return new JobTimeline(events.stream().filter(e -> e.at().isBefore(at)).toList());
  }

  /**
   * The job's activity at {@code now}. The instant measured to is {@code now} or the latest
   * reported event, whichever is later: a runner whose clock runs a little ahead must not see its
   * own report ignored, and the cost of a fixed set of events never decreases as {@code now}
   * advances.
   */
  public JobActivity replay(Instant now) {
    Instant asOf = events.isEmpty() ? now : later(now, events.get(events.size() - 1).at());
    Replay replay = new Replay();
    for (JobEvent event : events) {
      if (replay.ended != null) {
        break;
      }
      replay.apply(event);
    }
    return replay.finish(asOf);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The mutable state of one replay; never escapes {@link #replay}. */
  private static final class Replay {
    private Instant startedAt;
    private Instant cursor;
    private JobEventType ended;
    private Instant endedAt;
    private boolean paused;
    private Instant interruptedAt;
    private Stage stage = Stage.LOADING;
    private boolean stageNamed;
    private Long latestStep;
    private BigDecimal storageGb;
    private final Map<Stage, Duration> active = new EnumMap<>(Stage.class);
    private Duration pausedTime = Duration.ZERO;
    private final List<Interruption> interruptions = new ArrayList<>();

    void apply(JobEvent event) {
      Instant at = event.at();
      if (startedAt == null) {
        startedAt = at;
        cursor = at;
      }
      advanceTo(at);
      switch (event.type()) {
        case STARTED -> {}
        case PROGRESS -> progress(event);
        case PAUSED -> paused = true;
        case RESUMED -> paused = false;
        case INTERRUPTED -> {
          if (interruptedAt == null) {
            interruptedAt = at;
          }
        }
        case RECOVERED -> recovered(event);
        case STORAGE -> event.storageGb().ifPresent(gb -> storageGb = gb);
        case COMPLETED, FAILED, CANCELLED -> {
          ended = event.type();
          endedAt = at;
        }
      }
    }

    private void progress(JobEvent event) {
      event.step().ifPresent(step -> latestStep = step);
      if (event.stage().isPresent()) {
        stage = event.stage().get();
        stageNamed = true;
      } else if (!stageNamed && event.step().isPresent()) {
        stage = Stage.TRAINING;
      }
    }

    private void recovered(JobEvent event) {
      if (interruptedAt != null) {
        interruptions.add(
            new Interruption(
                interruptedAt,
                Duration.between(interruptedAt, event.at()),
                event.recoveryMinutes(),
                false));
        interruptedAt = null;
      } else if (event.recoveryMinutes().isPresent()) {
        interruptions.add(
            new Interruption(event.at(), Duration.ZERO, event.recoveryMinutes(), false));
      }
    }

    /** Adds the time since the last event to whatever the job was doing. */
    private void advanceTo(Instant at) {
      Duration elapsed = Duration.between(cursor, at);
      cursor = at;
      if (interruptedAt != null) {
        return; // measured as the interruption's gap
      }
      if (paused) {
        pausedTime = pausedTime.plus(elapsed);
      } else {
        active.merge(stage, elapsed, Duration::plus);
      }
    }

    JobActivity finish(Instant asOf) {
      if (startedAt == null) {
        return new JobActivity(
            JobState.NOT_STARTED,
            asOf,
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Duration.ZERO,
            List.of(),
            Optional.empty(),
            Optional.empty());
      }
      Instant end = ended != null ? endedAt : asOf;
      advanceTo(end);
      JobState state = state();
      if (interruptedAt != null) {
        interruptions.add(
            new Interruption(
                interruptedAt,
                Duration.between(interruptedAt, end),
                Optional.empty(),
                ended == null));
      }
      return new JobActivity(
          state,
          asOf,
          Optional.of(startedAt),
          Optional.ofNullable(endedAt),
          active,
          pausedTime,
          interruptions,
          Optional.ofNullable(latestStep),
          Optional.ofNullable(storageGb));
    }

    private JobState state() {
      if (ended != null) {
        return JobState.endedBy(ended);
      }
      if (interruptedAt != null) {
        return JobState.INTERRUPTED;
      }
      return paused ? JobState.PAUSED : JobState.RUNNING;
    }
  }
}
