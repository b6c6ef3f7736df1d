package com.costguard.model.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** A project as someone enters it, to create or replace one; not yet validated. */
public record ProjectDetails(
    String name,
    Long clientId,
    String code,
    Optional<LocalDate> startDate,
    Optional<LocalDate> endDate,
    Optional<BigDecimal> projectedRevenue,
    Optional<BigDecimal> otherCosts) {}
