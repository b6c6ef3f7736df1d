package com.costguard.model.alert;

import com.costguard.alerting.AlertKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A job alert about to fire (SPEC §2's estimate alerts), with the figures it fires at. A job has no
 * periods: it fires each threshold once in its life.
 *
 * @param threshold the percent of the estimate reached (80, 100 or 120)
 * @param periodStart when the job was created (what the alert row names as its period)
 * @param cost the job's current cost
 * @param reference the amount the threshold is measured against (0.8 × min, max, 1.2 × max)
 */
public record NewJobAlert(
    AlertKind kind,
    long jobId,
    int threshold,
    Instant periodStart,
    Instant firedAt,
    BigDecimal cost,
    BigDecimal reference) {

  public NewJobAlert {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(firedAt, "firedAt");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(reference, "reference");
  }
}
