package com.costguard.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.cost.budget.BudgetPeriod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HourSplitTest {

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  @Test
  void aMonthOnWholeHoursIsAllRollups() {
    HourSplit split =
        HourSplit.of(
            BudgetPeriod.startingAt(at("2026-11-01T00:00:00Z"), at("2026-12-01T00:00:00Z")));
    assertThat(split.whole()).isTrue();
    assertThat(split.wholeFrom()).contains(at("2026-11-01T00:00:00Z"));
    assertThat(split.wholeTo()).contains(at("2026-12-01T00:00:00Z"));
    assertThat(split.partial()).isEmpty();
  }

  @Test
  void aRollingWindowReadsItsPartialHoursFromTheEvents() {
    BudgetPeriod window =
        BudgetPeriod.endingAt(at("2026-10-24T10:15:30Z"), at("2026-11-23T10:15:30Z"));
    HourSplit split = HourSplit.of(window);
    assertThat(split.wholeFrom()).contains(at("2026-10-24T11:00:00Z"));
    assertThat(split.wholeTo()).contains(at("2026-11-23T10:00:00Z"));
    assertThat(split.partial())
        .containsExactly(
            new BudgetPeriod(
                at("2026-10-24T10:15:30Z"), false, Optional.of(at("2026-10-24T11:00:00Z")), false),
            new BudgetPeriod(
                at("2026-11-23T10:00:00Z"), true, Optional.of(at("2026-11-23T10:15:30Z")), true));
  }

  @Test
  void anExcludedStartOnTheHourAndAnIncludedEndOnTheHourAreReadFromTheEvents() {
    HourSplit split =
        HourSplit.of(BudgetPeriod.endingAt(at("2026-11-01T00:00:00Z"), at("2026-11-02T00:00:00Z")));
    assertThat(split.wholeFrom()).contains(at("2026-11-01T01:00:00Z"));
    assertThat(split.wholeTo()).contains(at("2026-11-02T00:00:00Z"));
    assertThat(split.partial())
        .containsExactly(
            new BudgetPeriod(
                at("2026-11-01T00:00:00Z"), false, Optional.of(at("2026-11-01T01:00:00Z")), false),
            new BudgetPeriod(
                at("2026-11-02T00:00:00Z"), true, Optional.of(at("2026-11-02T00:00:00Z")), true));
  }

  @Test
  void aStretchWithinOneHourIsReadFromTheEventsAlone() {
    BudgetPeriod short_ =
        BudgetPeriod.startingAt(at("2026-11-01T10:05:00Z"), at("2026-11-01T11:00:00Z"));
    HourSplit split = HourSplit.of(short_);
    assertThat(split.whole()).isFalse();
    assertThat(split.partial()).isEqualTo(List.of(short_));
  }

  @Test
  void aPeriodUntilResetHasNoEndAndOneFromTheBeginningNoStart() {
    HourSplit open = HourSplit.of(BudgetPeriod.openFrom(at("2026-11-01T10:05:00Z")));
    assertThat(open.wholeFrom()).contains(at("2026-11-01T11:00:00Z"));
    assertThat(open.wholeTo()).isEmpty();
    assertThat(open.partial()).hasSize(1);
    HourSplit all = HourSplit.of(BudgetPeriod.openFrom(Instant.MIN));
    assertThat(all.whole()).isTrue();
    assertThat(all.wholeFrom()).isEmpty();
    assertThat(all.partial()).isEmpty();
  }
}
