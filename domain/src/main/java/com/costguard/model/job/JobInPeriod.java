package com.costguard.model.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A job that counts in a budget's period, as the budget dashboard lists it (SPEC §4).
 *
 * @param status its wire name
 * @param cost what it accrued in the period
 * @param currentCost its whole cost so far
 */
public record JobInPeriod(
    long id,
    String name,
    String status,
    String createdBy,
    Instant createdAt,
    Optional<String> client,
    Optional<String> project,
    BigDecimal cost,
    BigDecimal currentCost) {

  /** A finished job settled in the period ({@link Job#settledIn}): it cost its final cost there. */
  public static JobInPeriod settled(Job job) {
    BigDecimal cost = job.finalCost().orElseThrow();
    return of(job, cost, cost);
  }

  public static JobInPeriod of(Job job, BigDecimal cost, BigDecimal currentCost) {
    return new JobInPeriod(
        job.id(),
        job.name(),
        job.status().wireName(),
        job.createdBy(),
        job.createdAt(),
        job.client(),
        job.project(),
        cost,
        currentCost);
  }

  public boolean isActive() {
    return status.equals(JobStatus.RUNNING.wireName())
        || status.equals(JobStatus.PAUSED.wireName());
  }
}
