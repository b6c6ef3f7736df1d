package com.costguard.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BudgetCalendarTest {

  private static final Instant CREATED = Instant.parse("2020-01-01T00:00:00Z");

  @ParameterizedTest(name = "{0}: {1} is in [{2}, {3}), {4} h")
  @CsvSource({
    // midnight belongs to the day it starts; one nanosecond before belongs to the day before
    "UTC,              2026-05-10T00:00:00Z,           2026-05-10T00:00:00Z, 2026-05-11T00:00:00Z, 24",
    "UTC,              2026-05-09T23:59:59.999999999Z, 2026-05-09T00:00:00Z, 2026-05-10T00:00:00Z, 24",
    "UTC,              2028-02-29T12:00:00Z,           2028-02-29T00:00:00Z, 2028-03-01T00:00:00Z, 24",
    "UTC,              2026-12-31T23:59:59Z,           2026-12-31T00:00:00Z, 2027-01-01T00:00:00Z, 24",
    // Berlin's local midnight is 23:00 or 22:00 UTC
    "Europe/Berlin,    2026-05-09T22:00:00Z,           2026-05-09T22:00:00Z, 2026-05-10T22:00:00Z, 24",
    "Europe/Berlin,    2026-05-09T21:59:59Z,           2026-05-08T22:00:00Z, 2026-05-09T22:00:00Z, 24",
    // 29 March 2026: clocks go from 02:00 to 03:00, the day has 23 hours
    "Europe/Berlin,    2026-03-29T01:30:00Z,           2026-03-28T23:00:00Z, 2026-03-29T22:00:00Z, 23",
    "Europe/Berlin,    2026-03-28T23:00:00Z,           2026-03-28T23:00:00Z, 2026-03-29T22:00:00Z, 23",
    "Europe/Berlin,    2026-03-29T22:00:00Z,           2026-03-29T22:00:00Z, 2026-03-30T22:00:00Z, 24",
    // 25 October 2026: clocks go from 03:00 back to 02:00, the day has 25 hours
    "Europe/Berlin,    2026-10-25T00:30:00Z,           2026-10-24T22:00:00Z, 2026-10-25T23:00:00Z, 25",
    "Europe/Berlin,    2026-10-25T01:30:00Z,           2026-10-24T22:00:00Z, 2026-10-25T23:00:00Z, 25",
    "Europe/Berlin,    2026-10-25T22:59:59Z,           2026-10-24T22:00:00Z, 2026-10-25T23:00:00Z, 25",
    // New York: 8 March 2026 has 23 hours, 1 November 2026 has 25
    "America/New_York, 2026-03-08T12:00:00Z,           2026-03-08T05:00:00Z, 2026-03-09T04:00:00Z, 23",
    "America/New_York, 2026-11-01T06:00:00Z,           2026-11-01T04:00:00Z, 2026-11-02T05:00:00Z, 25",
    "America/New_York, 2026-11-02T04:59:59Z,           2026-11-01T04:00:00Z, 2026-11-02T05:00:00Z, 25",
    // 2028-02-29 in New York ends at 05:00 UTC on 1 March
    "America/New_York, 2028-03-01T04:59:59Z,           2028-02-29T05:00:00Z, 2028-03-01T05:00:00Z, 24",
  })
  void dailyPeriodsRunFromLocalMidnightToLocalMidnight(
      ZoneId zone, Instant instant, Instant start, Instant end, long hours) {
    assertCalendarPeriod(zone, PeriodType.DAILY, instant, start, end, hours);
  }

  @ParameterizedTest(name = "{0}: {1} is in [{2}, {3}), {4} h")
  @CsvSource({
    // over the year end: Thursday 31 December 2026 is in the ISO week of Monday 28 December
    "UTC,              2026-12-31T10:00:00Z,           2026-12-28T00:00:00Z, 2027-01-04T00:00:00Z, 168",
    "UTC,              2027-01-03T23:59:59.999999999Z, 2026-12-28T00:00:00Z, 2027-01-04T00:00:00Z, 168",
    "UTC,              2027-01-04T00:00:00Z,           2027-01-04T00:00:00Z, 2027-01-11T00:00:00Z, 168",
    // a Monday at midnight starts its own week
    "UTC,              2026-03-23T00:00:00Z,           2026-03-23T00:00:00Z, 2026-03-30T00:00:00Z, 168",
    // the week of 29 March in Berlin is one hour short, the week of 25 October one hour long
    "Europe/Berlin,    2026-03-29T12:00:00Z,           2026-03-22T23:00:00Z, 2026-03-29T22:00:00Z, 167",
    "Europe/Berlin,    2026-10-25T12:00:00Z,           2026-10-18T22:00:00Z, 2026-10-25T23:00:00Z, 169",
    // Sunday evening in New York is already Monday in UTC
    "America/New_York, 2026-01-05T03:00:00Z,           2025-12-29T05:00:00Z, 2026-01-05T05:00:00Z, 168",
    "UTC,              2028-02-29T00:00:00Z,           2028-02-28T00:00:00Z, 2028-03-06T00:00:00Z, 168",
  })
  void weeklyPeriodsAreIsoWeeksStartingMonday(
      ZoneId zone, Instant instant, Instant start, Instant end, long hours) {
    assertCalendarPeriod(zone, PeriodType.WEEKLY, instant, start, end, hours);
  }

  @ParameterizedTest(name = "{0}: {1} is in [{2}, {3}), {4} h")
  @CsvSource({
    "UTC,              2028-02-29T23:59:59Z,           2028-02-01T00:00:00Z, 2028-03-01T00:00:00Z, 696",
    "UTC,              2027-02-15T00:00:00Z,           2027-02-01T00:00:00Z, 2027-03-01T00:00:00Z, 672",
    "UTC,              2026-01-31T23:59:59.999999999Z, 2026-01-01T00:00:00Z, 2026-02-01T00:00:00Z, 744",
    "UTC,              2026-02-01T00:00:00Z,           2026-02-01T00:00:00Z, 2026-03-01T00:00:00Z, 672",
    "UTC,              2026-12-31T23:59:59Z,           2026-12-01T00:00:00Z, 2027-01-01T00:00:00Z, 744",
    "UTC,              2026-04-30T12:00:00Z,           2026-04-01T00:00:00Z, 2026-05-01T00:00:00Z, 720",
    // Berlin's March 2026 loses an hour, its October gains one
    "Europe/Berlin,    2026-03-31T21:59:59Z,           2026-02-28T23:00:00Z, 2026-03-31T22:00:00Z, 743",
    "Europe/Berlin,    2026-03-31T22:00:00Z,           2026-03-31T22:00:00Z, 2026-04-30T22:00:00Z, 720",
    "Europe/Berlin,    2026-10-31T22:30:00Z,           2026-09-30T22:00:00Z, 2026-10-31T23:00:00Z, 745",
    // 03:00 UTC on 1 March is still 28 February in New York
    "America/New_York, 2026-03-01T03:00:00Z,           2026-02-01T05:00:00Z, 2026-03-01T05:00:00Z, 672",
    "America/New_York, 2026-03-15T12:00:00Z,           2026-03-01T05:00:00Z, 2026-04-01T04:00:00Z, 743",
    "America/New_York, 2026-11-15T12:00:00Z,           2026-11-01T04:00:00Z, 2026-12-01T05:00:00Z, 721",
  })
  void monthlyPeriodsAreCalendarMonths(
      ZoneId zone, Instant instant, Instant start, Instant end, long hours) {
    assertCalendarPeriod(zone, PeriodType.CALENDAR_MONTH, instant, start, end, hours);
  }

  @ParameterizedTest(name = "{0}: 30 days up to {1}")
  @CsvSource({
    "UTC,              2026-03-31T10:00:00Z, 2026-03-01T10:00:00Z",
    "UTC,              2028-03-15T00:00:00Z, 2028-02-14T00:00:00Z",
    // the window is 720 hours even when it spans a DST change
    "Europe/Berlin,    2026-04-10T12:00:00Z, 2026-03-11T12:00:00Z",
    "America/New_York, 2026-11-20T12:00:00Z, 2026-10-21T12:00:00Z",
  })
  void rollingThirtyDaysIsTheWindowUpToAndIncludingNow(ZoneId zone, Instant now, Instant start) {
    BudgetPeriod window =
        new BudgetCalendar(zone)
            .periodContaining(PeriodType.ROLLING_30_DAYS, now, CREATED, Optional.empty());

    assertThat(window).isEqualTo(BudgetPeriod.endingAt(start, now));
    assertThat(window.length()).contains(Duration.ofHours(720));
    assertThat(window.contains(now)).isTrue();
    assertThat(window.contains(now.plusNanos(1))).isFalse();
    assertThat(window.contains(start)).isFalse();
    assertThat(window.contains(start.plusNanos(1))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SESSION", "TOTAL"})
  void sessionAndTotalRunFromTheLastResetOrTheCreation(PeriodType type) {
    BudgetCalendar calendar = new BudgetCalendar(ZoneId.of("Europe/Berlin"));
    Instant created = Instant.parse("2026-01-10T08:00:00Z");
    Instant reset = Instant.parse("2026-03-29T01:30:00Z");
    Instant later = Instant.parse("2027-06-01T00:00:00Z");

    assertThat(calendar.periodContaining(type, later, created, Optional.empty()))
        .isEqualTo(BudgetPeriod.openFrom(created));
    assertThat(calendar.periodContaining(type, later, created, Optional.of(reset)))
        .isEqualTo(BudgetPeriod.openFrom(reset));
    assertThat(calendar.periodContaining(type, reset, created, Optional.of(reset)))
        .isEqualTo(BudgetPeriod.openFrom(reset));
    // before the reset: the earlier period, whose own start is not known
    assertThat(calendar.periodContaining(type, reset.minusNanos(1), created, Optional.of(reset)))
        .isEqualTo(BudgetPeriod.startingAt(Instant.MIN, reset));
  }

  @ParameterizedTest(name = "reset {1}, asked at {0} → [{2}, {3})")
  @CsvSource({
    // a reset at 14:00 splits the day: before it, the morning; from it, the rest of the day
    "2026-05-10T09:00:00Z, 2026-05-10T14:00:00Z, 2026-05-10T00:00:00Z, 2026-05-10T14:00:00Z",
    "2026-05-10T14:00:00Z, 2026-05-10T14:00:00Z, 2026-05-10T14:00:00Z, 2026-05-11T00:00:00Z",
    "2026-05-10T23:00:00Z, 2026-05-10T14:00:00Z, 2026-05-10T14:00:00Z, 2026-05-11T00:00:00Z",
    // a reset in another day, or at the day's very start, changes nothing
    "2026-05-10T09:00:00Z, 2026-05-09T14:00:00Z, 2026-05-10T00:00:00Z, 2026-05-11T00:00:00Z",
    "2026-05-10T09:00:00Z, 2026-05-10T00:00:00Z, 2026-05-10T00:00:00Z, 2026-05-11T00:00:00Z",
    "2026-05-10T09:00:00Z, 2026-05-11T00:00:00Z, 2026-05-10T00:00:00Z, 2026-05-11T00:00:00Z",
  })
  void aResetSplitsTheCalendarPeriodItFallsIn(
      Instant instant, Instant reset, Instant start, Instant end) {
    BudgetPeriod period =
        new BudgetCalendar(ZoneId.of("UTC"))
            .periodContaining(PeriodType.DAILY, instant, CREATED, Optional.of(reset));

    assertThat(period).isEqualTo(BudgetPeriod.startingAt(start, end));
  }

  @Test
  void aMonthlyBudgetCreatedMidMonthCountsTheWholeMonth() {
    Instant created = Instant.parse("2026-05-15T09:00:00Z");

    assertThat(
            new BudgetCalendar(ZoneId.of("UTC"))
                .periodContaining(
                    PeriodType.CALENDAR_MONTH,
                    Instant.parse("2026-05-20T00:00:00Z"),
                    created,
                    Optional.empty()))
        .isEqualTo(
            BudgetPeriod.startingAt(
                Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z")));
  }

  @Test
  void aResetInsideTheRollingWindowCutsItToStartAtTheReset() {
    BudgetCalendar calendar = new BudgetCalendar(ZoneId.of("UTC"));
    Instant now = Instant.parse("2026-03-31T10:00:00Z");
    Instant reset = Instant.parse("2026-03-20T00:00:00Z");

    BudgetPeriod cut =
        calendar.periodContaining(PeriodType.ROLLING_30_DAYS, now, CREATED, Optional.of(reset));

    assertThat(cut.start()).isEqualTo(reset);
    assertThat(cut.end()).contains(now);
    assertThat(cut.contains(reset)).isTrue();
    assertThat(cut.contains(reset.minusNanos(1))).isFalse();
    assertThat(cut.contains(now)).isTrue();
    // a reset older than the window, or after now, leaves the window whole
    assertThat(
            calendar.periodContaining(
                PeriodType.ROLLING_30_DAYS,
                now,
                CREATED,
                Optional.of(Instant.parse("2026-02-01T00:00:00Z"))))
        .isEqualTo(BudgetPeriod.endingAt(now.minus(Duration.ofDays(30)), now));
    assertThat(
            calendar.periodContaining(
                PeriodType.ROLLING_30_DAYS, now, CREATED, Optional.of(now.plusSeconds(1))))
        .isEqualTo(BudgetPeriod.endingAt(now.minus(Duration.ofDays(30)), now));
  }

  @Test
  void onlyCalendarAlignedTypesHaveCalendarPeriods() {
    BudgetCalendar calendar = new BudgetCalendar(ZoneId.of("UTC"));

    assertThatThrownBy(
            () -> calendar.calendarPeriodContaining(PeriodType.ROLLING_30_DAYS, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.calendarPeriodContaining(PeriodType.TOTAL, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDayIsItsFirstInstantToTheNextDaysFirstInstant() {
    BudgetCalendar berlin = new BudgetCalendar(ZoneId.of("Europe/Berlin"));

    assertThat(berlin.day(LocalDate.of(2026, 3, 29)))
        .isEqualTo(
            BudgetPeriod.startingAt(
                Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T22:00:00Z")));
    assertThat(berlin.dayOf(Instant.parse("2026-10-25T22:59:59Z")))
        .isEqualTo(LocalDate.of(2026, 10, 25));
  }

  @Test
  void aDayWhoseMidnightDoesNotExistStartsAtTheFirstInstantAfterIt() {
    // Havana moves its clocks from 00:00 straight to 01:00 on 8 March 2026
    BudgetCalendar havana = new BudgetCalendar(ZoneId.of("America/Havana"));

    BudgetPeriod day = havana.day(LocalDate.of(2026, 3, 8));

    assertThat(day)
        .isEqualTo(
            BudgetPeriod.startingAt(
                Instant.parse("2026-03-08T05:00:00Z"), Instant.parse("2026-03-09T04:00:00Z")));
    assertThat(havana.dayOf(day.start().minusNanos(1))).isEqualTo(LocalDate.of(2026, 3, 7));
  }

  // --- properties, over random instants in several zones -----------------------------------

  private static final ZoneId[] ZONES = {
    ZoneId.of("UTC"),
    ZoneId.of("Europe/Berlin"),
    ZoneId.of("America/New_York"),
    ZoneId.of("Australia/Lord_Howe"),
    ZoneId.of("Asia/Kolkata"),
    ZoneId.of("America/Havana"),
  };

  private static final PeriodType[] CALENDAR_TYPES = {
    PeriodType.DAILY, PeriodType.WEEKLY, PeriodType.CALENDAR_MONTH
  };

  /** Random instants from 2024 to 2030, with a bias toward local midnights and DST changes. */
  private static Instant randomInstant(Random random, ZoneId zone) {
    long from = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2030-12-31T00:00:00Z").getEpochSecond();
    Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
    return switch (random.nextInt(3)) {
      case 0 -> instant.plusNanos(random.nextInt(1_000_000_000));
      case 1 -> instant.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
      default ->
          instant
              .atZone(zone)
              .toLocalDate()
              .atStartOfDay(zone)
              .toInstant()
              .minusNanos(1 + random.nextInt(2));
    };
  }

  @Test
  void everyInstantIsInItsPeriodAndConsecutivePeriodsTileTime() {
    Random random = new Random(20260329);
    for (ZoneId zone : ZONES) {
      BudgetCalendar calendar = new BudgetCalendar(zone);
      for (int i = 0; i < 2_000; i++) {
        Instant instant = randomInstant(random, zone);
        for (PeriodType type : CALENDAR_TYPES) {
          BudgetPeriod period = calendar.calendarPeriodContaining(type, instant);
          Instant end = period.end().orElseThrow();
          BudgetPeriod next = calendar.calendarPeriodContaining(type, end);
          BudgetPeriod previous =
              calendar.calendarPeriodContaining(type, period.start().minusNanos(1));

          assertThat(period.contains(instant)).as("%s %s %s", zone, type, instant).isTrue();
          assertThat(next.start()).as("no gap after %s", period).isEqualTo(end);
          assertThat(previous.end()).as("no gap before %s", period).contains(period.start());
          assertThat(next.contains(end)).isTrue();
          assertThat(period.contains(end)).isFalse();
          assertThat(previous.contains(period.start())).isFalse();
          assertThat(calendar.calendarPeriodContaining(type, period.start())).isEqualTo(period);
          assertThat(calendar.calendarPeriodContaining(type, end.minusNanos(1))).isEqualTo(period);
        }
      }
    }
  }

  @Test
  void everyInstantBelongsToExactlyOneDay() {
    Random random = new Random(20261025);
    for (ZoneId zone : ZONES) {
      BudgetCalendar calendar = new BudgetCalendar(zone);
      for (int i = 0; i < 2_000; i++) {
        Instant instant = randomInstant(random, zone);
        LocalDate day = calendar.dayOf(instant);

        long containing =
            Stream.of(day.minusDays(1), day, day.plusDays(1))
                .map(calendar::day)
                .filter(p -> p.contains(instant))
                .count();

        assertThat(containing).as("%s %s", zone, instant).isEqualTo(1);
        assertThat(calendar.day(day).length().orElseThrow())
            .isBetween(Duration.ofHours(23), Duration.ofHours(25));
      }
    }
  }

  @Test
  void aResetSplitsAPeriodIntoTwoThatStillTile() {
    Random random = new Random(7);
    for (ZoneId zone : ZONES) {
      BudgetCalendar calendar = new BudgetCalendar(zone);
      for (int i = 0; i < 500; i++) {
        Instant instant = randomInstant(random, zone);
        Instant reset = instant.plusSeconds(random.nextInt(3 * 86_400) - 86_400L);
        for (PeriodType type : CALENDAR_TYPES) {
          BudgetPeriod whole = calendar.calendarPeriodContaining(type, instant);
          BudgetPeriod part = calendar.periodContaining(type, instant, CREATED, Optional.of(reset));

          assertThat(part.contains(instant)).isTrue();
          assertThat(part.start()).isBetween(whole.start(), whole.end().orElseThrow());
          assertThat(part.end().orElseThrow()).isBetween(whole.start(), whole.end().orElseThrow());
          if (part.end().equals(whole.end())) {
            BudgetPeriod before =
                calendar.periodContaining(
                    type, part.start().minusNanos(1), CREATED, Optional.of(reset));
            assertThat(before.end()).contains(part.start());
          } else {
            BudgetPeriod after =
                calendar.periodContaining(
                    type, part.end().orElseThrow(), CREATED, Optional.of(reset));
            assertThat(after.start()).isEqualTo(part.end().orElseThrow());
            assertThat(after.end()).isEqualTo(whole.end());
          }
        }
      }
    }
  }

  private static void assertCalendarPeriod(
      ZoneId zone, PeriodType type, Instant instant, Instant start, Instant end, long hours) {
    BudgetPeriod period =
        new BudgetCalendar(zone).periodContaining(type, instant, CREATED, Optional.empty());

    assertThat(period).isEqualTo(BudgetPeriod.startingAt(start, end));
    assertThat(period.contains(instant)).isTrue();
    assertThat(period.length()).contains(Duration.ofHours(hours));
  }
}
