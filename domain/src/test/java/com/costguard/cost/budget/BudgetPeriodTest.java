package com.costguard.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetPeriodTest {

  private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
  private static final Instant END = Instant.parse("2026-06-01T00:00:00Z");

  @ParameterizedTest(name = "{0}: calendar {1}, rolling {2}, open {3}")
  @CsvSource({
    "2026-04-30T23:59:59.999999999Z, false, false, false",
    "2026-05-01T00:00:00Z,           true,  false, true",
    "2026-05-01T00:00:00.000000001Z, true,  true,  true",
    "2026-05-31T23:59:59.999999999Z, true,  true,  true",
    "2026-06-01T00:00:00Z,           false, true,  true",
    "2026-06-01T00:00:00.000000001Z, false, false, true",
  })
  void eachKindOfPeriodIncludesTheRightEnds(
      Instant instant, boolean calendar, boolean rolling, boolean open) {
    assertThat(BudgetPeriod.startingAt(START, END).contains(instant)).isEqualTo(calendar);
    assertThat(BudgetPeriod.endingAt(START, END).contains(instant)).isEqualTo(rolling);
    assertThat(BudgetPeriod.openFrom(START).contains(instant)).isEqualTo(open);
  }

  @Test
  void aPeriodCannotEndBeforeItStartsNorIncludeAMissingEnd() {
    assertThatThrownBy(() -> BudgetPeriod.startingAt(END, START))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BudgetPeriod(START, true, Optional.empty(), true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyPeriodContainsNothing() {
    assertThat(BudgetPeriod.startingAt(START, START).contains(START)).isFalse();
    assertThat(BudgetPeriod.endingAt(START, START).contains(START)).isFalse();
  }

  @Test
  void periodTypesHaveTheApiNamesOfSpecSection5() {
    assertThat(PeriodType.values())
        .extracting(PeriodType::apiName)
        .containsExactly(
            "daily", "weekly", "calendar_month", "rolling_30_days", "session", "total");
    for (PeriodType type : PeriodType.values()) {
      assertThat(PeriodType.fromApiName(type.apiName())).contains(type);
    }
    assertThat(PeriodType.fromApiName("monthly")).isEmpty();
    assertThat(PeriodType.fromApiName("DAILY")).isEmpty();
    assertThat(PeriodType.DEFAULT).isEqualTo(PeriodType.CALENDAR_MONTH);
  }
}
