package com.costguard.portal.web;

import com.costguard.model.costevent.CostEvent;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of the cost events table: what the page shows, detached from the entity. Pages call its
 * accessors as methods ({@code #{event.amount()}}): Jakarta EL 5 does not see record components as
 * properties.
 */
public record CostEventRow(
    long id,
    Instant occurredAt,
    String operationType,
    String client,
    String project,
    String provider,
    BigDecimal amount)
    implements Serializable {

  static CostEventRow of(CostEvent e) {
    return new CostEventRow(
        e.id(),
        e.occurredAt(),
        e.operationType(),
        e.client().orElse(""),
        e.project().orElse(""),
        e.provider().orElse(""),
        e.amount());
  }

  public long getId() {
    return id;
  }
}
