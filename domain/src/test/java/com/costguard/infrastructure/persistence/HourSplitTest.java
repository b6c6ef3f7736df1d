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

  /** A late now: every hour of the stretches below lies wholly in the past. */
  private static final Instant LATER = Instant.parse("2027-01-01T00:00:00Z");

  private static BudgetPeriod part(String from, boolean fromIn, String to, boolean toIn) {
    return new BudgetPeriod(at(from), fromIn, Optional.of(at(to)), toIn);
  }

  @Test
  void aRollingWindowEndingNowIsItsLastHourLessTheEventsDatedAfterNow() {
    Instant now = at("2026-11-23T10:45:30Z");
    HourSplit split = HourSplit.of(BudgetPeriod.endingAt(at("2026-10-24T10:45:30Z"), now), now);
    // The first hour: 45.5 minutes of it lie before the start, 14.5 inside, read from the events.
    assertThat(split.wholeFrom()).contains(at("2026-10-24T11:00:00Z"));
    assertThat(split.partial())
        .containsExactly(part("2026-10-24T10:45:30Z", false, "2026-10-24T11:00:00Z", false));
    // The last hour: its rollup, less what is dated after now in it.
    assertThat(split.wholeTo()).contains(at("2026-11-23T11:00:00Z"));
    assertThat(split.excess())
        .containsExactly(part("2026-11-23T10:45:30Z", false, "2026-11-23T11:00:00Z", false));
  }

  @Test
  void aCutHourIsReadFromTheEventsOnTheSideWithLessOfThePast() {
    HourSplit early =
        HourSplit.of(
            BudgetPeriod.startingAt(at("2026-11-01T10:10:00Z"), at("2026-11-02T10:10:00Z")), LATER);
    assertThat(early.wholeFrom()).contains(at("2026-11-01T10:00:00Z"));
    assertThat(early.wholeTo()).contains(at("2026-11-02T10:00:00Z"));
    assertThat(early.excess())
        .containsExactly(part("2026-11-01T10:00:00Z", true, "2026-11-01T10:10:00Z", false));
    assertThat(early.partial())
        .containsExactly(part("2026-11-02T10:00:00Z", true, "2026-11-02T10:10:00Z", false));

    HourSplit late =
        HourSplit.of(
            BudgetPeriod.startingAt(at("2026-11-01T10:50:00Z"), at("2026-11-02T10:50:00Z")), LATER);
    assertThat(late.wholeFrom()).contains(at("2026-11-01T11:00:00Z"));
    assertThat(late.wholeTo()).contains(at("2026-11-02T11:00:00Z"));
    assertThat(late.partial())
        .containsExactly(part("2026-11-01T10:50:00Z", true, "2026-11-01T11:00:00Z", false));
    assertThat(late.excess())
        .containsExactly(part("2026-11-02T10:50:00Z", true, "2026-11-02T11:00:00Z", false));
  }

  @Test
  void anExcludedStartOnTheHourAndAnIncludedEndOnTheHourCutTheirHours() {
    HourSplit split =
        HourSplit.of(
            BudgetPeriod.endingAt(at("2026-11-01T00:00:00Z"), at("2026-11-02T00:00:00Z")), LATER);
    // The first hour's rollup less its first instant; the instant the stretch ends on by itself.
    assertThat(split.wholeFrom()).contains(at("2026-11-01T00:00:00Z"));
    assertThat(split.wholeTo()).contains(at("2026-11-02T00:00:00Z"));
    assertThat(split.excess())
        .containsExactly(part("2026-11-01T00:00:00Z", true, "2026-11-01T00:00:00Z", true));
    assertThat(split.partial())
        .containsExactly(part("2026-11-02T00:00:00Z", true, "2026-11-02T00:00:00Z", true));
  }

  @Test
  void anExcludedStartOnTheHourReadFromItsEventsLeavesThatHourOutOfTheRollups() {
    // Before the stretch begins, no side of its first hour holds any past: its events are read.
    HourSplit split =
        HourSplit.of(
            BudgetPeriod.endingAt(at("2026-11-01T00:00:00Z"), at("2026-11-02T00:00:00Z")),
            at("2026-10-01T00:00:00Z"));
    assertThat(split.wholeFrom()).contains(at("2026-11-01T01:00:00Z"));
    assertThat(split.partial())
        .contains(part("2026-11-01T00:00:00Z", false, "2026-11-01T01:00:00Z", false));
    assertThat(split.excess()).isEmpty();
  }

  @Test
  void aStretchWithinOneHourIsItsEventsOrTheHourLessTheEventsAroundIt() {
    BudgetPeriod short_ =
        BudgetPeriod.startingAt(at("2026-11-01T10:20:00Z"), at("2026-11-01T10:30:00Z"));
    HourSplit split = HourSplit.of(short_, LATER);
    assertThat(split.whole()).isFalse();
    assertThat(split.partial()).isEqualTo(List.of(short_));
    assertThat(split.excess()).isEmpty();

    BudgetPeriod long_ =
        BudgetPeriod.startingAt(at("2026-11-01T10:05:00Z"), at("2026-11-01T10:50:00Z"));
    HourSplit most = HourSplit.of(long_, LATER);
    assertThat(most.wholeFrom()).contains(at("2026-11-01T10:00:00Z"));
    assertThat(most.wholeTo()).contains(at("2026-11-01T11:00:00Z"));
    assertThat(most.partial()).isEmpty();
    assertThat(most.excess())
        .containsExactly(
            part("2026-11-01T10:00:00Z", true, "2026-11-01T10:05:00Z", false),
            part("2026-11-01T10:50:00Z", true, "2026-11-01T11:00:00Z", false));
  }

  @Test
  void aPeriodUntilResetHasNoEndAndOneFromTheBeginningNoStart() {
    HourSplit open = HourSplit.of(BudgetPeriod.openFrom(at("2026-11-01T10:45:00Z")), LATER);
    assertThat(open.wholeFrom()).contains(at("2026-11-01T11:00:00Z"));
    assertThat(open.wholeTo()).isEmpty();
    assertThat(open.partial()).hasSize(1);
    HourSplit all = HourSplit.of(BudgetPeriod.openFrom(Instant.MIN));
    assertThat(all.whole()).isTrue();
    assertThat(all.wholeFrom()).isEmpty();
    assertThat(all.partial()).isEmpty();
    assertThat(all.excess()).isEmpty();
  }
}
