package com.costguard.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpendAnomalyTest {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

  @ParameterizedTest(name = "history [{0}], day {1} → anomaly {2}")
  @CsvSource({
    // 14 days alternating 9 and 11: mean 10, σ = √(14/13) ≈ 1.0377, so the bar is ≈ 13.113
    "'9 11 9 11 9 11 9 11 9 11 9 11 9 11', 13.12,   true",
    "'9 11 9 11 9 11 9 11 9 11 9 11 9 11', 13.11,   false",
    "'9 11 9 11 9 11 9 11 9 11 9 11 9 11', 0,       false",
    // 7 days, the minimum: mean ≈ 10.857, σ ≈ 2.2678, the bar ≈ 17.661
    "'10 10 10 10 10 10 16',               17.67,   true",
    "'10 10 10 10 10 10 16',               17.66,   false",
    // 6 days are not enough to judge, however high the day
    "'10 10 10 10 10 10',                  1000000, false",
    // a flat history has σ = 0: any day above it stands out, a day equal to it does not
    "'0 0 0 0 0 0 0',                      0.01,    true",
    "'0 0 0 0 0 0 0',                      0,       false",
    "'10 10 10 10 10 10 10 10',            10,      false",
    "'10 10 10 10 10 10 10 10',            10.000001, true",
  })
  void aDayIsAnAnomalyWhenItExceedsTheTrailingMeanByThreeStandardDeviations(
      String history, BigDecimal spend, boolean anomaly) {
    List<DailySpend> daily = new ArrayList<>(trailing(history));
    daily.add(new DailySpend(DAY, spend));

    assertThat(SpendAnomaly.detect(DAY, daily).isPresent()).isEqualTo(anomaly);
  }

  @Test
  void theAnomalyReportsTheFiguresItWasJudgedBy() {
    List<DailySpend> daily = new ArrayList<>(trailing("9 11 9 11 9 11 9 11 9 11 9 11 9 11"));
    daily.add(new DailySpend(DAY, new BigDecimal("13.12")));

    SpendAnomaly anomaly = SpendAnomaly.detect(DAY, daily).orElseThrow();

    assertThat(anomaly.day()).isEqualTo(DAY);
    assertThat(anomaly.spend()).isEqualByComparingTo("13.12");
    assertThat(anomaly.historyDays()).isEqualTo(14);
    assertThat(anomaly.mean()).isEqualByComparingTo("10");
    // √(14/13) = 1.0377490433255416…, to 16 digits
    assertThat(anomaly.standardDeviation()).isEqualByComparingTo("1.037749043325542");
  }

  @Test
  void onlyTheFourteenDaysBeforeTheDayCount() {
    List<DailySpend> daily = new ArrayList<>(trailing("9 11 9 11 9 11 9 11 9 11 9 11 9 11"));
    // a fortnight earlier, far higher days: outside the window, they change nothing
    for (int d = 15; d <= 20; d++) {
      daily.add(new DailySpend(DAY.minusDays(d), BigDecimal.valueOf(1000)));
    }
    // and a later day is not history either
    daily.add(new DailySpend(DAY.plusDays(1), BigDecimal.valueOf(1000)));
    daily.add(new DailySpend(DAY, new BigDecimal("13.12")));

    assertThat(SpendAnomaly.detect(DAY, daily))
        .get()
        .extracting(SpendAnomaly::historyDays)
        .isEqualTo(14);
  }

  @Test
  void entriesOfTheSameDayAreAddedUpAndMissingDaysAreUnknown() {
    List<DailySpend> daily = new ArrayList<>();
    // seven known days out of fourteen, one reported in two halves
    for (int d = 2; d <= 14; d += 2) {
      daily.add(new DailySpend(DAY.minusDays(d), BigDecimal.TEN));
    }
    daily.add(new DailySpend(DAY.minusDays(2), BigDecimal.ZERO));
    daily.add(new DailySpend(DAY, new BigDecimal("6")));
    daily.add(new DailySpend(DAY, new BigDecimal("4.000001")));

    Optional<SpendAnomaly> anomaly = SpendAnomaly.detect(DAY, daily);

    assertThat(anomaly).get().extracting(SpendAnomaly::historyDays).isEqualTo(7);
    assertThat(anomaly.get().spend()).isEqualByComparingTo("10.000001");
  }

  @Test
  void aDayWithoutAnEntrySpentNothing() {
    assertThat(SpendAnomaly.detect(DAY, trailing("0 0 0 0 0 0 0 0"))).isEmpty();
  }

  @Test
  void quietDaysTalliedInTheInstallationsZoneAreHistoryToo() {
    BudgetCalendar berlin = new BudgetCalendar(ZoneId.of("Europe/Berlin"));
    SpendAttribution acme = SpendAttribution.ofNullable("acme", null, null, null);
    List<SpendItem> items =
        List.of(
            // 23:30 on 25 October, the 25-hour day, in Berlin
            SpendItem.costEvent(
                BigDecimal.valueOf(50), Instant.parse("2026-10-25T22:30:00Z"), acme),
            // 00:30 on 26 October in Berlin
            SpendItem.costEvent(BigDecimal.ONE, Instant.parse("2026-10-25T23:30:00Z"), acme));
    LocalDate day = LocalDate.of(2026, 10, 25);

    List<DailySpend> daily =
        DailySpend.tally(
            items, BudgetScope.wholeOrganisation(), berlin, day.minusDays(7), day.plusDays(1));

    assertThat(daily).hasSize(9);
    assertThat(daily.get(7)).isEqualTo(new DailySpend(day, BigDecimal.valueOf(50)));
    assertThat(daily.get(8).amount()).isEqualByComparingTo("1");
    assertThat(SpendAnomaly.detect(day, daily))
        .get()
        .extracting(SpendAnomaly::historyDays)
        .isEqualTo(7);
    assertThat(SpendAnomaly.detect(day.plusDays(1), daily)).isEmpty();
  }

  @Test
  void theExactRuleAgreesWithMeanPlusThreeSigmaComputedTo60Digits() {
    MathContext precise = new MathContext(60);
    Random random = new Random(314);
    int anomalies = 0;
    for (int round = 0; round < 3_000; round++) {
      int n = 7 + random.nextInt(8);
      List<DailySpend> daily = new ArrayList<>();
      BigDecimal sum = BigDecimal.ZERO;
      List<BigDecimal> values = new ArrayList<>();
      for (int d = 1; d <= n; d++) {
        BigDecimal x = BigDecimal.valueOf(random.nextInt(2_000_000), 4);
        values.add(x);
        sum = sum.add(x);
        daily.add(new DailySpend(DAY.minusDays(d), x));
      }
      BigDecimal mean = sum.divide(BigDecimal.valueOf(n), precise);
      BigDecimal squares = BigDecimal.ZERO;
      for (BigDecimal x : values) {
        squares = squares.add(x.subtract(mean).pow(2));
      }
      BigDecimal sigma = squares.divide(BigDecimal.valueOf(n - 1L), precise).sqrt(precise);
      BigDecimal bar = mean.add(sigma.multiply(BigDecimal.valueOf(3)));
      BigDecimal spend =
          bar.add(BigDecimal.valueOf(random.nextInt(2_000) - 1_000, 4))
              .setScale(4, RoundingMode.DOWN);
      if (spend.subtract(bar).abs().compareTo(new BigDecimal("1e-40")) < 0) {
        continue;
      }
      daily.add(new DailySpend(DAY, spend));

      boolean anomaly = SpendAnomaly.detect(DAY, daily).isPresent();

      assertThat(anomaly).as("%s then %s", values, spend).isEqualTo(spend.compareTo(bar) > 0);
      anomalies += anomaly ? 1 : 0;
    }
    assertThat(anomalies).isBetween(500, 2_500);
  }

  /** Values for the days before {@link #DAY}, the last one the day before. */
  private static List<DailySpend> trailing(String values) {
    List<BigDecimal> amounts = Arrays.stream(values.split(" ")).map(BigDecimal::new).toList();
    List<DailySpend> daily = new ArrayList<>();
    for (int i = 0; i < amounts.size(); i++) {
      daily.add(new DailySpend(DAY.minusDays(amounts.size() - i), amounts.get(i)));
    }
    return daily;
  }
}
