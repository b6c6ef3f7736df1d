package com.costguard.cost.job;

import com.costguard.cost.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Projects a running job's remaining time and final cost from its training speed so far (SPEC §2).
 *
 * <ul>
 *   <li>speed = completed steps / active training hours (only {@link Stage#TRAINING} time; the same
 *       hours the breakdown's training line shows);
 *   <li>remaining hours = remaining steps / speed + the finalization overhead still to come (the
 *       overhead less any active time already spent {@link Stage#FINALIZING});
 *   <li>projected final = current cost + remaining hours × hourly rate (no buffer for further
 *       interruptions: the worst scenario covers those); band ±15% of it;
 *   <li>a paused or interrupted job is projected as if it went on at once.
 * </ul>
 */
public final class ProjectionCalculator {

  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
  private static final BigDecimal LOW_BAND = new BigDecimal("0.85");
  private static final BigDecimal HIGH_BAND = new BigDecimal("1.15");

  private ProjectionCalculator() {}

  /**
   * The projection, or empty when none can be computed: the job has not started or has finished
   * (its cost is final), no step has been completed yet, or it has had no active training time.
   *
   * @param currentCost the job's displayed current cost
   */
  public static Optional<Projection> project(
      JobSpec spec, JobActivity activity, BigDecimal currentCost) {
    JobState state = activity.state();
    long completedSteps = activity.latestStep().orElse(0L);
    Duration training = activity.activeIn(Stage.TRAINING);
    if (state == JobState.NOT_STARTED
        || state.isFinished()
        || completedSteps <= 0
        || training.isZero()) {
      return Optional.empty();
    }
    long remainingSteps = Math.max(0, spec.totalSteps() - completedSteps);
    BigDecimal trainingSeconds = Hours.seconds(training);
    BigDecimal steps = BigDecimal.valueOf(completedSteps);
    BigDecimal stepsPerHour =
        steps.multiply(SECONDS_PER_HOUR).divide(trainingSeconds, Hours.PRECISION);
    Duration overheadLeft = spec.finalizationOverhead().minus(activity.activeIn(Stage.FINALIZING));
    BigDecimal remainingSeconds =
        BigDecimal.valueOf(remainingSteps)
            .multiply(trainingSeconds)
            .divide(steps, Hours.PRECISION)
            .add(Hours.seconds(overheadLeft.isNegative() ? Duration.ZERO : overheadLeft));

    List<Scenario> scenarios = new ArrayList<>();
    for (ScenarioKind kind : ScenarioKind.values()) {
      BigDecimal seconds = remainingSeconds.multiply(kind.timeFactor());
      Duration time = Hours.duration(seconds);
      scenarios.add(
          new Scenario(
              kind,
              time,
              Hours.later(activity.asOf(), time),
              Money.cents(currentCost.add(Hours.price(seconds, spec.hourlyRate())))));
    }
    BigDecimal exactFinal = currentCost.add(Hours.price(remainingSeconds, spec.hourlyRate()));
    BigDecimal projectedFinal = Money.cents(exactFinal);
    Duration remainingTime = Hours.duration(remainingSeconds);
    return Optional.of(
        new Projection(
            completedSteps,
            remainingSteps,
            stepsPerHour,
            remainingSeconds.divide(SECONDS_PER_HOUR, Hours.PRECISION),
            remainingTime,
            projectedFinal,
            Money.cents(exactFinal.multiply(LOW_BAND)),
            Money.cents(exactFinal.multiply(HIGH_BAND)),
            Hours.later(activity.asOf(), remainingTime),
            scenarios,
            Recommendation.of(projectedFinal, spec.estimateMax())));
  }
}
