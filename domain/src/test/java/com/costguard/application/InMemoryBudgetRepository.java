package com.costguard.application;

import com.costguard.cost.budget.PeriodType;
import com.costguard.model.budget.Budget;
import com.costguard.model.budget.BudgetRepository;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The repository port held in memory, for service tests without a database. */
class InMemoryBudgetRepository implements BudgetRepository {

  final List<Budget> stored = new ArrayList<>();
  private long lastId;

  @Override
  public List<Budget> list(Optional<PeriodType> period, boolean enabledOnly) {
    return stored.stream()
        .filter(b -> period.isEmpty() || b.period() == period.get())
        .filter(b -> !enabledOnly || b.enabled())
        .toList();
  }

  @Override
  public Optional<Budget> byId(long id) {
    return stored.stream().filter(b -> b.id() == id).findFirst();
  }

  @Override
  public Optional<Budget> byIdForUpdate(long id) {
    return byId(id);
  }

  @Override
  public List<Budget> byIdsForUpdate(Collection<Long> ids) {
    return stored.stream()
        .filter(b -> ids.contains(b.id()))
        .sorted(Comparator.comparing(Budget::id))
        .toList();
  }

  /** Assigns the next id, as the database's AUTO_INCREMENT would. */
  @Override
  public void add(Budget budget) {
    try {
      Field id = Budget.class.getDeclaredField("id");
      id.setAccessible(true);
      id.set(budget, ++lastId);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    stored.add(budget);
  }

  @Override
  public void remove(Budget budget) {
    stored.remove(budget);
  }
}
