/**
 * The computing side of budgets: which period an instant falls in ({@link
 * com.costguard.cost.budget.BudgetCalendar}), what a scope matches ({@link
 * com.costguard.cost.budget.BudgetScope}), how much of a job's cost accrued in a period ({@link
 * com.costguard.cost.budget.JobAccrual}, from the job cost engine), the spend of a period ({@link
 * com.costguard.cost.budget.PeriodSpend}), a budget's status, rollover, thresholds crossed, the
 * period-end forecast and daily spend anomalies. Deciding to alert exactly once, storing and
 * delivering belong elsewhere (alerting, application); this package only answers questions.
 *
 * <p>Pure Java: no jakarta.* imports, no I/O, no clock (every "now" is a parameter). Money is exact
 * {@code BigDecimal}; the only rounding is {@link com.costguard.cost.Money#cents}.
 */
package com.costguard.cost.budget;
