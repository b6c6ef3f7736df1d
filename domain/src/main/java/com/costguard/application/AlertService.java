package com.costguard.application;

import com.costguard.model.alert.AlertRepository;
import com.costguard.model.alert.FiredAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Fired alerts with the state of their deliveries (SPEC §5 {@code GET /alerts}); anyone reads. */
@ApplicationScoped
public class AlertService {

  /** At most this many alerts per answer; {@code since} pages through more. */
  public static final int MAX = 1000;

  @Inject AlertRepository alerts;

  /** Oldest first, from {@code since} on, of one budget when given. */
  public List<FiredAlert> list(Optional<Long> budgetId, Optional<Instant> since) {
    return alerts.list(budgetId, since, MAX);
  }
}
