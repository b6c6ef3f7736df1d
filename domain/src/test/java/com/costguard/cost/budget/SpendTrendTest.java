package com.costguard.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpendTrendTest {

  private static List<BigDecimal> months(String... amounts) {
    return java.util.Arrays.stream(amounts).map(BigDecimal::new).toList();
  }

  @Test
  void oneMonthIsNoTrend() {
    assertThat(SpendTrend.of(months("100"))).isEmpty();
    assertThat(SpendTrend.of(List.of())).isEmpty();
  }

  @Test
  void risingSpendIsExtendedByItsAverageChange() {
    SpendTrend trend = SpendTrend.of(months("100", "150", "200", "250", "300")).orElseThrow();

    assertThat(trend.direction()).isEqualTo(SpendTrend.Direction.RISING);
    assertThat(trend.averageChange()).isEqualByComparingTo("50");
    assertThat(trend.changePercent())
        .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("200"));
    assertThat(trend.nextMonth()).isEqualByComparingTo("350");
  }

  @Test
  void fallingSpendNeverForecastsBelowZero() {
    SpendTrend trend = SpendTrend.of(months("300", "10")).orElseThrow();

    assertThat(trend.direction()).isEqualTo(SpendTrend.Direction.FALLING);
    assertThat(trend.averageChange()).isEqualByComparingTo("-290");
    assertThat(trend.nextMonth()).isEqualByComparingTo("0");
  }

  @Test
  void aChangeUnderFivePercentOfTheAverageMonthIsSteady() {
    SpendTrend trend = SpendTrend.of(months("100", "120", "103")).orElseThrow();

    assertThat(trend.direction()).isEqualTo(SpendTrend.Direction.STEADY);
    assertThat(trend.averageChange()).isEqualByComparingTo("1.50");
    assertThat(trend.nextMonth()).isEqualByComparingTo("104.50");
  }

  @Test
  void monthsBeforeSpendingBeganAreNoTrend() {
    assertThat(SpendTrend.of(months("0", "0", "0", "0", "0"))).isEmpty();
    assertThat(SpendTrend.of(months("0", "0", "0", "0", "90"))).isEmpty();

    SpendTrend trend = SpendTrend.of(months("0", "0", "100", "0", "80")).orElseThrow();

    assertThat(trend.averageChange()).isEqualByComparingTo("-10");
    assertThat(trend.changePercent())
        .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("-20"));
    assertThat(trend.nextMonth()).isEqualByComparingTo("70");
  }
}
