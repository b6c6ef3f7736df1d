package com.costguard.cost.attribution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What one client's jobs cost in the range.
 *
 * @param name the registered client's name, else the string the jobs gave, else {@link
 *     Attribution#NONE}
 * @param client the registered client, empty for a string no client has
 * @param jobs its jobs, costliest first
 * @param total the sum of its jobs' costs in the range
 * @param averagePerJob total / jobs in cents; empty without jobs
 */
public record ClientCost(
    String name,
    Optional<ClientInfo> client,
    List<CostedJob> jobs,
    BigDecimal total,
    Optional<BigDecimal> averagePerJob) {

  public ClientCost {
    jobs = List.copyOf(jobs);
  }
}
