package com.costguard.cost.job;

import static com.costguard.cost.job.EventScript.at;
import static com.costguard.cost.job.EventScript.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobCostCalculatorTest {

  /** An A100 on spot: $1.20/h against $3.67/h on demand; estimate $10-14 for 2,000 steps. */
  static final JobSpec A100_SPOT =
      JobSpec.of(Pricing.SPOT, money("1.20"), money("3.67"), money("10"), money("14"), 2000);

  /** An H100 on spot, the seed's rates: $2.49/h against $7.99/h; estimate $45-55, 2,000 steps. */
  static final JobSpec H100_SPOT =
      JobSpec.of(Pricing.SPOT, money("2.49"), money("7.99"), money("45"), money("55"), 2000);

  /** An A10G on demand at $1.10/h; estimate $2-3, 600 steps; storage $0.023 per GB. */
  static final JobSpec A10G_ON_DEMAND =
      JobSpec.of(Pricing.ON_DEMAND, money("1.10"), money("1.10"), money("2"), money("3"), 600)
          .withStoragePricePerGb(money("0.023"));

  @Nested
  class WorkedExamples {

    /**
     * A100 spot, running, looked at 13:00.
     *
     * <pre>
     * loading        08:00-08:15            15 min  × 1.20/60 = 0.30
     * preprocessing  08:15-08:20             5 min  × 1.20/60 = 0.10
     * training       08:20-10:20 120 min, 10:32-12:00 88 min, 12:30-13:00 30 min
     *                                      238 min  × 1.20/60 = 4.76
     * interruption   10:20, 8 min reported (gap 12) × 1.20/60 = 0.16
     * storage        4.2 GB × 0 (included)                    = 0.00
     * current cost                                            = 5.32
     * active 15 + 5 + 238 = 258 min; paused 12:00-12:30 = 30 min
     * percent of estimate 5.32 / 10 = 53.20%; 5.32 < 0.8 × 10 = 8 → green, no alert
     * on demand  15 min × 3.67/60 = 0.9175 → 0.92; 5 min → 0.3058 → 0.31;
     *            238 min → 14.5577 → 14.56; total 15.79
     * savings 15.79 − 5.32 = 10.47 = 66.31% of 15.79
     * projection step 1000 of 2000 after 238 training min: 252.1 steps/h;
     *   remaining 1000 steps = 238 min, + 15 min finalization = 253 min = 4.2167 h;
     *   final 5.32 + 253 × 1.20/60 (5.06) = 10.38; band 8.82-11.94; done at 13:00 + 4h13m = 17:13
     *   best  253 × 0.87 = 220.11 min: 5.32 + 4.4022 = 9.72, at 16:40:06.6
     *   worst 253 × 1.20 = 303.6 min:  5.32 + 6.072  = 11.39, at 18:03:36
     *   variance 10.38 − 12 (midpoint of 10-14) = −1.62; 10.38 ≤ 14 → on track
     * </pre>
     */
    @Test
    void a100SpotRunningWithAPauseAndAReportedInterruption() {
      List<JobEvent> events =
          parse(
              "08:00 started; 08:15 progress 0 preprocessing; 08:20 progress 0 training;"
                  + " 10:20 progress 500; 10:20 interrupted; 10:32 recovered 8;"
                  + " 11:00 storage 4.2; 12:00 paused; 12:30 resumed; 12:55 progress 1000");

      JobCostView view = JobCostCalculator.cost(A100_SPOT, events, at("13:00"));

      assertThat(view.state()).isEqualTo(JobState.RUNNING);
      assertThat(view.breakdown().gpu())
          .extracting(GpuLine::stage, GpuLine::time, GpuLine::amount)
          .containsExactly(
              gpu(Stage.LOADING, 15, "0.30"),
              gpu(Stage.PREPROCESSING, 5, "0.10"),
              gpu(Stage.TRAINING, 238, "4.76"));
      assertThat(view.breakdown().gpu().get(0).hours()).isEqualByComparingTo("0.25");
      assertThat(view.breakdown().interruptions())
          .containsExactly(new InterruptionLine(at("10:20"), money("8"), money("0.16"), false));
      assertThat(view.breakdown().storage())
          .isEqualTo(new StorageLine(money("4.2"), money("0.00")));
      assertThat(view.breakdown().storage().included()).isTrue();
      assertThat(view.currentCost()).isEqualTo(money("5.32"));
      assertThat(view.hourlyRate()).isEqualTo(money("1.20"));
      assertThat(view.activeMinutes()).isEqualTo(258);
      assertThat(view.pausedMinutes()).isEqualTo(30);
      assertThat(view.percentOfEstimate()).contains(money("53.20"));
      assertThat(view.zone()).isEqualTo(EstimateZone.GREEN);
      assertThat(view.thresholdsCrossed()).isEmpty();
      assertThat(view.onDemandEquivalent()).isEqualTo(money("15.79"));
      assertThat(view.savings()).isEqualTo(money("10.47"));
      assertThat(view.savingsPercent()).contains(money("66.31"));
      assertThat(view.variance()).contains(money("-1.62"));

      Projection projection = view.projection().orElseThrow();
      assertThat(projection.completedSteps()).isEqualTo(1000);
      assertThat(projection.remainingSteps()).isEqualTo(1000);
      assertThat(projection.stepsPerHour()).isEqualByComparingTo("252.1008403361345");
      assertThat(projection.remainingHours()).isEqualByComparingTo("4.216666666666667");
      assertThat(projection.remainingTime()).isEqualTo(Duration.ofMinutes(253));
      assertThat(projection.projectedFinal()).isEqualTo(money("10.38"));
      assertThat(projection.low()).isEqualTo(money("8.82"));
      assertThat(projection.high()).isEqualTo(money("11.94"));
      assertThat(projection.completionAt()).isEqualTo(at("17:13"));
      assertThat(projection.scenarios())
          .extracting(Scenario::kind, Scenario::completionAt, Scenario::finalCost)
          .containsExactly(
              scenario(ScenarioKind.BEST, "16:40:06.600", "9.72"),
              scenario(ScenarioKind.EXPECTED, "17:13", "10.38"),
              scenario(ScenarioKind.WORST, "18:03:36", "11.39"));
      assertThat(projection.scenarios())
          .extracting(Scenario::probabilityPercent)
          .containsExactly(20, 60, 20);
      assertThat(projection.recommendation()).isEqualTo(Recommendation.ON_TRACK);
    }

    /**
     * H100 spot, the seed's rates, a slow run looked at 20:15.
     *
     * <pre>
     * loading       00:00-00:15                 15 min × 2.49/60 = 0.6225 → 0.62
     * training      00:15-06:00 345 min, 06:20-20:15 835 min
     *                                         1180 min × 2.49/60 = 48.97
     * interruption  06:00-06:20, no minutes reported: 20 min × 2.49/60 = 0.83
     * current cost                                             = 50.42
     * percent of estimate 50.42 / 45 = 112.04%; 36 ≤ 50.42 ≤ 55 → yellow, 80% alert only
     * on demand 15 min × 7.99/60 = 1.9975 → 2.00; 1180 min → 157.1367 → 157.14; total 159.14
     * savings 159.14 − 50.42 = 108.72 = 68.32%
     * projection step 1000 of 2000 after 1180 training min: 50.85 steps/h
     *   remaining 1180 + 15 = 1195 min: 1195 × 2.49/60 = 49.5925; final 100.0125 → 100.01
     *   band 85.010625 → 85.01, 115.014375 → 115.01; done at 20:15 + 19h55m = 16:10 next day
     *   best  1039.65 min: 50.42 + 43.145475 = 93.57,  at 13:34:39 next day
     *   worst 1434 min:    50.42 + 59.511    = 109.93, at 20:09 next day
     *   100.01 > 1.2 × 55 = 66 → significantly over; variance 100.01 − 50 = 50.01
     * </pre>
     */
    @Test
    void h100SpotProjectedSignificantlyOverItsEstimate() {
      List<JobEvent> events =
          parse(
              "00:00 started; 00:15 progress 0 training; 06:00 interrupted; 06:20 recovered;"
                  + " 20:10 progress 1000");

      JobCostView view = JobCostCalculator.cost(H100_SPOT, events, at("20:15"));

      assertThat(view.breakdown().gpu())
          .extracting(GpuLine::stage, GpuLine::time, GpuLine::amount)
          .containsExactly(gpu(Stage.LOADING, 15, "0.62"), gpu(Stage.TRAINING, 1180, "48.97"));
      assertThat(view.breakdown().interruptions())
          .containsExactly(new InterruptionLine(at("06:00"), money("20"), money("0.83"), false));
      assertThat(view.currentCost()).isEqualTo(money("50.42"));
      assertThat(view.percentOfEstimate()).contains(money("112.04"));
      assertThat(view.zone()).isEqualTo(EstimateZone.YELLOW);
      assertThat(view.thresholdsCrossed()).containsExactly(EstimateThreshold.PERCENT_80);
      assertThat(view.onDemandEquivalent()).isEqualTo(money("159.14"));
      assertThat(view.savings()).isEqualTo(money("108.72"));
      assertThat(view.savingsPercent()).contains(money("68.32"));
      assertThat(view.variance()).contains(money("50.01"));

      Projection projection = view.projection().orElseThrow();
      assertThat(projection.stepsPerHour()).isEqualByComparingTo("50.84745762711864");
      assertThat(projection.remainingTime()).isEqualTo(Duration.ofMinutes(1195));
      assertThat(projection.projectedFinal()).isEqualTo(money("100.01"));
      assertThat(projection.low()).isEqualTo(money("85.01"));
      assertThat(projection.high()).isEqualTo(money("115.01"));
      assertThat(projection.completionAt()).isEqualTo(at("+1 16:10"));
      assertThat(projection.scenarios())
          .extracting(Scenario::kind, Scenario::completionAt, Scenario::finalCost)
          .containsExactly(
              scenario(ScenarioKind.BEST, "+1 13:34:39", "93.57"),
              scenario(ScenarioKind.EXPECTED, "+1 16:10", "100.01"),
              scenario(ScenarioKind.WORST, "+1 20:09", "109.93"));
      assertThat(projection.recommendation()).isEqualTo(Recommendation.SIGNIFICANTLY_OVER);
      assertThat(projection.recommendation().actions())
          .containsExactly(
              SuggestedAction.CANCEL_JOB,
              SuggestedAction.CONTINUE_ANYWAY,
              SuggestedAction.VIEW_COST_HISTORY);
    }

    /**
     * A10G on demand, completed at 12:05 and looked at 15:00: the cost is locked at 12:05.
     *
     * <pre>
     * loading     09:00-09:10                   10 min × 1.10/60 = 0.18333 → 0.18
     * training    09:10-10:00 50 min, 10:45-11:50 65 min
     *                                          115 min × 1.10/60 = 2.10833 → 2.11
     * finalizing  11:50-12:05                   15 min × 1.10/60 = 0.275   → 0.28 (half up)
     * storage     12 GB × 0.023 = 0.276 → 0.28
     * current cost 0.18 + 2.11 + 0.28 + 0.28 = 2.85 (the 12:10 report comes after the end)
     * active 140 min, paused 45 min
     * 2.85 / 2 = 142.50%; 1.6 ≤ 2.85 ≤ 3 → yellow, 80% alert; variance 2.85 − 2.5 = 0.35
     * on demand: the same lines at the same rate, storage included: 2.85, savings 0.00 = 0.00%
     * </pre>
     */
    @Test
    void a10gOnDemandCompletedIsLockedAtItsEnd() {
      List<JobEvent> events =
          parse(
              "09:00 started; 09:10 progress 0 training; 10:00 paused; 10:45 resumed;"
                  + " 11:50 progress 600 finalizing; 11:58 storage 12; 12:05 completed;"
                  + " 12:10 progress 600");

      JobCostView view = JobCostCalculator.cost(A10G_ON_DEMAND, events, at("15:00"));

      assertThat(view.state()).isEqualTo(JobState.COMPLETED);
      assertThat(view.breakdown().gpu())
          .extracting(GpuLine::stage, GpuLine::time, GpuLine::amount)
          .containsExactly(
              gpu(Stage.LOADING, 10, "0.18"),
              gpu(Stage.TRAINING, 115, "2.11"),
              gpu(Stage.FINALIZING, 15, "0.28"));
      assertThat(view.breakdown().storage()).isEqualTo(new StorageLine(money("12"), money("0.28")));
      assertThat(view.breakdown().storage().included()).isFalse();
      assertThat(view.currentCost()).isEqualTo(money("2.85"));
      assertThat(view.activeMinutes()).isEqualTo(140);
      assertThat(view.pausedMinutes()).isEqualTo(45);
      assertThat(view.percentOfEstimate()).contains(money("142.50"));
      assertThat(view.zone()).isEqualTo(EstimateZone.YELLOW);
      assertThat(view.thresholdsCrossed()).containsExactly(EstimateThreshold.PERCENT_80);
      assertThat(view.variance()).contains(money("0.35"));
      assertThat(view.onDemandEquivalent()).isEqualTo(money("2.85"));
      assertThat(view.savings()).isEqualTo(money("0.00"));
      assertThat(view.savingsPercent()).contains(money("0.00"));
      assertThat(view.projection()).isEmpty();
      assertThat(JobCostCalculator.cost(A10G_ON_DEMAND, events, at("12:05")))
          .usingRecursiveComparison()
          .ignoringFields("asOf")
          .isEqualTo(view);
    }
  }

  /** Current cost and its lines for small jobs at $1.20/h (on demand $3.67/h), estimate 10-14. */
  @ParameterizedTest(name = "[{index}] {0} @ {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # script                                                                  | now   | gpu lines          | interruption lines | current | state
          # zero-length job: nothing billed
          08:00 started; 08:00 completed                                            | 12:00 | -                  | -                  | 0.00    | COMPLETED
          # paused the whole time: nothing billed
          08:00 started; 08:00 paused                                               | 12:00 | -                  | -                  | 0.00    | PAUSED
          # no step done yet: billed, just not projected
          08:00 started; 08:00 progress 0 training                                  | 09:00 | 1.20               | -                  | 1.20    | RUNNING
          # interruption before any progress: the loading line stops during it
          08:00 started; 08:05 interrupted; 08:20 recovered 10; 08:30 progress 0 training | 09:00 | 0.30/0.60     | 0.20               | 1.10    | RUNNING
          # an interruption still open bills its gap so far
          08:00 started; 08:00 progress 0 training; 09:00 interrupted               | 09:45 | 1.20               | 0.90               | 2.10    | INTERRUPTED
          # two interruptions, one reported and one measured
          08:00 started; 08:00 progress 0 training; 08:30 interrupted; 08:40 recovered 4.5; 09:00 interrupted; 09:25 recovered | 10:00 | 1.70 | 0.09/0.50 | 2.29 | RUNNING
          # a lone recovered with minutes is billed; one without is not
          08:00 started; 08:30 recovered 15                                          | 09:00 | 1.20               | 0.30               | 1.50    | RUNNING
          08:00 started; 08:30 recovered                                             | 09:00 | 1.20               | -                  | 1.20    | RUNNING
          # cancelled: locked at the cancel
          08:00 started; 08:00 progress 0 training; 08:45 cancelled                 | 23:00 | 0.90               | -                  | 0.90    | CANCELLED
          # failed while interrupted: the gap ends with the job
          08:00 started; 08:00 progress 0 training; 08:30 interrupted; 08:50 failed | 23:00 | 0.60               | 0.40               | 1.00    | FAILED
          """)
  void currentCostIsTheSumOfItsLines(
      String script,
      String now,
      String gpuLines,
      String interruptionLines,
      String current,
      JobState state) {
    JobCostView view = JobCostCalculator.cost(A100_SPOT, parse(script), at(now));

    assertThat(view.breakdown().gpu()).extracting(GpuLine::amount).isEqualTo(amounts(gpuLines));
    assertThat(view.breakdown().interruptions())
        .extracting(InterruptionLine::amount)
        .isEqualTo(amounts(interruptionLines));
    assertThat(view.currentCost()).isEqualTo(money(current));
    assertThat(view.breakdown().total()).isEqualTo(view.currentCost());
    assertThat(view.state()).isEqualTo(state);
  }

  /** {@link JobCostCalculator#costAsOf} and {@link JobCostCalculator#costBefore}. */
  @Nested
  class CostingThePast {

    /** A100 spot at $1.20/h: $0.02 a minute. */
    private final List<JobEvent> events =
        parse("08:00 started; 09:00 paused; 10:00 resumed; 11:00 completed");

    @Test
    void onlyTheEventsUpToTheInstantCountAndTheJobIsMeasuredToIt() {
      JobCostView paused = JobCostCalculator.costAsOf(A100_SPOT, events, at("09:30"));
      JobCostView running = JobCostCalculator.costAsOf(A100_SPOT, events, at("10:30"));

      assertThat(paused.state()).isEqualTo(JobState.PAUSED);
      assertThat(paused.asOf()).isEqualTo(at("09:30"));
      assertThat(paused.currentCost()).isEqualTo(money("1.20")); // 60 min
      assertThat(paused.pausedMinutes()).isEqualTo(30);
      assertThat(running.state()).isEqualTo(JobState.RUNNING);
      assertThat(running.currentCost()).isEqualTo(money("1.80")); // 60 + 30 min
      // the view of today, by contrast, is measured to the latest event, 11:00
      assertThat(JobCostCalculator.cost(A100_SPOT, events, at("09:30")).currentCost())
          .isEqualTo(money("2.40"));
    }

    @Test
    void beforeItsFirstEventAJobHasCostNothingAndAfterItsEndItsFinalCost() {
      JobCostView before = JobCostCalculator.costAsOf(A100_SPOT, events, at("07:00"));
      JobCostView after = JobCostCalculator.costAsOf(A100_SPOT, events, at("+1 07:00"));

      assertThat(before.state()).isEqualTo(JobState.NOT_STARTED);
      assertThat(before.currentCost()).isEqualTo(money("0.00"));
      assertThat(after.state()).isEqualTo(JobState.COMPLETED);
      assertThat(after.currentCost()).isEqualTo(money("2.40"));
      assertThat(after).isEqualTo(JobCostCalculator.cost(A100_SPOT, events, at("+1 07:00")));
    }

    @Test
    void justBeforeAnInstantLeavesOutWhatIsStampedAtIt() {
      // A10G on demand at $1.10/h, storage $0.023/GB: 100 GB reported at 09:00 adds 2.30
      List<JobEvent> withStorage = parse("08:00 started; 09:00 storage 100; 09:00 recovered 60");

      JobCostView through = JobCostCalculator.costAsOf(A10G_ON_DEMAND, withStorage, at("09:00"));
      JobCostView before = JobCostCalculator.costBefore(A10G_ON_DEMAND, withStorage, at("09:00"));

      assertThat(through.currentCost()).isEqualTo(money("4.50")); // 1.10 GPU + 1.10 recovery + 2.30
      assertThat(before.currentCost()).isEqualTo(money("1.10")); // 60 min of GPU time only
      assertThat(before.asOf()).isEqualTo(at("09:00"));
      assertThat(JobCostCalculator.costBefore(A10G_ON_DEMAND, withStorage, at("08:00")).state())
          .isEqualTo(JobState.NOT_STARTED);
    }

    @Test
    void aDuplicateCountsWhenItsFirstArrivalHappenedNotWhenALaterCopySays() {
      List<JobEvent> arrivals =
          List.of(
              JobEvent.of(JobEventType.STARTED, at("08:00"), "start"),
              JobEvent.of(JobEventType.COMPLETED, at("10:00"), "end"),
              JobEvent.of(JobEventType.COMPLETED, at("09:00"), "end"));

      JobCostView view = JobCostCalculator.costAsOf(A100_SPOT, arrivals, at("09:30"));

      assertThat(view.state()).isEqualTo(JobState.RUNNING);
      assertThat(view.currentCost()).isEqualTo(money("1.80"));
    }

    @ParameterizedTest
    @CsvSource({"11:00", "11:01", "+1 00:00"})
    void fromTheLatestEventOnItIsTheViewOfNow(String now) {
      List<JobEvent> running = parse("08:00 started; 08:30 progress 100 training; 11:00 paused");

      assertThat(JobCostCalculator.costAsOf(A100_SPOT, running, at(now)))
          .isEqualTo(JobCostCalculator.cost(A100_SPOT, running, at(now)));
    }
  }

  @Test
  void aJobWithoutEventsCostsNothingAndProjectsNothing() {
    JobCostView view = JobCostCalculator.cost(A100_SPOT, List.of(), at("09:00"));

    assertThat(view.state()).isEqualTo(JobState.NOT_STARTED);
    assertThat(view.currentCost()).isEqualTo(money("0.00"));
    assertThat(view.zone()).isEqualTo(EstimateZone.GREEN);
    assertThat(view.variance()).isEmpty();
    assertThat(view.projection()).isEmpty();
    assertThat(view.savingsPercent()).isEmpty();
  }

  @Test
  void aZeroLengthJobHasAFinalVarianceButNoSavingsPercent() {
    JobCostView view =
        JobCostCalculator.cost(A100_SPOT, parse("08:00 started; 08:00 completed"), at("12:00"));

    assertThat(view.breakdown().gpu()).isEmpty();
    assertThat(view.onDemandEquivalent()).isEqualTo(money("0.00"));
    assertThat(view.savings()).isEqualTo(money("0.00"));
    assertThat(view.savingsPercent()).isEmpty();
    assertThat(view.variance()).contains(money("-12.00"));
    assertThat(view.activeMinutes()).isZero();
  }

  @Test
  void anOngoingInterruptionIsMarkedAndItsLineGrowsWithNow() {
    List<JobEvent> events = parse("08:00 started; 08:00 progress 0 training; 09:00 interrupted");

    JobCostView early = JobCostCalculator.cost(A100_SPOT, events, at("09:10"));
    JobCostView late = JobCostCalculator.cost(A100_SPOT, events, at("09:40"));

    assertThat(early.breakdown().interruptions())
        .containsExactly(new InterruptionLine(at("09:00"), money("10"), money("0.20"), true));
    assertThat(late.breakdown().interruptions())
        .containsExactly(new InterruptionLine(at("09:00"), money("40"), money("0.80"), true));
    assertThat(late.breakdown().gpu()).isEqualTo(early.breakdown().gpu());
  }

  @Test
  void eachLineIsRoundedOnItsOwnSoTheTotalIsWhatTheLinesShow() {
    // 20 min at $0.015/h is exactly $0.005 in each of three stages: 0.01 each, 0.03 in all
    // (rounding the exact total, 0.015, would show 0.02 under lines adding up to 0.03).
    JobSpec cheap =
        JobSpec.of(Pricing.SPOT, money("0.015"), money("0.015"), money("1"), money("2"), 100);
    List<JobEvent> events =
        parse("08:00 started; 08:20 progress 0 preprocessing; 08:40 progress 1 training");

    JobCostView view = JobCostCalculator.cost(cheap, events, at("09:00"));

    assertThat(view.breakdown().gpu())
        .extracting(GpuLine::amount)
        .containsExactly(money("0.01"), money("0.01"), money("0.01"));
    assertThat(view.currentCost()).isEqualTo(money("0.03"));
  }

  @Test
  void anOnDemandJobPaysItsInterruptionsOnTopOfTheOnDemandEquivalent() {
    // 60 min at 2.00 = 2.00 plus a 6 min interruption at 2.00 = 0.20: 2.20 against 2.00.
    JobSpec onDemand =
        JobSpec.of(Pricing.ON_DEMAND, money("2.00"), money("2.00"), money("1"), money("5"), 100);
    List<JobEvent> events =
        parse("08:00 started; 08:00 progress 0 training; 08:30 interrupted; 08:36 recovered 6");

    JobCostView view = JobCostCalculator.cost(onDemand, events, at("09:06"));

    assertThat(view.currentCost()).isEqualTo(money("2.20"));
    assertThat(view.onDemandEquivalent()).isEqualTo(money("2.00"));
    assertThat(view.savings()).isEqualTo(money("-0.20"));
    assertThat(view.savingsPercent()).contains(money("-10.00"));
  }

  @Test
  void storageIsPricedPerGbOfTheLatestReport() {
    JobSpec priced = A100_SPOT.withStoragePricePerGb(money("0.10"));
    List<JobEvent> events = parse("08:00 started; 08:10 storage 4.2; 08:20 storage 6.55");

    JobCostView view = JobCostCalculator.cost(priced, events, at("08:30"));

    assertThat(view.breakdown().storage()).isEqualTo(new StorageLine(money("6.55"), money("0.66")));
    // loading 30 min at 1.20 = 0.60; storage counts on the on-demand side too: 1.84 + 0.66
    assertThat(view.currentCost()).isEqualTo(money("1.26"));
    assertThat(view.onDemandEquivalent()).isEqualTo(money("2.50"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # the estimate min = max = 10
          # current | percent | zone   | alerts
          0.00      | 0.00    | GREEN  | -
          7.99      | 79.90   | GREEN  | -
          8.00      | 80.00   | YELLOW | 80
          10.00     | 100.00  | YELLOW | 80/100
          10.01     | 100.10  | RED    | 80/100
          11.99     | 119.90  | RED    | 80/100
          12.00     | 120.00  | RED    | 80/100/120
          """)
  void anEstimateWithMinEqualToMax(
      String current, String percent, EstimateZone zone, String alerts) {
    JobSpec spec =
        JobSpec.of(Pricing.SPOT, money("6.00"), money("6.00"), money("10"), money("10"), 100);
    // 6.00/h is 0.10 a minute: the current cost is exactly current / 0.10 minutes of loading.
    long seconds = money(current).multiply(BigDecimal.valueOf(600)).longValueExact();
    List<JobEvent> events =
        List.of(
            JobEvent.of(JobEventType.STARTED, at("08:00"), "s"),
            JobEvent.of(JobEventType.CANCELLED, at("08:00").plusSeconds(seconds), "c"));

    JobCostView view = JobCostCalculator.cost(spec, events, at("23:00"));

    assertThat(view.currentCost()).isEqualTo(money(current));
    assertThat(view.percentOfEstimate()).contains(money(percent));
    assertThat(view.zone()).isEqualTo(zone);
    assertThat(view.thresholdsCrossed()).isEqualTo(thresholds(alerts));
    assertThat(view.variance()).contains(money(current).subtract(money("10")));
  }

  @Test
  void anEstimateMinOfZeroHasNoPercentageAndIsReachedAtOnce() {
    JobSpec spec =
        JobSpec.of(Pricing.SPOT, money("1.20"), money("3.67"), money("0"), money("5"), 100);

    JobCostView view = JobCostCalculator.cost(spec, parse("08:00 started"), at("08:00"));

    assertThat(view.currentCost()).isEqualTo(money("0.00"));
    assertThat(view.percentOfEstimate()).isEmpty();
    assertThat(view.zone()).isEqualTo(EstimateZone.YELLOW);
    assertThat(view.thresholdsCrossed()).containsExactly(EstimateThreshold.PERCENT_80);
  }

  @Test
  void outOfOrderAndDuplicateArrivalsGiveTheSameView() {
    String script =
        "08:00 started; 08:15 progress 0 preprocessing; 08:20 progress 0 training;"
            + " 10:20 progress 500; 10:20 interrupted; 10:32 recovered 8; 11:00 storage 4.2;"
            + " 12:00 paused; 12:30 resumed; 12:55 progress 1000";
    List<JobEvent> inOrder = parse(script);
    List<JobEvent> scrambled =
        List.of(
            inOrder.get(9),
            inOrder.get(3),
            inOrder.get(0),
            inOrder.get(7),
            inOrder.get(5),
            inOrder.get(9),
            inOrder.get(1),
            inOrder.get(8),
            inOrder.get(2),
            inOrder.get(6),
            inOrder.get(4),
            inOrder.get(0),
            inOrder.get(5));

    assertThat(JobCostCalculator.cost(A100_SPOT, scrambled, at("13:00")))
        .isEqualTo(JobCostCalculator.cost(A100_SPOT, inOrder, at("13:00")));
  }

  @Test
  void theHalfwayProjectionIsTheOneMadeAtTheFirstReportOfHalfTheSteps() {
    // At 10:15 (step 1000 of 2000): 120 training min for 1000 steps, 120 + 15 min to go.
    // Current 0.30 loading + 2.40 training = 2.70; final 2.70 + 135 × 1.20/60 (2.70) = 5.40.
    List<JobEvent> events =
        parse(
            "08:00 started; 08:15 progress 0 training; 09:15 progress 400;"
                + " 10:15 progress 1000; 11:00 progress 1400; 12:45 progress 2000;"
                + " 13:00 completed");

    assertThat(JobCostCalculator.projectedFinalAtHalfway(A100_SPOT, events))
        .contains(money("5.40"));
    assertThat(
            JobCostCalculator.projectedFinalAtHalfway(
                A100_SPOT, parse("08:00 started; 08:15 progress 10 training; 09:00 completed")))
        .isEmpty();
    assertThat(
            JobCostCalculator.projectedFinalAtHalfway(
                A100_SPOT, parse("08:00 started; 08:15 progress 1500")))
        .as("no training time before the report")
        .isEmpty();
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  private static List<BigDecimal> amounts(String list) {
    return list.equals("-")
        ? List.of()
        : Arrays.stream(list.split("/")).map(BigDecimal::new).toList();
  }

  private static EnumSet<EstimateThreshold> thresholds(String list) {
    EnumSet<EstimateThreshold> set = EnumSet.noneOf(EstimateThreshold.class);
    if (!list.equals("-")) {
      for (String percent : list.split("/")) {
        set.add(EstimateThreshold.valueOf("PERCENT_" + percent));
      }
    }
    return set;
  }

  private static Tuple gpu(Stage stage, long minutes, String amount) {
    return tuple(stage, Duration.ofMinutes(minutes), money(amount));
  }

  private static Tuple scenario(ScenarioKind kind, String completionAt, String finalCost) {
    return tuple(kind, at(completionAt), money(finalCost));
  }
}
