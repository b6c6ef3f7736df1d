package com.costguard.model.costevent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** A cost event as reported by a service, before it is accepted. */
public record NewCostEvent(
    String idempotencyKey,
    Instant occurredAt,
    String operationType,
    Optional<BigDecimal> amount,
    Optional<String> currency,
    Optional<BigDecimal> units,
    Optional<String> unitType,
    Attribution attribution,
    Optional<BigDecimal> listCost,
    Optional<String> reusedFrom,
    Optional<String> metadataJson) {}
