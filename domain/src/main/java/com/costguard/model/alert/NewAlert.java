package com.costguard.model.alert;

import com.costguard.alerting.AlertKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A budget alert about to fire, with the figures it fires at.
 *
 * @param threshold the percent crossed; 0 for kinds without one
 * @param periodStart the {@linkplain com.costguard.alerting.AlertPeriod period key}
 * @param spent the period's spend now
 * @param limit what the spend is measured against (limit + rollover)
 */
public record NewAlert(
    AlertKind kind,
    long budgetId,
    int threshold,
    Instant periodStart,
    Instant firedAt,
    BigDecimal spent,
    BigDecimal limit) {

  public NewAlert {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(firedAt, "firedAt");
    Objects.requireNonNull(spent, "spent");
    Objects.requireNonNull(limit, "limit");
  }
}
