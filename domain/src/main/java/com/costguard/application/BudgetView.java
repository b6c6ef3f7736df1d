package com.costguard.application;

import com.costguard.cost.budget.BudgetStatus;
import com.costguard.cost.budget.Forecast;
import com.costguard.model.budget.Budget;
import java.util.Optional;

/**
 * A budget with where it stands now: its status in the current period and, for a day, week or
 * month, the forecast for the period's end.
 */
public record BudgetView(Budget budget, BudgetStatus status, Optional<Forecast> forecast) {}
