package com.costguard.application;

import com.costguard.config.Configuration;
import com.costguard.model.budget.Budget;
import com.costguard.model.costevent.CostEvent;
import com.costguard.model.costevent.CostEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
   *     BudgetAlerts#inScope}): locked after the insert and before any read, evaluated once the
   *     events are stored
   */
  @Transactional
  public IngestResult write(List<PricedEvent> batch, List<Long> budgetsInScope) {
    String currency = configuration.currency().getCurrencyCode();
    Instant now = clock.instant();
    List<CostEvent> rows = new ArrayList<>(batch.size());
    for (PricedEvent priced : batch) {
      rows.add(new CostEvent(priced.event(), priced.amount(), currency, now));
    }
    // The events go in first, by one bulk insert of the new keys (issue 8): an insert fixes no
    // snapshot (InnoDB takes it at the first plain read), so the budgets locked next still
    // see all that earlier holders of their locks committed, while the inserts of concurrent
    // batches, the bulk of the work, run side by side rather than one after another.
    List<CostEvent> stored = events.addNew(rows);
    // Then the locks, before any plain read: see BudgetAlerts.
    List<Budget> locked = alerts.lock(budgetsInScope);
    events.addToTotals(stored);
    int accepted = stored.size();
    if (accepted > 0) {
      alerts.evaluate(locked);
    }
    return new IngestResult(accepted, batch.size() - accepted);
  }
}
