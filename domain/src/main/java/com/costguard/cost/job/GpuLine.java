package com.costguard.cost.job;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Billed GPU time in one stage: "Active training: 6h 15m @ $2.49/hr = $15.57".
 *
 * @param time the active time in the stage
 * @param hours the same time in hours, unrounded
 * @param amount {@code time × hourly rate}, rounded to cents
 */
public record GpuLine(Stage stage, Duration time, BigDecimal hours, BigDecimal amount) {}
