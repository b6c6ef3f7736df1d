package com.costguard.cost.optimization;

import com.costguard.cost.attribution.CostedJob;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Spot vs on-demand over a range (SPEC §2; seed FR7.3.1). Every job that ran in the range counts
 * with its whole cost view (what {@code GET /jobs/{id}/cost} shows), each figure from the job cost
 * engine. The engine's current cost already holds the recovery overhead, so:
 *
 * <ul>
 *   <li>{@code totalSpotCost} = the spot jobs' current costs;
 *   <li>{@code savings} = on-demand equivalent − (spot cost − recovery overhead): what spot saved
 *       before its interruptions;
 *   <li>{@code netSavings} = on-demand equivalent − spot cost = savings − recovery overhead: the
 *       sum of the engine's per-job savings.
 * </ul>
 *
 * @param jobs every job in the range, highest net savings first
 * @param averageInterruptions per spot job, two decimals
 * @param histogram spot jobs by their number of interruptions
 * @param shareWithAtMostTwoInterruptions percent of spot jobs with ≤ 2 interruptions
 * @param byMonth net savings by the month the jobs started, every month of the range
 * @param monthlySavings the mean of {@code byMonth}
 * @param annualisedSavings monthly × 12
 * @param cumulative net savings added up day by day (days with spot jobs)
 * @param spotSharePercent spot jobs / all jobs × 100
 * @param interruptionRatePercent spot jobs interrupted at least once / spot jobs × 100
 */
public record SpotSavings(
    List<CostedJob> jobs,
    int spotJobs,
    int onDemandJobs,
    BigDecimal totalSpotCost,
    BigDecimal onDemandEquivalent,
    BigDecimal savings,
    Optional<BigDecimal> savingsPercent,
    int interruptions,
    Optional<BigDecimal> averageInterruptions,
    SortedMap<Integer, Integer> histogram,
    BigDecimal recoveryOverhead,
    BigDecimal netSavings,
    Optional<BigDecimal> netSavingsPercent,
    Optional<BigDecimal> shareWithAtMostTwoInterruptions,
    SortedMap<YearMonth, BigDecimal> byMonth,
    BigDecimal monthlySavings,
    BigDecimal annualisedSavings,
    List<Point> cumulative,
    Optional<BigDecimal> spotSharePercent,
    Optional<BigDecimal> interruptionRatePercent,
    List<Advice> advice) {

  /** Net savings added up to the end of {@code date}. */
  public record Point(LocalDate date, BigDecimal cumulativeSavings) {}

  public SpotSavings {
    jobs = List.copyOf(jobs);
    cumulative = List.copyOf(cumulative);
    advice = List.copyOf(advice);
  }
}
