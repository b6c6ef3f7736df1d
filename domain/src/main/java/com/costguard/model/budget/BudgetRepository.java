package com.costguard.model.budget;

import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.budget.PeriodType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stored budgets. */
public interface BudgetRepository {

  /** Oldest first; only those of {@code period} when given, only enabled ones when asked. */
  List<Budget> list(Optional<PeriodType> period, boolean enabledOnly);

  /**
   * The scopes of the enabled budgets by id, oldest first: what every ingesting request matches its
   * spend against, without reading the budgets whole.
   */
  default Map<Long, BudgetScope> enabledScopes() {
    Map<Long, BudgetScope> scopes = new LinkedHashMap<>();
    list(Optional.empty(), true).forEach(b -> scopes.put(b.id(), b.scope()));
    return scopes;
  }

  Optional<Budget> byId(long id);

  /**
   * The budget, locked against other writers until the transaction ends, so that two changes made
   * at the same time do not overwrite each other's fields.
   */
  Optional<Budget> byIdForUpdate(long id);

  /**
   * The budgets with these ids that exist, locked as {@link #byIdForUpdate} locks one, in id order
   * (so that two transactions locking overlapping sets never wait for each other in a circle). A
   * locking read sees the latest committed rows and, unlike a plain read, does not fix the
   * transaction's snapshot: made first in a transaction, every later read sees all that the
   * previous holders of these locks committed.
   */
  List<Budget> byIdsForUpdate(Collection<Long> ids);

  /** Stores a new budget; it has its id on return. */
  void add(Budget budget);

  void remove(Budget budget);
}
