package com.costguard.model.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A lifecycle or progress event as a runner reports it, before it is accepted. {@code type} and
 * {@code stage} are the names as sent ({@code progress}, {@code training}); required fields are
 * null when missing.
 */
public record NewJobEvent(
    String type,
    Instant at,
    String idempotencyKey,
    Optional<Long> step,
    Optional<String> stage,
    Optional<BigDecimal> recoveryMinutes,
    Optional<BigDecimal> storageGb) {}
