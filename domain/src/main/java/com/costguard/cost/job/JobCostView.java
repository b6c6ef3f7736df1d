package com.costguard.cost.job;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A job's cost at one instant: the {@code GET /jobs/{id}/cost} view of SPEC §5. Every amount is
 * rounded to cents; {@code currentCost} is exactly the sum of the breakdown's lines.
 *
 * @param state where the job stands
 * @param asOf the instant costed: the instant asked for, or the latest event if that is later
 * @param hourlyRate the job's hourly rate on its pricing tier
 * @param activeTime billed GPU time (all stages)
 * @param pausedTime time between {@code paused} and {@code resumed}, not billed
 * @param percentOfEstimate current cost / estimate min × 100, two decimals; empty when the estimate
 *     min is 0
 * @param thresholdsCrossed the estimate alerts the current cost has reached
 * @param variance projected final − midpoint(min, max), negative below it; the final cost stands in
 *     for the projection once the job has finished; empty while no projection can be made
 * @param onDemandEquivalent the same GPU hours at the on-demand rate (no interruption overhead)
 *     plus the same storage
 * @param savings on-demand equivalent − current cost (negative when the job costs more)
 * @param savingsPercent savings / on-demand equivalent × 100, two decimals; empty when the
 *     on-demand equivalent is 0
 * @param projection where a running job is heading; empty when it cannot be computed (see {@link
 *     ProjectionCalculator#project})
 */
public record JobCostView(
    JobState state,
    Instant asOf,
    BigDecimal currentCost,
    CostBreakdown breakdown,
    BigDecimal hourlyRate,
    Duration activeTime,
    Duration pausedTime,
    Optional<BigDecimal> percentOfEstimate,
    EstimateZone zone,
    Set<EstimateThreshold> thresholdsCrossed,
    Optional<BigDecimal> variance,
    BigDecimal onDemandEquivalent,
    BigDecimal savings,
    Optional<BigDecimal> savingsPercent,
    Optional<Projection> projection) {

  public JobCostView {
    EnumSet<EstimateThreshold> crossed = EnumSet.noneOf(EstimateThreshold.class);
    crossed.addAll(thresholdsCrossed);
    thresholdsCrossed = Collections.unmodifiableSet(crossed); // in threshold order
  }

  /** Whole minutes of billed GPU time ("Active: 6h 15m"). */
  public long activeMinutes() {
    return activeTime.toMinutes();
  }

  /** Whole minutes paused ("Paused: 8m"). */
  public long pausedMinutes() {
    return pausedTime.toMinutes();
  }
}
