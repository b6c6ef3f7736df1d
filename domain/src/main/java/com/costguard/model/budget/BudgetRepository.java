package com.costguard.model.budget;

import com.costguard.cost.budget.PeriodType;
import java.util.List;
import java.util.Optional;

/** Stored budgets. */
public interface BudgetRepository {

  /** Oldest first; only those of {@code period} when given, only enabled ones when asked. */
  List<Budget> list(Optional<PeriodType> period, boolean enabledOnly);

  Optional<Budget> byId(long id);

  /**
   * The budget, locked against other writers until the transaction ends, so that two changes made
   * at the same time do not overwrite each other's fields.
   */
  Optional<Budget> byIdForUpdate(long id);

  /** Stores a new budget; it has its id on return. */
  void add(Budget budget);

  void remove(Budget budget);
}
