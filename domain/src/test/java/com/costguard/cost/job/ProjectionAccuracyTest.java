package com.costguard.cost.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectionAccuracyTest {

  /**
   *
   *
   * <pre>
   * A100 spot       projected 47.32, final 50.00: |−2.68| / 50  = 0.0536
   * A100 on demand  projected 100,   final 80:    20 / 80       = 0.25
   * H100 spot       projected 30,    final 30:                    0
   * V100 spot       projected 12,    final 0:     nothing to measure against, left out
   * overall   (0.0536 + 0.25 + 0) / 3 = 0.1012  → 10.12%
   * A100      (0.0536 + 0.25) / 2     = 0.1518  → 15.18%;  H100 0.00%
   * spot      (0.0536 + 0) / 2        = 0.0268  →  2.68%;  on demand 25.00%
   * </pre>
   */
  @Test
  void meanAbsolutePercentErrorOverallByGpuTypeAndByPricing() {
    ProjectionAccuracy accuracy =
        ProjectionAccuracy.of(
            List.of(
                outcome("A100", Pricing.SPOT, "47.32", "50.00"),
                outcome("A100", Pricing.ON_DEMAND, "100", "80"),
                outcome("H100", Pricing.SPOT, "30", "30"),
                outcome("V100", Pricing.SPOT, "12", "0")));

    assertThat(accuracy.jobsCompared()).isEqualTo(3);
    assertThat(accuracy.overall()).contains(new BigDecimal("10.12"));
    assertThat(accuracy.byGpuType())
        .containsExactly(
            entry("A100", new BigDecimal("15.18")), entry("H100", new BigDecimal("0.00")));
    assertThat(accuracy.byPricing())
        .containsExactly(
            entry(Pricing.SPOT, new BigDecimal("2.68")),
            entry(Pricing.ON_DEMAND, new BigDecimal("25.00")));
  }

  @Test
  void overAndUnderProjectionsDoNotCancelOut() {
    // +10% and −10%: the mean absolute error is 10%, not 0.
    ProjectionAccuracy accuracy =
        ProjectionAccuracy.of(
            List.of(
                outcome("A100", Pricing.SPOT, "110", "100"),
                outcome("A100", Pricing.SPOT, "90", "100")));

    assertThat(accuracy.overall()).contains(new BigDecimal("10.00"));
  }

  @Test
  void aThirdRoundsToTwoDecimals() {
    // 1/3, 0 and 0: a mean of 1/9 = 11.11%.
    ProjectionAccuracy accuracy =
        ProjectionAccuracy.of(
            List.of(
                outcome("L4", Pricing.ON_DEMAND, "4", "3"),
                outcome("L4", Pricing.ON_DEMAND, "3", "3"),
                outcome("L4", Pricing.ON_DEMAND, "3", "3")));

    assertThat(accuracy.overall()).contains(new BigDecimal("11.11"));
  }

  @Test
  void noComparableJobMeansNoFigures() {
    assertThat(ProjectionAccuracy.of(List.of()))
        .isEqualTo(new ProjectionAccuracy(0, Optional.empty(), Map.of(), Map.of()));
    assertThat(ProjectionAccuracy.of(List.of(outcome("A100", Pricing.SPOT, "5", "0"))).overall())
        .isEmpty();
  }

  @Test
  void theHalfwayProjectionOfACompletedJobFeedsTheAccuracy() {
    // The A100 job of JobCostCalculatorTest: projected 5.40 at step 1000, cost 5.40 at the end.
    List<JobEvent> events =
        EventScript.parse(
            "08:00 started; 08:15 progress 0 training; 09:15 progress 400;"
                + " 10:15 progress 1000; 12:15 progress 2000 finalizing; 12:30 completed");
    JobSpec spec = JobCostCalculatorTest.A100_SPOT;
    BigDecimal halfway = JobCostCalculator.projectedFinalAtHalfway(spec, events).orElseThrow();
    BigDecimal finalCost =
        JobCostCalculator.cost(spec, events, EventScript.at("13:00")).currentCost();

    ProjectionAccuracy accuracy =
        ProjectionAccuracy.of(
            List.of(new ProjectionOutcome("A100", Pricing.SPOT, halfway, finalCost)));

    assertThat(halfway).isEqualTo(new BigDecimal("5.40"));
    assertThat(finalCost).isEqualTo(new BigDecimal("5.40"));
    assertThat(accuracy.overall()).contains(new BigDecimal("0.00"));
  }

  private static ProjectionOutcome outcome(
      String gpuType, Pricing pricing, String projected, String finalCost) {
    return new ProjectionOutcome(
        gpuType, pricing, new BigDecimal(projected), new BigDecimal(finalCost));
  }
}
