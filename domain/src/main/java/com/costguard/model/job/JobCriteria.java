package com.costguard.model.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Which of a period's jobs the budget dashboard shows (seed 000 FR7.2.1): a status, created in
 * {@code [createdFrom, createdBefore)}, a creator, and a cost in the period within {@code [minCost,
 * maxCost]}. An empty field does not filter.
 */
public record JobCriteria(
    Optional<JobStatus> status,
    Optional<Instant> createdFrom,
    Optional<Instant> createdBefore,
    Optional<String> creator,
    Optional<BigDecimal> minCost,
    Optional<BigDecimal> maxCost) {

  public static final JobCriteria ANY =
      new JobCriteria(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public boolean matches(JobInPeriod job) {
    return status.map(s -> s.wireName().equals(job.status())).orElse(true)
        && createdFrom.map(from -> !job.createdAt().isBefore(from)).orElse(true)
        && createdBefore.map(before -> job.createdAt().isBefore(before)).orElse(true)
        && creator.map(c -> c.equals(job.createdBy())).orElse(true)
        && minCost.map(min -> job.cost().compareTo(min) >= 0).orElse(true)
        && maxCost.map(max -> job.cost().compareTo(max) <= 0).orElse(true);
  }
}
