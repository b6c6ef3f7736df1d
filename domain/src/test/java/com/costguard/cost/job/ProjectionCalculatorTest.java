package com.costguard.cost.job;

import static com.costguard.cost.job.EventScript.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ProjectionCalculatorTest {

  private static final Instant NOW = at("12:00");

  /**
   * Projections from training minutes and steps, with the default 15 min finalization and an
   * estimate max of 55. Row 1: 240 steps in 120 min is 2 steps/min; 760 steps left = 380 min + 15 =
   * 395 min = 6.5833 h; 395 × 2.00/60 = 13.1667, final 4.00 + 13.1667 = 17.17; band 14.59 - 19.74;
   * best 343.65 min → 4.00 + 11.455 = 15.46; worst 474 min → 4.00 + 15.80 = 19.80. Row 2 is the
   * seed's "step 850 of 2,000" after 6.7 h (126.87 steps/h) at $2.49/h from $22.18.
   */
  @ParameterizedTest(name = "[{index}] {1} steps in {0} min, {2} in all")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # training min | step | total | rate | current | remaining h       | final | low   | high  | best  | worst | recommendation
          120            | 240  | 1000  | 2.00 | 4.00    | 6.583333333333333 | 17.17 | 14.59 | 19.74 | 15.46 | 19.80 | ON_TRACK
          402            | 850  | 2000  | 2.49 | 22.18   | 9.314705882352942 | 45.37 | 38.57 | 52.18 | 42.36 | 50.01 | ON_TRACK
          # every step done: only the finalization is left
          60             | 1000 | 1000  | 2.00 | 2.00    | 0.25              | 2.50  | 2.13  | 2.88  | 2.44  | 2.60  | ON_TRACK
          60             | 1100 | 1000  | 2.00 | 2.00    | 0.25              | 2.50  | 2.13  | 2.88  | 2.44  | 2.60  | ON_TRACK
          # 615 min left at 3.00/h: 30 + 30.75 = 60.75, over 55 but not over 66
          600            | 500  | 1000  | 3.00 | 30.00   | 10.25             | 60.75 | 51.64 | 69.86 | 56.75 | 66.90 | SLIGHTLY_OVER
          600            | 400  | 1000  | 3.00 | 30.00   | 15.25             | 75.75 | 64.39 | 87.11 | 69.80 | 84.90 | SIGNIFICANTLY_OVER
          """)
  void projectsFromTheTrainingSpeedSoFar(
      long trainingMinutes,
      long step,
      long total,
      BigDecimal rate,
      BigDecimal current,
      BigDecimal remainingHours,
      BigDecimal projectedFinal,
      BigDecimal low,
      BigDecimal high,
      BigDecimal best,
      BigDecimal worst,
      Recommendation recommendation) {
    JobSpec spec = JobSpec.of(Pricing.SPOT, rate, rate, money("45"), money("55"), total);

    Projection projection =
        ProjectionCalculator.project(spec, running(trainingMinutes, 0, step), current)
            .orElseThrow();

    assertThat(projection.remainingHours()).isEqualByComparingTo(remainingHours);
    assertThat(projection.remainingSteps()).isEqualTo(Math.max(0, total - step));
    assertThat(projection.projectedFinal()).isEqualTo(projectedFinal);
    assertThat(projection.low()).isEqualTo(low);
    assertThat(projection.high()).isEqualTo(high);
    assertThat(projection.scenario(ScenarioKind.BEST).finalCost()).isEqualTo(best);
    assertThat(projection.scenario(ScenarioKind.EXPECTED).finalCost()).isEqualTo(projectedFinal);
    assertThat(projection.scenario(ScenarioKind.WORST).finalCost()).isEqualTo(worst);
    assertThat(projection.scenario(ScenarioKind.EXPECTED).completionAt())
        .isEqualTo(projection.completionAt());
    assertThat(projection.recommendation()).isEqualTo(recommendation);
  }

  @ParameterizedTest(name = "[{index}] {0} min finalizing")
  @CsvSource({"0, 15", "5, 10", "15, 0", "40, 0"})
  void timeAlreadySpentFinalizingComesOffTheOverhead(long finalizing, long remainingMinutes) {
    JobSpec spec = spec(1000);

    Projection projection =
        ProjectionCalculator.project(spec, running(60, finalizing, 1000), money("3.00"))
            .orElseThrow();

    assertThat(projection.remainingTime()).isEqualTo(Duration.ofMinutes(remainingMinutes));
    assertThat(projection.completionAt()).isEqualTo(NOW.plus(Duration.ofMinutes(remainingMinutes)));
  }

  @Test
  void aJobWithNothingLeftFinishesNowAtItsCurrentCostInEveryScenario() {
    Projection projection =
        ProjectionCalculator.project(spec(1000), running(60, 20, 1000), money("3.00"))
            .orElseThrow();

    assertThat(projection.scenarios())
        .allSatisfy(s -> assertThat(s.completionAt()).isEqualTo(NOW))
        .allSatisfy(s -> assertThat(s.finalCost()).isEqualTo(money("3.00")));
  }

  @Test
  void theFinalizationOverheadIsTheJobs() {
    JobSpec noOverhead = spec(1000).withFinalizationOverhead(Duration.ZERO);

    Projection projection =
        ProjectionCalculator.project(noOverhead, running(60, 0, 500), money("2.00")).orElseThrow();

    assertThat(projection.remainingTime()).isEqualTo(Duration.ofMinutes(60));
    assertThat(projection.projectedFinal()).isEqualTo(money("4.00"));
    assertThat(projection.stepsPerHour()).isEqualByComparingTo("500");
  }

  @Test
  void aPausedJobIsProjectedAsIfItWentOnNow() {
    JobActivity paused = activity(JobState.PAUSED, 60, 0, Optional.of(500L));

    Projection projection =
        ProjectionCalculator.project(spec(1000), paused, money("2.00")).orElseThrow();

    assertThat(projection.completionAt()).isEqualTo(NOW.plus(Duration.ofMinutes(75)));
  }

  @ParameterizedTest
  @EnumSource(
      value = JobState.class,
      names = {"NOT_STARTED", "COMPLETED", "FAILED", "CANCELLED"})
  void noProjectionBeforeTheStartOrAfterTheEnd(JobState state) {
    assertThat(
            ProjectionCalculator.project(
                spec(1000), activity(state, 60, 0, Optional.of(500L)), money("2.00")))
        .isEmpty();
  }

  @Test
  void noProjectionWithoutAStepDone() {
    assertThat(ProjectionCalculator.project(spec(1000), running(60, 0, 0), money("2.00")))
        .isEmpty();
    assertThat(
            ProjectionCalculator.project(
                spec(1000), activity(JobState.RUNNING, 60, 0, Optional.empty()), money("2.00")))
        .isEmpty();
  }

  @Test
  void noProjectionWithoutTrainingTime() {
    // Steps reported while preprocessing or finalizing say nothing about training speed.
    assertThat(ProjectionCalculator.project(spec(1000), running(0, 30, 200), money("2.00")))
        .isEmpty();
  }

  @Test
  void anEndlessJobCompletesAtTheEndOfTime() {
    JobSpec endless = spec(Long.MAX_VALUE);

    Projection projection =
        ProjectionCalculator.project(endless, running(600, 0, 1), money("2.00")).orElseThrow();

    assertThat(projection.completionAt()).isEqualTo(Instant.MAX);
    assertThat(projection.remainingTime()).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
    assertThat(projection.recommendation()).isEqualTo(Recommendation.SIGNIFICANTLY_OVER);
  }

  private static JobSpec spec(long totalSteps) {
    return JobSpec.of(
        Pricing.SPOT, money("2.00"), money("6.00"), money("45"), money("55"), totalSteps);
  }

  private static JobActivity running(long trainingMinutes, long finalizingMinutes, long step) {
    return activity(JobState.RUNNING, trainingMinutes, finalizingMinutes, Optional.of(step));
  }

  private static JobActivity activity(
      JobState state, long trainingMinutes, long finalizingMinutes, Optional<Long> step) {
    Map<Stage, Duration> active = new EnumMap<>(Stage.class);
    active.put(Stage.LOADING, Duration.ofMinutes(15));
    active.put(Stage.TRAINING, Duration.ofMinutes(trainingMinutes));
    active.put(Stage.FINALIZING, Duration.ofMinutes(finalizingMinutes));
    return new JobActivity(
        state,
        NOW,
        Optional.of(at("06:00")),
        state.isFinished() ? Optional.of(NOW) : Optional.empty(),
        active,
        Duration.ZERO,
        List.of(),
        step,
        Optional.empty());
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }
}
