package com.costguard.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetStatusTest {

  private static final BudgetPeriod MAY =
      BudgetPeriod.startingAt(
          Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"));

  @ParameterizedTest(name = "limit {0} + {1}, spent {2} → remaining {3}, {4}%, exceeded {5}")
  @CsvSource({
    // seed 004's example
    "10,   0,  2.5,       7.5,      25.00,  false",
    "300,  0,  100,       200,      33.33,  false",
    "300,  0,  200,       100,      66.67,  false",
    // shown as 100.00% but one micro-dollar short: not exceeded
    "100,  0,  99.999999, 0.000001, 100.00, false",
    "100,  0,  100,       0,        100.00, true",
    "100,  0,  150,       0,        150.00, true",
    "100,  0,  0,         100,      0.00,   false",
    // a percentage exactly on the half cent rounds up; just below it rounds down
    "7,    0,  0.00035,   6.99965,  0.01,   false",
    "7,    0,  0.000349,  6.999651, 0.00,   false",
    "0.03, 0,  0.0001,    0.0299,   0.33,   false",
    // rollover raises what is available
    "100,  50, 120,       30,       80.00,  false",
    "100,  50, 150,       0,        100.00, true",
  })
  void statusIsMeasuredAgainstTheLimitPlusRollover(
      BigDecimal limit,
      BigDecimal rollover,
      BigDecimal spent,
      BigDecimal remaining,
      BigDecimal percent,
      boolean exceeded) {
    BudgetStatus status = BudgetStatus.of(limit, rollover, spent, BigDecimal.ZERO, MAY);

    assertThat(status.remaining()).isEqualByComparingTo(remaining);
    assertThat(status.usagePercentage()).isEqualTo(percent);
    assertThat(status.isExceeded()).isEqualTo(exceeded);
    assertThat(status.available()).isEqualByComparingTo(limit.add(rollover));
    assertThat(status.spent()).isEqualTo(spent);
    assertThat(status.periodStart()).isEqualTo(MAY.start());
    assertThat(status.periodEnd()).isEqualTo(MAY.end());
  }

  @ParameterizedTest(name = "limit 100, spent {0}, reserved {1}, new job up to {2} → {3}")
  @CsvSource({
    "60,  20, 20,        true",
    "60,  20, 20.000001, false",
    "60,  0,  40,        true",
    "60,  40, 0.01,      false",
    "100, 0,  0,         false", // at 100% nothing more starts
    "0,   0,  100,       true",
  })
  void aNewJobFitsWhenSpentPlusReservedPlusItsEstimateStayWithinTheLimit(
      BigDecimal spent, BigDecimal reserved, BigDecimal estimateMax, boolean admitted) {
    BudgetStatus status =
        BudgetStatus.of(BigDecimal.valueOf(100), BigDecimal.ZERO, spent, reserved, MAY);

    assertThat(status.admitsNewJob(estimateMax)).isEqualTo(admitted);
    assertThat(status.reserved()).isEqualTo(reserved);
  }

  @Test
  void reservationsAreReportedNotTakenOffTheRemainder() {
    BudgetStatus status =
        BudgetStatus.of(
            BigDecimal.valueOf(100),
            BigDecimal.ZERO,
            BigDecimal.valueOf(30),
            BigDecimal.valueOf(50),
            MAY);

    assertThat(status.remaining()).isEqualByComparingTo("70");
    assertThat(status.usagePercentage()).isEqualTo(new BigDecimal("30.00"));
  }

  @Test
  void aSessionBudgetHasNoPeriodEnd() {
    BudgetStatus status =
        BudgetStatus.of(
            BigDecimal.TEN,
            BigDecimal.ZERO,
            BigDecimal.ONE,
            BigDecimal.ZERO,
            BudgetPeriod.openFrom(MAY.start()));

    assertThat(status.periodEnd()).isEqualTo(Optional.empty());
  }

  @Test
  void aLimitMustBePositiveAndRolloverAndReservationsNotNegative() {
    assertThatThrownBy(
            () ->
                BudgetStatus.of(
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO, MAY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                BudgetStatus.of(
                    BigDecimal.TEN, BigDecimal.ONE.negate(), BigDecimal.ONE, BigDecimal.ZERO, MAY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                BudgetStatus.of(
                    BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE.negate(), MAY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "estimate max {0}, spent {1} → holds {2}")
  @CsvSource({
    "100, 30, 70",
    "100, 100, 0",
    "100, 120.5, 0",
    "100, 0, 100",
    "0.000003, 0.000001, 0.000002"
  })
  void aJobReservesTheUnspentPartOfItsEstimateMaximum(
      BigDecimal estimateMax, BigDecimal current, BigDecimal held) {
    assertThat(Reservation.heldBy(estimateMax, current)).isEqualByComparingTo(held);
  }
}
