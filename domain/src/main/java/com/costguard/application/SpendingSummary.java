package com.costguard.application;

import java.math.BigDecimal;
import java.time.Instant;

/** Spend in {@code [from, to)}: the exact total and the number of cost events. */
public record SpendingSummary(
    Instant from, Instant to, String currency, BigDecimal total, long events) {}
