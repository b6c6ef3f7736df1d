package com.costguard.cost.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** The spend of one local day in the installation's time zone. */
public record DailySpend(LocalDate day, BigDecimal amount) {

  public DailySpend {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(amount, "amount");
  }

  /**
   * The spend in {@code scope} of every day from {@code firstDay} to {@code lastDay}, inclusive,
   * oldest first; a day without spend is there with zero, because a quiet day is part of the
   * history an anomaly is measured against. Pass as {@code firstDay} the first day costs were
   * tracked, so that days before it do not count as quiet days.
   */
  public static List<DailySpend> tally(
      Collection<SpendItem> items,
      BudgetScope scope,
      BudgetCalendar calendar,
      LocalDate firstDay,
      LocalDate lastDay) {
    List<DailySpend> days = new ArrayList<>();
    for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
      days.add(new DailySpend(day, PeriodSpend.of(items, calendar.day(day), scope).total()));
    }
    return days;
  }
}
