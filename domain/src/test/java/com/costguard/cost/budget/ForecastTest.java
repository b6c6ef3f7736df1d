package com.costguard.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ForecastTest {

  private static final Instant CREATED = Instant.parse("2020-01-01T00:00:00Z");

  @ParameterizedTest(name = "{0} {1} at {2}: {5} days gone, {6} to go, {7}/day → {8}")
  @CsvSource({
    // 10 May 15:00 in a 31-day month: 10 days gone (today counts), 21 to go;
    // 123.45 / 10 = 12.345 a day, shown 12.35; 323.45 + 12.35 × 21 = 582.80
    "UTC,              CALENDAR_MONTH, 2026-05-10T15:00:00Z, 123.45, 200,   10, 21, 12.35, 582.80",
    // the first instant of the month: no history, nothing to extrapolate
    "UTC,              CALENDAR_MONTH, 2026-05-01T00:00:00Z, 0,      0,     1,  30, 0.00,  0",
    // only jobs so far: no cost events to extrapolate
    "UTC,              CALENDAR_MONTH, 2026-05-20T00:00:00Z, 0,      50,    20, 11, 0.00,  50",
    // the last day: nothing left to extrapolate
    "UTC,              CALENDAR_MONTH, 2026-05-31T23:59:59Z, 31,     0,     31, 0,  1.00,  31",
    // an average that does not terminate: 10 / 3 = 3.33 a day
    "UTC,              CALENDAR_MONTH, 2026-06-03T08:00:00Z, 10,     0,     3,  27, 3.33,  99.91",
    // leap February: the 29th is the last day
    "UTC,              CALENDAR_MONTH, 2028-02-29T10:00:00Z, 29,     0,     29, 0,  1.00,  29",
    "UTC,              CALENDAR_MONTH, 2028-02-10T10:00:00Z, 10,     0,     10, 19, 1.00,  29",
    // Berlin, 25 October (a 25-hour day) counts as one day: 25 gone, 26–31 to go
    "Europe/Berlin,    CALENDAR_MONTH, 2026-10-25T12:00:00Z, 250,    0,     25, 6,  10.00, 310",
    // 23:30 on 31 March in Berlin is 21:30 UTC: the last day of a month an hour short
    "Europe/Berlin,    CALENDAR_MONTH, 2026-03-31T21:30:00Z, 62,     0,     31, 0,  2.00,  62",
    // 00:30 on 1 March in Berlin is still 28 February in UTC
    "Europe/Berlin,    CALENDAR_MONTH, 2026-02-28T23:30:00Z, 2,      0,     1,  30, 2.00,  62",
    // 22:00 on 28 February in New York is already March in UTC
    "America/New_York, CALENDAR_MONTH, 2026-03-01T03:00:00Z, 28,     0,     28, 0,  1.00,  28",
    // a week over the year end: Thursday is day 4 of 7
    "UTC,              WEEKLY,         2026-12-31T10:00:00Z, 10,     1,     4,  3,  2.50,  18.50",
    // a day: its own end is today's end
    "Europe/Berlin,    DAILY,          2026-03-29T20:00:00Z, 5,      1,     1,  0,  5.00,  6",
  })
  void theForecastExtrapolatesTheCostEventsToThePeriodEnd(
      ZoneId zone,
      PeriodType type,
      Instant now,
      BigDecimal costEvents,
      BigDecimal jobs,
      int elapsed,
      int remaining,
      BigDecimal averageDaily,
      BigDecimal forecast) {
    BudgetCalendar calendar = new BudgetCalendar(zone);
    BudgetPeriod period = calendar.periodContaining(type, now, CREATED, Optional.empty());

    Forecast result =
        Forecast.atPeriodEnd(
                type, period, now, calendar, new PeriodSpend(costEvents, jobs), List.of())
            .orElseThrow();

    assertThat(result.elapsedDays()).isEqualTo(elapsed);
    assertThat(result.remainingDays()).isEqualTo(remaining);
    assertThat(result.averageDailyCostEvents()).isEqualTo(averageDaily);
    assertThat(result.expected()).isEqualByComparingTo(forecast);
    assertThat(result.low()).isEqualByComparingTo(forecast);
    assertThat(result.high()).isEqualByComparingTo(forecast);
  }

  @Test
  void activeJobsAddTheirRemainingProjectedCostWithItsBand() {
    BudgetCalendar calendar = new BudgetCalendar(ZoneId.of("UTC"));
    Instant now = Instant.parse("2026-05-10T15:00:00Z");
    BudgetPeriod may = calendar.calendarPeriodContaining(PeriodType.CALENDAR_MONTH, now);
    List<RemainingJobCost> jobs =
        List.of(
            remaining("85", "100", "115"),
            remaining("17", "20", "23"),
            remaining("0.000001", "0.000001", "0.000001"));

    Forecast forecast =
        Forecast.atPeriodEnd(
                PeriodType.CALENDAR_MONTH,
                may,
                now,
                calendar,
                new PeriodSpend(new BigDecimal("123.45"), new BigDecimal("200")),
                jobs)
            .orElseThrow();

    assertThat(forecast.low()).isEqualByComparingTo("684.800001");
    assertThat(forecast.expected()).isEqualByComparingTo("702.800001");
    assertThat(forecast.high()).isEqualByComparingTo("720.800001");
  }

  @ParameterizedTest(name = "low end 684.80 against {0} → alert {1}")
  @CsvSource({"684.79, true", "684.80, false", "700, false"})
  void aForecastAlertIsDueWhenTheLowEndPassesTheLimit(BigDecimal available, boolean alert) {
    Forecast forecast =
        new Forecast(
            new BigDecimal("684.80"),
            new BigDecimal("702.80"),
            new BigDecimal("720.80"),
            new BigDecimal("12.35"),
            10,
            21);

    assertThat(forecast.lowEndExceeds(available)).isEqualTo(alert);
  }

  @Test
  void aPeriodCutByAResetCountsItsDaysFromTheReset() {
    BudgetCalendar calendar = new BudgetCalendar(ZoneId.of("UTC"));
    Instant reset = Instant.parse("2026-05-10T14:00:00Z");
    Instant now = Instant.parse("2026-05-12T09:00:00Z");
    BudgetPeriod period =
        calendar.periodContaining(PeriodType.CALENDAR_MONTH, now, CREATED, Optional.of(reset));

    Forecast forecast =
        Forecast.atPeriodEnd(
                PeriodType.CALENDAR_MONTH,
                period,
                now,
                calendar,
                new PeriodSpend(BigDecimal.valueOf(6), BigDecimal.ZERO),
                List.of())
            .orElseThrow();

    assertThat(forecast.elapsedDays()).isEqualTo(3);
    assertThat(forecast.remainingDays()).isEqualTo(19);
    assertThat(forecast.expected()).isEqualByComparingTo("44");
  }

  @ParameterizedTest
  @EnumSource(
      value = PeriodType.class,
      names = {"ROLLING_30_DAYS", "SESSION", "TOTAL"})
  void periodsWithoutACalendarEndHaveNoForecast(PeriodType type) {
    BudgetCalendar calendar = new BudgetCalendar(ZoneId.of("UTC"));
    Instant now = Instant.parse("2026-05-10T15:00:00Z");
    BudgetPeriod period = calendar.periodContaining(type, now, CREATED, Optional.empty());

    assertThat(Forecast.atPeriodEnd(type, period, now, calendar, PeriodSpend.NONE, List.of()))
        .isEmpty();
  }

  @Test
  void thereIsNoForecastForAPeriodThatDoesNotContainNow() {
    BudgetCalendar calendar = new BudgetCalendar(ZoneId.of("UTC"));
    BudgetPeriod april =
        calendar.calendarPeriodContaining(
            PeriodType.CALENDAR_MONTH, Instant.parse("2026-04-10T00:00:00Z"));

    assertThat(
            Forecast.atPeriodEnd(
                PeriodType.CALENDAR_MONTH,
                april,
                Instant.parse("2026-05-01T00:00:00Z"),
                calendar,
                PeriodSpend.NONE,
                List.of()))
        .isEmpty();
  }

  @Test
  void aJobsBandMustHoldItsExpectedCost() {
    assertThatThrownBy(() -> remaining("10", "9", "11"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> remaining("8", "12", "11"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(remaining("10", "10", "10").expected()).isEqualByComparingTo("10");
  }

  private static RemainingJobCost remaining(String low, String expected, String high) {
    return new RemainingJobCost(
        new BigDecimal(low), new BigDecimal(expected), new BigDecimal(high));
  }
}
