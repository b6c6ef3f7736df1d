package com.costguard.cost.job;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The overhead of one spot interruption: "Interruption #1: 8 min recovery @ $2.49/hr = $0.33".
 *
 * @param at when the job was interrupted
 * @param minutes the recovery minutes reported, else the measured gap in minutes (unrounded)
 * @param amount {@code minutes / 60 × hourly rate}, rounded to cents
 * @param ongoing whether the job is still interrupted (the amount grows until it recovers)
 */
public record InterruptionLine(
    Instant at, BigDecimal minutes, BigDecimal amount, boolean ongoing) {}
