package com.costguard.application;

import com.costguard.config.Configuration;
import com.costguard.model.budget.Budget;
import com.costguard.model.costevent.CostEvent;
import com.costguard.model.costevent.CostEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one validated batch in one transaction: every new event or none, and with them the
 * threshold alerts they cause ({@link BudgetAlerts}).
 */
@ApplicationScoped
public class CostEventWriter {

  @Inject CostEventRepository events;
  @Inject BudgetAlerts alerts;
  @Inject Configuration configuration;
  @Inject Clock clock;

  /**
   * @param budgetsInScope the enabled budgets the batch's spend may count against ({@link
   *     BudgetAlerts#inScope}): locked first, evaluated once the events are stored
   */
  @Transactional
  public IngestResult write(List<PricedEvent> batch, List<Long> budgetsInScope) {
    // First, before any plain read: see BudgetAlerts.
    List<Budget> locked = alerts.lock(budgetsInScope);
    Map<String, PricedEvent> unique = new LinkedHashMap<>();
    batch.forEach(e -> unique.putIfAbsent(e.event().idempotencyKey(), e));
    Set<String> stored = events.existingKeys(unique.keySet());
    String currency = configuration.currency().getCurrencyCode();
    var now = clock.instant();
    int accepted = 0;
    for (PricedEvent priced : unique.values()) {
      if (!stored.contains(priced.event().idempotencyKey())) {
        events.add(new CostEvent(priced.event(), priced.amount(), currency, now));
        accepted++;
      }
    }
    events.flush();
    if (accepted > 0) {
      alerts.evaluate(locked);
    }
    return new IngestResult(accepted, batch.size() - accepted);
  }
}
