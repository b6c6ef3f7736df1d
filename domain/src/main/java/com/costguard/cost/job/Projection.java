package com.costguard.cost.job;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a running job is heading (SPEC §2). Built by {@link ProjectionCalculator}.
 *
 * @param completedSteps the latest step reported
 * @param remainingSteps total steps − completed steps, never below 0
 * @param stepsPerHour completed steps / active training hours (unrounded)
 * @param remainingHours remaining steps / speed + the finalization overhead still to come
 *     (unrounded)
 * @param remainingTime the same as a duration
 * @param projectedFinal current cost + remaining hours × hourly rate, rounded to cents
 * @param low projected final × 0.85, rounded to cents
 * @param high projected final × 1.15, rounded to cents
 * @param completionAt the instant costed + remaining time
 * @param scenarios best, expected and worst, in that order
 */
public record Projection(
    long completedSteps,
    long remainingSteps,
    BigDecimal stepsPerHour,
    BigDecimal remainingHours,
    Duration remainingTime,
    BigDecimal projectedFinal,
    BigDecimal low,
    BigDecimal high,
    Instant completionAt,
    List<Scenario> scenarios,
    Recommendation recommendation) {

  public Projection {
    scenarios = List.copyOf(scenarios);
  }

  public Scenario scenario(ScenarioKind kind) {
    return scenarios.stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
  }
}
