package com.costguard.application;

import com.costguard.config.Configuration;
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

/** Writes one validated batch in one transaction: every new event or none. */
@ApplicationScoped
public class CostEventWriter {

  @Inject CostEventRepository events;
  @Inject Configuration configuration;
  @Inject Clock clock;

  @Transactional
  public IngestResult write(List<PricedEvent> batch) {
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
    return new IngestResult(accepted, batch.size() - accepted);
  }
}
