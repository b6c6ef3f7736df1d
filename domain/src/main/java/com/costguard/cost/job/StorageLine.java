package com.costguard.cost.job;

import java.math.BigDecimal;

/**
 * Checkpoint storage: "4.2GB stored = $0.00 (included)".
 *
 * @param gb the checkpoint storage of the latest storage report (0 before any)
 * @param amount {@code gb × storage price per GB}, rounded to cents
 */
public record StorageLine(BigDecimal gb, BigDecimal amount) {

  /** Whether storage is included in the price (costs nothing). */
  public boolean included() {
    return amount.signum() == 0;
  }
}
