package com.costguard.cost.attribution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One project's cost and profit in the range (SPEC §2): profit = revenue − training cost − other
 * costs; margin % = profit / revenue × 100.
 *
 * @param name the registered project's name, else the string the jobs gave, else {@link
 *     Attribution#NONE}
 * @param clientName the name of the client it belongs to (registered, else as its jobs name it)
 * @param trainingCost what its jobs cost in the range
 * @param profit empty while no revenue is entered
 * @param marginPercent two decimals; empty without revenue, or with a revenue of 0
 */
public record ProjectProfit(
    String name,
    Optional<ProjectInfo> project,
    String clientName,
    List<CostedJob> jobs,
    BigDecimal trainingCost,
    Optional<BigDecimal> averagePerJob,
    Optional<BigDecimal> revenue,
    BigDecimal otherCosts,
    Optional<BigDecimal> profit,
    Optional<BigDecimal> marginPercent,
    Optional<MarginBand> band) {

  public ProjectProfit {
    jobs = List.copyOf(jobs);
  }
}
