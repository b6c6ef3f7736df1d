package com.costguard.cost.job;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * What the cost engine needs to know about a job, fixed when the job is created.
 *
 * @param hourlyRate what one hour of the job's GPU time costs on its pricing tier
 * @param onDemandHourlyRate what the same GPU costs per hour on demand
 * @param estimateMin the low end of the cost estimate (0 allowed: no percentage of estimate then)
 * @param estimateMax the high end of the cost estimate, at least {@code estimateMin}
 * @param totalSteps the number of steps that completes the job
 * @param storagePricePerGb the flat price of one GB of checkpoint storage (0: "included")
 * @param finalizationOverhead the time a job needs after its last step (saving, validation)
 */
public record JobSpec(
    Pricing pricing,
    BigDecimal hourlyRate,
    BigDecimal onDemandHourlyRate,
    BigDecimal estimateMin,
    BigDecimal estimateMax,
    long totalSteps,
    BigDecimal storagePricePerGb,
    Duration finalizationOverhead) {

  /** SPEC §2: "+ 15 min finalization" unless the job says otherwise. */
  public static final Duration DEFAULT_FINALIZATION_OVERHEAD = Duration.ofMinutes(15);

  public JobSpec {
    Objects.requireNonNull(pricing, "pricing");
    requireNotNegative(hourlyRate, "hourlyRate");
    requireNotNegative(onDemandHourlyRate, "onDemandHourlyRate");
    requireNotNegative(estimateMin, "estimateMin");
    requireNotNegative(estimateMax, "estimateMax");
    requireNotNegative(storagePricePerGb, "storagePricePerGb");
    Objects.requireNonNull(finalizationOverhead, "finalizationOverhead");
    if (estimateMax.compareTo(estimateMin) < 0) {
      throw new IllegalArgumentException("estimateMax must not be below estimateMin");
    }
    if (totalSteps < 0) {
      throw new IllegalArgumentException("totalSteps must not be negative");
    }
    if (finalizationOverhead.isNegative()) {
      throw new IllegalArgumentException("finalizationOverhead must not be negative");
    }
  }

  /** A job with storage included (price 0) and the default finalization overhead. */
  public static JobSpec of(
      Pricing pricing,
      BigDecimal hourlyRate,
      BigDecimal onDemandHourlyRate,
      BigDecimal estimateMin,
      BigDecimal estimateMax,
      long totalSteps) {
    return new JobSpec(
        pricing,
        hourlyRate,
        onDemandHourlyRate,
        estimateMin,
        estimateMax,
        totalSteps,
        BigDecimal.ZERO,
        DEFAULT_FINALIZATION_OVERHEAD);
  }

  public JobSpec withStoragePricePerGb(BigDecimal price) {
    return new JobSpec(
        pricing,
        hourlyRate,
        onDemandHourlyRate,
        estimateMin,
        estimateMax,
        totalSteps,
        price,
        finalizationOverhead);
  }

  public JobSpec withFinalizationOverhead(Duration overhead) {
    return new JobSpec(
        pricing,
        hourlyRate,
        onDemandHourlyRate,
        estimateMin,
        estimateMax,
        totalSteps,
        storagePricePerGb,
        overhead);
  }

  private static void requireNotNegative(BigDecimal amount, String name) {
    Objects.requireNonNull(amount, name);
    if (amount.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
  }
}
