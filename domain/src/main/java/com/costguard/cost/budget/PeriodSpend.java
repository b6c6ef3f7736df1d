package com.costguard.cost.budget;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;

/**
 * The spend a budget counts in one period (SPEC §2: job costs accrued in it plus the cost events in
 * it that match the scope), exact, split by source because the forecast extrapolates only the cost
 * events.
 */
public record PeriodSpend(BigDecimal costEvents, BigDecimal jobs) {

  public static final PeriodSpend NONE = new PeriodSpend(BigDecimal.ZERO, BigDecimal.ZERO);

  public PeriodSpend {
    Objects.requireNonNull(costEvents, "costEvents");
    Objects.requireNonNull(jobs, "jobs");
  }

  /** The items in {@code period} that {@code scope} matches, summed exactly. */
  public static PeriodSpend of(
      Collection<SpendItem> items, BudgetPeriod period, BudgetScope scope) {
    BigDecimal costEvents = BigDecimal.ZERO;
    BigDecimal jobs = BigDecimal.ZERO;
    for (SpendItem item : items) {
      if (!period.contains(item.occurredAt()) || !scope.matches(item.attribution())) {
        continue;
      }
      switch (item.source()) {
        case COST_EVENT -> costEvents = costEvents.add(item.amount());
        case JOB_ACCRUAL -> jobs = jobs.add(item.amount());
      }
    }
    return new PeriodSpend(costEvents, jobs);
  }

  public BigDecimal total() {
    return costEvents.add(jobs);
  }
}
