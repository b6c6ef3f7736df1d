package com.costguard.cost.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Zones, alerts and recommendations against the seed's estimate of $45-55 and others. */
class EstimateTest {

  @ParameterizedTest(name = "[{index}] {0} in [{1}, {2}]")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # current | min | max | zone   | alerts crossed
          0.00      | 45  | 55  | GREEN  | -
          22.18     | 45  | 55  | GREEN  | -
          35.99     | 45  | 55  | GREEN  | -
          36.00     | 45  | 55  | YELLOW | 80
          45.00     | 45  | 55  | YELLOW | 80
          54.99     | 45  | 55  | YELLOW | 80
          55.00     | 45  | 55  | YELLOW | 80/100
          55.01     | 45  | 55  | RED    | 80/100
          65.99     | 45  | 55  | RED    | 80/100
          66.00     | 45  | 55  | RED    | 80/100/120
          500       | 45  | 55  | RED    | 80/100/120
          # min = max
          7.99      | 10  | 10  | GREEN  | -
          8.00      | 10  | 10  | YELLOW | 80
          10.00     | 10  | 10  | YELLOW | 80/100
          10.01     | 10  | 10  | RED    | 80/100
          12.00     | 10  | 10  | RED    | 80/100/120
          # min = 0: every cost has reached 80% of nothing
          0.00      | 0   | 5   | YELLOW | 80
          5.01      | 0   | 5   | RED    | 80/100
          # no estimate at all
          0.00      | 0   | 0   | YELLOW | 80/100/120
          0.01      | 0   | 0   | RED    | 80/100/120
          # a wide range: 100% of max comes long after 80% of min
          80.00     | 100 | 300 | YELLOW | 80
          300.00    | 100 | 300 | YELLOW | 80/100
          359.99    | 100 | 300 | RED    | 80/100
          360.00    | 100 | 300 | RED    | 80/100/120
          """)
  void zonesAndAlerts(
      BigDecimal current, BigDecimal min, BigDecimal max, EstimateZone zone, String alerts) {
    assertThat(EstimateZone.of(current, min, max)).isEqualTo(zone);
    assertThat(EstimateThreshold.crossedBy(current, min, max)).isEqualTo(thresholds(alerts));
  }

  @ParameterizedTest(name = "[{index}] {0} against max {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # projected final | max | recommendation
          10.00             | 55  | ON_TRACK
          47.32             | 55  | ON_TRACK
          55.00             | 55  | ON_TRACK
          55.01             | 55  | SLIGHTLY_OVER
          66.00             | 55  | SLIGHTLY_OVER
          66.01             | 55  | SIGNIFICANTLY_OVER
          0.00              | 0   | ON_TRACK
          0.01              | 0   | SIGNIFICANTLY_OVER
          """)
  void recommendations(BigDecimal projected, BigDecimal max, Recommendation recommendation) {
    assertThat(Recommendation.of(projected, max)).isEqualTo(recommendation);
    assertThat(recommendation.advice()).isNotBlank();
  }

  @ParameterizedTest
  @CsvSource({"PERCENT_80, 80, 36.0", "PERCENT_100, 100, 55", "PERCENT_120, 120, 66.0"})
  void thresholdLimitsForTheSeedEstimate(
      EstimateThreshold threshold, int percent, BigDecimal limit) {
    assertThat(threshold.percent()).isEqualTo(percent);
    assertThat(threshold.limit(BigDecimal.valueOf(45), BigDecimal.valueOf(55)))
        .isEqualByComparingTo(limit);
  }

  private static Set<EstimateThreshold> thresholds(String list) {
    Set<EstimateThreshold> set = EnumSet.noneOf(EstimateThreshold.class);
    if (!list.equals("-")) {
      for (String percent : list.split("/")) {
        set.add(EstimateThreshold.valueOf("PERCENT_" + percent));
      }
    }
    return set;
  }
}
