package com.costguard.cost.job;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One projection scenario.
 *
 * @param remainingTime the expected remaining time × the scenario's factor
 * @param completionAt when the job would finish
 * @param finalCost current cost + remaining time × hourly rate, rounded to cents
 */
public record Scenario(
    ScenarioKind kind, Duration remainingTime, Instant completionAt, BigDecimal finalCost) {

  public int probabilityPercent() {
    return kind.probabilityPercent();
  }
}
