package com.costguard.cost.job;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One spot interruption as the timeline saw it.
 *
 * @param at when the job was interrupted
 * @param gap the measured time from {@code interrupted} to {@code recovered} (or to the end of the
 *     job, or to the instant costed while it is still open)
 * @param reportedRecoveryMinutes the recovery minutes the {@code recovered} event gave, if any
 * @param ongoing whether the job is still interrupted at the instant costed
 */
public record Interruption(
    Instant at, Duration gap, Optional<BigDecimal> reportedRecoveryMinutes, boolean ongoing) {

  /** The minutes billed: the reported recovery minutes when there are some, else the gap. */
  public BigDecimal billedMinutes() {
    return reportedRecoveryMinutes.orElseGet(() -> Hours.minutes(gap));
  }

  /** The unrounded overhead of this interruption at an hourly rate. */
  BigDecimal price(BigDecimal hourlyRate) {
    return reportedRecoveryMinutes
        .map(minutes -> Hours.priceOfMinutes(minutes, hourlyRate))
        .orElseGet(() -> Hours.price(gap, hourlyRate));
  }
}
