package com.costguard.cost.budget;

import static com.costguard.cost.job.EventScript.at;
import static com.costguard.cost.job.EventScript.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.cost.job.EventScript;
import com.costguard.cost.job.JobEvent;
import com.costguard.cost.job.JobSpec;
import com.costguard.cost.job.Pricing;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Job costs accrued in a period. Times are on {@link EventScript#DAY} (a Monday, UTC) unless they
 * say {@code +1} (the next day) and so on; the A100 on spot costs $1.20/h, $0.02 a minute.
 */
class JobAccrualTest {

  private static final JobSpec A100 =
      JobSpec.of(
          Pricing.SPOT,
          new BigDecimal("1.20"),
          new BigDecimal("3.67"),
          new BigDecimal("10"),
          new BigDecimal("14"),
          2000);

  /** The same GPU with checkpoint storage at $0.05 per GB. */
  private static final JobSpec A100_STORAGE = A100.withStoragePricePerGb(new BigDecimal("0.05"));

  private static final BudgetCalendar UTC = new BudgetCalendar(ZoneOffset.UTC);
  private static final LocalDate DAY = EventScript.DAY;

  private static BudgetPeriod day(int plus) {
    return UTC.day(DAY.plusDays(plus));
  }

  private static JobAccrual job(String script, String now) {
    return JobAccrual.of(A100, parse(script), at(now));
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  @Test
  void aJobThatStartedBeforeThePeriodCountsOnlyWhatItCostInIt() {
    JobAccrual running = job("20:00 started", "+1 02:00");

    // 6 h so far (7.20), 4 h of them the day before (4.80)
    assertThat(running.in(day(1))).isEqualByComparingTo("2.40");
    assertThat(running.in(day(0))).isEqualByComparingTo("4.80");
    assertThat(running.current().currentCost()).isEqualByComparingTo("7.20");
  }

  @Test
  void aJobRunningAcrossThePeriodsEndCountsUpToItAndTheRestInTheNextPeriod() {
    JobAccrual running = job("22:00 started", "+1 01:00");

    assertThat(running.in(day(0))).isEqualByComparingTo("2.40"); // 22:00-24:00
    assertThat(running.in(day(1))).isEqualByComparingTo("1.20"); // 00:00-01:00, so far
    assertThat(running.in(day(2))).isZero();
    assertThat(running.ranIn(day(2))).isFalse();
  }

  @Test
  void aJobFinishedInsideThePeriodCountsUpToItsEnd() {
    JobAccrual finished = job("22:00 started; +1 00:30 completed", "+1 10:00");

    assertThat(finished.in(day(0))).isEqualByComparingTo("2.40");
    assertThat(finished.in(day(1))).isEqualByComparingTo("0.60");
    assertThat(finished.ranIn(day(1))).isTrue();
    assertThat(finished.ranIn(day(2))).isFalse();
    assertThat(finished.in(day(2))).isZero();
    assertThat(finished.in(day(-1))).isZero();
  }

  @Test
  void pausedTimeAcrossTheBoundaryIsBilledInNeitherPeriod() {
    JobAccrual resumed = job("22:00 started; 23:00 paused; +1 01:00 resumed", "+1 02:00");
    JobAccrual pausedAllDay = job("22:00 started; 23:00 paused; +2 01:00 resumed", "+2 02:00");

    assertThat(resumed.in(day(0))).isEqualByComparingTo("1.20"); // 22:00-23:00
    assertThat(resumed.in(day(1))).isEqualByComparingTo("1.20"); // 01:00-02:00
    assertThat(pausedAllDay.ranIn(day(1))).as("paused, not ended").isTrue();
    assertThat(pausedAllDay.in(day(1))).isZero();
    assertThat(pausedAllDay.in(day(2))).isEqualByComparingTo("1.20");
  }

  @Test
  void aJobThatStartedInsideThePeriodCountsItsWholeCostSoFar() {
    JobAccrual running = job("08:00 started; 08:10 progress 100 training", "09:30");

    assertThat(running.in(day(0))).isEqualTo(running.current().currentCost());
    assertThat(running.in(day(0))).isEqualByComparingTo("1.80");
    assertThat(running.in(BudgetPeriod.openFrom(at("06:00")))).isEqualByComparingTo("1.80");
  }

  @Test
  void aPeriodFromAResetCountsOnlyWhatTheJobCostSinceTheReset() {
    JobAccrual running = job("08:00 started", "11:00");

    assertThat(running.in(BudgetPeriod.openFrom(at("10:30")))).isEqualByComparingTo("0.60");
    assertThat(running.in(BudgetPeriod.openFrom(Instant.MIN))).isEqualByComparingTo("3.60");
  }

  @Test
  void aRunnerClockAheadOfOursCountsInThePeriodNotOverYetAsItsCostViewShowsIt() {
    JobAccrual ahead = job("08:00 started; 10:05 progress 10 training", "10:00");

    assertThat(ahead.current().currentCost()).isEqualByComparingTo("2.50"); // to 10:05
    assertThat(ahead.in(day(0))).isEqualByComparingTo("2.50");
  }

  @Test
  void aQueuedJobHasNotRunAndCostsNothing() {
    JobAccrual queued = job("", "10:00");

    assertThat(queued.ranIn(day(0))).isFalse();
    assertThat(queued.in(day(0))).isZero();
    assertThat(queued.byDay(at("00:00"), at("+1 00:00"), UTC)).isEmpty();
  }

  @Test
  void aPeriodAfterNowHasNothingYet() {
    JobAccrual running = job("08:00 started", "10:00");

    assertThat(running.ranIn(BudgetPeriod.startingAt(at("11:00"), at("12:00")))).isFalse();
    assertThat(running.ranIn(BudgetPeriod.startingAt(at("10:00"), at("12:00")))).isFalse();
    assertThat(running.in(BudgetPeriod.startingAt(at("11:00"), at("12:00")))).isZero();
  }

  @Test
  void aCostThatFellInThePeriodCountsAsNothingNotLessThanNothing() {
    // interrupted for 70 min across midnight, billed meanwhile by the gap; then 5 min reported
    JobAccrual recovered =
        job(
            "22:00 started; 23:00 interrupted; +1 00:10 recovered 5; +1 00:10 completed",
            "+1 09:00");

    assertThat(recovered.in(day(0))).isEqualByComparingTo("2.40"); // 60 min GPU + 60 min gap
    assertThat(recovered.current().currentCost()).isEqualByComparingTo("1.30");
    assertThat(recovered.in(day(1))).isZero();
    assertThat(recovered.ranIn(day(1))).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    // a period that includes its start holds what is stamped on it, one that excludes it does not
    "true,  0.00, 5.00",
    "false, 5.00, 0.00"
  })
  void anEventStampedOnTheBoundaryBelongsToThePeriodThatIncludesIt(
      boolean nextIncludesItsStart, String before, String after) {
    // 100 GB of checkpoints (5.00) reported at midnight, by a job paused all the while
    List<JobEvent> events = parse("22:00 started; 22:00 paused; +1 00:00 storage 100");
    JobAccrual paused = JobAccrual.of(A100_STORAGE, events, at("+1 06:00"));
    Instant midnight = at("+1 00:00");
    BudgetPeriod earlier =
        nextIncludesItsStart
            ? BudgetPeriod.startingAt(at("12:00"), midnight)
            : BudgetPeriod.endingAt(at("12:00"), midnight);
    BudgetPeriod later =
        nextIncludesItsStart
            ? BudgetPeriod.startingAt(midnight, at("+1 12:00"))
            : BudgetPeriod.endingAt(midnight, at("+1 06:00"));

    assertThat(paused.in(earlier)).isEqualByComparingTo(before);
    assertThat(paused.in(later)).isEqualByComparingTo(after);
  }

  @Test
  void consecutivePeriodsShareOutTheCostWithoutCountingAnyOfItTwice() {
    List<JobEvent> events =
        parse(
            "21:00 started; 21:30 progress 100 training; 23:00 paused; +1 00:00 resumed;"
                + " +1 00:00 storage 40; +1 03:00 interrupted; +1 03:20 recovered 12;"
                + " +2 00:00 storage 60; +2 05:00 completed");
    JobAccrual job = JobAccrual.of(A100_STORAGE, events, at("+3 12:00"));

    BigDecimal days = job.in(day(0)).add(job.in(day(1))).add(job.in(day(2))).add(job.in(day(3)));

    assertThat(days).isEqualByComparingTo(job.current().currentCost());
    assertThat(job.in(BudgetPeriod.startingAt(at("00:00"), at("+3 00:00"))))
        .isEqualByComparingTo(job.current().currentCost());
  }

  @Test
  void byDaySplitsTheRangeAtLocalMidnightsAndListsOnlyTheDaysTheJobRan() {
    JobAccrual running = job("22:00 started", "+1 06:00");

    Map<LocalDate, BigDecimal> days = running.byDay(at("23:00"), at("+2 12:00"), UTC);

    // 23:00-24:00 of the first day (1.20); 00:00-06:00, now, of the second (7.20)
    assertThat(days).containsOnlyKeys(DAY, DAY.plusDays(1));
    assertThat(days.get(DAY)).isEqualByComparingTo("1.20");
    assertThat(days.get(DAY.plusDays(1))).isEqualByComparingTo("7.20");
    assertThat(running.in(BudgetPeriod.startingAt(at("23:00"), at("+2 12:00"))))
        .isEqualByComparingTo("8.40");
  }

  @Test
  void byDayFollowsTheInstallationsTimeZone() {
    // Berlin is UTC+1 in March: its day ends at 23:00 UTC
    BudgetCalendar berlin = new BudgetCalendar(ZoneId.of("Europe/Berlin"));
    JobAccrual finished = job("22:00 started; +1 01:00 completed", "+1 12:00");

    Map<LocalDate, BigDecimal> days = finished.byDay(at("00:00"), at("+2 00:00"), berlin);

    assertThat(days).containsOnlyKeys(DAY, DAY.plusDays(1));
    assertThat(days.get(DAY)).isEqualByComparingTo("1.20"); // 22:00-23:00 UTC
    assertThat(days.get(DAY.plusDays(1))).isEqualByComparingTo("2.40"); // 23:00-01:00 UTC
  }

  @Test
  void theRemainingCostComesFromTheProjectionBand() {
    // The worked example of JobCostCalculatorTest at 13:00: current 5.32, projected 10.38,
    // band 8.82-11.94
    JobAccrual running =
        job(
            "08:00 started; 08:15 progress 0 preprocessing; 08:20 progress 0 training;"
                + " 10:20 progress 500; 10:20 interrupted; 10:32 recovered 8;"
                + " 11:00 storage 4.2; 12:00 paused; 12:30 resumed; 12:55 progress 1000",
            "13:00");

    assertThat(RemainingJobCost.of(running.current()))
        .contains(new RemainingJobCost(money("3.50"), money("5.06"), money("6.62")));
  }

  @Test
  void aRemainingBandBelowTheCurrentCostIsFlooredAtZero() {
    // All 2000 steps done in 2 h (2.40): only the 15 min finalization (0.30) to come; final 2.70,
    // band 2.30-3.11, whose low end is below the 2.40 already spent
    JobAccrual nearlyDone =
        job("08:00 started; 08:00 progress 0 training; 10:00 progress 2000", "10:00");

    assertThat(RemainingJobCost.of(nearlyDone.current()))
        .contains(new RemainingJobCost(money("0"), money("0.30"), money("0.71")));
  }

  @Test
  void aJobWithoutAProjectionHasNoRemainingCost() {
    assertThat(RemainingJobCost.of(job("", "10:00").current())).isEmpty();
    assertThat(RemainingJobCost.of(job("08:00 started", "10:00").current())).isEmpty();
    assertThat(
            RemainingJobCost.of(
                job("08:00 started; 08:30 progress 10 training; 09:00 completed", "10:00")
                    .current()))
        .isEmpty();
  }
}
