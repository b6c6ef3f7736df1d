package com.costguard.model.ratecard;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A rate card as an admin submits it, before it is validated; a missing field is null. The version
 * is not submitted: the service gives the pair's next one.
 */
public record NewRateCard(
    String operationType, String unitType, BigDecimal price, Instant effectiveFrom) {}
