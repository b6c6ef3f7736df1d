package com.costguard.cost.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a budget's period will have cost by its end (SPEC §2: spend so far + average daily non-job
 * spend × remaining days + the remaining projected cost of active jobs, the range coming from their
 * band). The cost events are extrapolated without a band, so low and high differ only by the jobs.
 *
 * <p>Days are calendar days in the installation's time zone (23- and 25-hour days count as one).
 * The days elapsed include today, even though it has only begun: a forecast made early in the
 * morning does not divide the day's first costs by a few hours and project a fortune. The remaining
 * days are those after today. The average daily spend is shown to people, so it is rounded to
 * cents, and the forecast is computed from that rounded figure, so it adds up on screen.
 *
 * @param averageDailyCostEvents the cost events so far divided by {@code elapsedDays}, in cents
 */
public record Forecast(
    BigDecimal low,
    BigDecimal expected,
    BigDecimal high,
    BigDecimal averageDailyCostEvents,
    int elapsedDays,
    int remainingDays) {

  public Forecast {
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(averageDailyCostEvents, "averageDailyCostEvents");
  }

  /**
   * The forecast for the end of {@code period}; empty unless the period is a calendar day, week or
   * month containing {@code now} (a rolling window never ends, a session or total period ends when
   * someone resets it).
   *
   * @param spentSoFar the period's spend up to now ({@link PeriodSpend#of})
   * @param activeJobs what each active job in scope is still projected to cost
   */
  public static Optional<Forecast> atPeriodEnd(
      PeriodType type,
      BudgetPeriod period,
      Instant now,
      BudgetCalendar calendar,
      PeriodSpend spentSoFar,
      Collection<RemainingJobCost> activeJobs) {
    if (!type.isCalendarAligned() || period.end().isEmpty() || !period.contains(now)) {
      return Optional.empty();
    }
    LocalDate today = calendar.dayOf(now);
    LocalDate lastDay = calendar.dayOf(period.end().get().minusNanos(1));
    int elapsedDays = (int) ChronoUnit.DAYS.between(calendar.dayOf(period.start()), today) + 1;
    int remainingDays = (int) ChronoUnit.DAYS.between(today, lastDay);

    BigDecimal averageDaily =
        CentsDivision.quotientInCents(spentSoFar.costEvents(), BigDecimal.valueOf(elapsedDays));
    BigDecimal withoutJobs =
        spentSoFar.total().add(averageDaily.multiply(BigDecimal.valueOf(remainingDays)));
    return Optional.of(
        new Forecast(
            withoutJobs.add(sum(activeJobs, RemainingJobCost::low)),
            withoutJobs.add(sum(activeJobs, RemainingJobCost::expected)),
            withoutJobs.add(sum(activeJobs, RemainingJobCost::high)),
            averageDaily,
            elapsedDays,
            remainingDays));
  }

  /** Whether even the low end passes the limit: SPEC §2's condition for a forecast alert. */
  public boolean lowEndExceeds(BigDecimal available) {
    return low.compareTo(available) > 0;
  }

  private static BigDecimal sum(
      Collection<RemainingJobCost> jobs, Function<RemainingJobCost, BigDecimal> part) {
    return jobs.stream().map(part).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
