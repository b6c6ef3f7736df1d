package com.costguard.infrastructure.persistence;

import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.budget.PeriodType;
import com.costguard.model.budget.Budget;
import com.costguard.model.budget.BudgetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaBudgetRepository implements BudgetRepository {

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  @Override
  public List<Budget> list(Optional<PeriodType> period, boolean enabledOnly) {
    List<String> conditions = new ArrayList<>();
    period.ifPresent(p -> conditions.add("b.period = :period"));
    if (enabledOnly) {
      conditions.add("b.enabled = true");
    }
    TypedQuery<Budget> query =
        em.createQuery(
            "select b from Budget b"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by b.id",
            Budget.class);
    period.ifPresent(p -> query.setParameter("period", p.apiName()));
    // Every ingesting request lists the budgets: their notification rules in one more query, not
    // one per budget (nothing is cached between transactions: persistence.xml).
    return query
        .setHint("eclipselink.batch", "b.notificationRules")
        .setHint("eclipselink.batch.type", "IN")
        .getResultList();
  }

  /** Five columns of the enabled budgets, not the budgets with their notification rules. */
  @Override
  public Map<Long, BudgetScope> enabledScopes() {
    Map<Long, BudgetScope> scopes = new LinkedHashMap<>();
    em.createQuery(
            "select b.id, b.scopeClient, b.scopeProject, b.scopeTeam, b.scopeProvider from Budget b"
                + " where b.enabled = true order by b.id",
            Object[].class)
        .getResultList()
        .forEach(
            row ->
                scopes.put(
                    (Long) row[0],
                    BudgetScope.ofNullable(
                        (String) row[1], (String) row[2], (String) row[3], (String) row[4])));
    return scopes;
  }

  @Override
  public Optional<Budget> byId(long id) {
    return Optional.ofNullable(em.find(Budget.class, id));
  }

  @Override
  public Optional<Budget> byIdForUpdate(long id) {
    return Optional.ofNullable(em.find(Budget.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public List<Budget> byIdsForUpdate(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("select b from Budget b where b.id in :ids order by b.id", Budget.class)
        .setParameter("ids", ids)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  @Override
  public void add(Budget budget) {
    em.persist(budget);
    em.flush();
  }

  @Override
  public void remove(Budget budget) {
    em.remove(budget);
  }
}
