package com.costguard.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdsTest {

  @ParameterizedTest(name = "{0} of {1} + {2} spent {3} → crossed [{4}]")
  @CsvSource({
    "'80 95 100',   100, 0,  0,         ''",
    "'80 95 100',   100, 0,  79.999999, ''",
    "'80 95 100',   100, 0,  80,        '80'",
    "'80 95 100',   100, 0,  94.99,     '80'",
    "'80 95 100',   100, 0,  95,        '80 95'",
    "'80 95 100',   100, 0,  100,       '80 95 100'",
    "'80 95 100',   100, 0,  250,       '80 95 100'",
    // a third: 2.4 of 3 is exactly 80%
    "'80 95 100',   3,   0,  2.4,       '80'",
    "'80 95 100',   3,   0,  2.399999,  ''",
    // rollover raises the bar: 120 of 150 is 80%
    "'80 95 100',   100, 50, 120,       '80'",
    "'80 95 100',   100, 50, 142.5,     '80 95'",
    "'80 95 100',   100, 50, 149.99,    '80 95'",
    // thresholds up to 1000%
    "'1 500 1000',  10,  0,  0.1,       '1'",
    "'1 500 1000',  10,  0,  99.99,     '1 500'",
    "'1 500 1000',  10,  0,  100,       '1 500 1000'",
    "'',            10,  0,  100,       ''",
  })
  void aThresholdIsCrossedWhenSpendIsAtOrAboveIt(
      String percents, BigDecimal limit, BigDecimal rollover, BigDecimal spent, String crossed) {
    assertThat(thresholds(percents).crossed(limit.add(rollover), spent))
        .isEqualTo(percents(crossed));
  }

  @ParameterizedTest(name = "fired [{0}], spent {1} of 100 → fire [{2}]")
  @CsvSource({
    "'',         96,  '80 95'",
    "'80',       96,  '95'",
    "'80 95',    96,  ''",
    "'80 95',    100, '100'",
    "'100',      100, '80 95'", // fired out of order (a lost race) still fires the others once
  })
  void onlyCrossedThresholdsThatHaveNotFiredAreToFire(
      String fired, BigDecimal spent, String toFire) {
    assertThat(Thresholds.DEFAULT.toFire(percents(fired), BigDecimal.valueOf(100), spent))
        .isEqualTo(percents(toFire));
  }

  @ParameterizedTest(name = "limit 100 → {0} with 96 spent re-arms [{1}]")
  @CsvSource({
    "120, '95'", // 96 of 120 is exactly 80%: 80 stays crossed
    "121, '80 95'",
    "200, '80 95'",
    "100, ''",
    "50,  ''", // a lower limit re-arms nothing
  })
  void raisingTheLimitReArmsTheThresholdsNoLongerCrossed(BigDecimal newLimit, String rearmed) {
    assertThat(
            Thresholds.DEFAULT.rearmedByLimitChange(
                BigDecimal.valueOf(100), newLimit, BigDecimal.valueOf(96)))
        .isEqualTo(percents(rearmed));
  }

  @Test
  void aRollingWindowReArmsWhatItsSpendFellBackBelow() {
    Set<Integer> fired = Set.of(100, 80, 95);

    assertThat(Thresholds.rearmed(fired, BigDecimal.valueOf(100), BigDecimal.valueOf(90)))
        .containsExactly(95, 100);
    assertThat(Thresholds.rearmed(fired, BigDecimal.valueOf(100), BigDecimal.valueOf(100)))
        .isEmpty();
    assertThat(Thresholds.rearmed(Set.of(), BigDecimal.valueOf(100), BigDecimal.ZERO)).isEmpty();
  }

  @Test
  void thresholdsAreWholePercentsFrom1To1000KeptSortedAndDistinct() {
    assertThat(Thresholds.DEFAULT.percents()).containsExactly(80, 95, 100);
    assertThat(Thresholds.of(100, 80, 100, 1, 1000).percents()).containsExactly(1, 80, 100, 1000);
    assertThat(Thresholds.of().percents()).isEmpty();
    assertThatThrownBy(() -> Thresholds.of(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Thresholds.of(1001)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Thresholds.of(80, -5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Thresholds(Arrays.asList(80, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Thresholds thresholds(String percents) {
    return new Thresholds(percents(percents));
  }

  private static List<Integer> percents(String percents) {
    return Arrays.stream(percents.split(" "))
        .filter(s -> !s.isEmpty())
        .map(Integer::valueOf)
        .toList();
  }
}
