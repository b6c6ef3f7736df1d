package com.costguard.cost.optimization;

import static com.costguard.cost.attribution.Jobs.onDemand;
import static com.costguard.cost.attribution.Jobs.spot;
import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.cost.attribution.CostedJob;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpotSavingsCalculatorTest {

  private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
  private static final LocalDate MARCH_9 = LocalDate.of(2026, 3, 9);
  private static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);
  private static final YearMonth MARCH = YearMonth.of(2026, 3);
  private static final YearMonth APRIL = YearMonth.of(2026, 4);

  /** Seed FR7.3.1's shape: spot cost includes the overhead; net = engine savings. */
  @Test
  void everyFigureOfTheSpotList() {
    List<CostedJob> jobs =
        List.of(
            spot(1, MARCH_2, "100.00", "300.00", 0, "0.00"),
            spot(2, MARCH_9, "60.00", "150.00", 3, "6.00"),
            spot(3, APRIL_1, "40.00", "100.00", 1, "2.00"),
            onDemand(4, MARCH_2, "50.00"));

    SpotSavings s = SpotSavingsCalculator.analyse(jobs, MARCH, APRIL);

    assertThat(s.spotJobs()).isEqualTo(3);
    assertThat(s.onDemandJobs()).isEqualTo(1);
    assertThat(s.totalSpotCost()).isEqualByComparingTo("200.00");
    assertThat(s.onDemandEquivalent()).isEqualByComparingTo("550.00");
    assertThat(s.recoveryOverhead()).isEqualByComparingTo("8.00");
    assertThat(s.savings()).isEqualByComparingTo("358.00");
    assertThat(s.savingsPercent()).contains(new BigDecimal("65.09"));
    assertThat(s.netSavings()).isEqualByComparingTo("350.00");
    assertThat(s.netSavingsPercent()).contains(new BigDecimal("63.64"));
    assertThat(s.interruptions()).isEqualTo(4);
    assertThat(s.averageInterruptions()).contains(new BigDecimal("1.33"));
    assertThat(s.histogram()).isEqualTo(Map.of(0, 1, 1, 1, 3, 1));
    assertThat(s.shareWithAtMostTwoInterruptions()).contains(new BigDecimal("66.67"));
    assertThat(s.byMonth())
        .containsEntry(MARCH, new BigDecimal("290.00"))
        .containsEntry(APRIL, new BigDecimal("60.00"));
    assertThat(s.monthlySavings()).isEqualByComparingTo("175.00");
    assertThat(s.annualisedSavings()).isEqualByComparingTo("2100.00");
    assertThat(s.cumulative())
        .extracting(SpotSavings.Point::cumulativeSavings)
        .containsExactly(
            new BigDecimal("200.00"), new BigDecimal("290.00"), new BigDecimal("350.00"));
    assertThat(s.spotSharePercent()).contains(new BigDecimal("75.00"));
    assertThat(s.interruptionRatePercent()).contains(new BigDecimal("66.67"));
    // 50.00 on demand at the 63.64 % spot saved here.
    assertThat(s.advice())
        .containsExactly(
            new Advice(Advice.Kind.MORE_SPOT, Optional.of(new BigDecimal("31.82"))),
            new Advice(Advice.Kind.OFF_PEAK, Optional.empty()));
    assertThat(s.advice().get(0).text())
        .isEqualTo("Increase spot usage to 95% for an additional $31.82 savings");
    assertThat(s.jobs()).extracting(CostedJob::id).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void aMixOfEightyPercentSpotIsOptimalAndRareInterruptionsNeedNoAdvice() {
    List<CostedJob> jobs =
        List.of(
            spot(1, MARCH_2, "10.00", "30.00", 0, "0"),
            spot(2, MARCH_2, "10.00", "30.00", 0, "0"),
            spot(3, MARCH_2, "10.00", "30.00", 0, "0"),
            spot(4, MARCH_2, "10.00", "30.00", 1, "0.10"),
            onDemand(5, MARCH_2, "10.00"));
    SpotSavings s = SpotSavingsCalculator.analyse(jobs, MARCH, MARCH);
    assertThat(s.spotSharePercent()).contains(new BigDecimal("80.00"));
    assertThat(s.interruptionRatePercent()).contains(new BigDecimal("25.00"));
    assertThat(s.advice()).extracting(Advice::kind).containsExactly(Advice.Kind.OPTIMAL);
  }

  @Test
  void aJobThatStartedBeforeTheRangeCountsInItsFirstMonth() {
    SpotSavings s =
        SpotSavingsCalculator.analyse(
            List.of(spot(1, LocalDate.of(2026, 2, 27), "10.00", "30.00", 0, "0")), MARCH, APRIL);
    assertThat(s.byMonth())
        .containsExactly(
            Map.entry(MARCH, new BigDecimal("20.00")), Map.entry(APRIL, BigDecimal.ZERO));
    assertThat(s.monthlySavings()).isEqualByComparingTo("10.00");
  }

  @Test
  void nothingRanNothingToSay() {
    SpotSavings s = SpotSavingsCalculator.analyse(List.of(), MARCH, MARCH);
    assertThat(s.totalSpotCost()).isEqualByComparingTo("0");
    assertThat(s.savingsPercent()).isEmpty();
    assertThat(s.averageInterruptions()).isEmpty();
    assertThat(s.advice()).isEmpty();
    assertThat(s.monthlySavings()).isEqualByComparingTo("0");
  }
}
