package com.costguard.model.job;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A job as a runner announces it, before it is accepted. Required fields are null when missing;
 * {@code pricing} is the name as sent ({@code spot} or {@code on_demand}).
 *
 * @param createdBy the job's creator; the caller when absent
 * @param onDemandHourlyRate what the same GPU costs on demand; the hourly rate when absent
 */
public record NewJob(
    String externalId,
    String name,
    Optional<String> createdBy,
    Optional<String> client,
    Optional<String> project,
    Optional<String> team,
    Optional<String> provider,
    Optional<String> gpuType,
    String pricing,
    BigDecimal hourlyRate,
    Optional<BigDecimal> onDemandHourlyRate,
    BigDecimal estimateMin,
    BigDecimal estimateMax,
    Long totalSteps,
    Optional<String> controlUrl) {}
