package com.costguard.cost.attribution;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A client's "shared intelligence" savings (seed 003): what reusing earlier work (a cache hit, a
 * result another client paid for) saved its cost events in a range.
 *
 * @param name the registered client's name, else the events' client string, else {@link
 *     Attribution#NONE}
 * @param listCost what its reusing events would have cost without reuse, in cents
 * @param paid what they cost, in cents
 * @param savings what reuse saved it, in cents
 * @param savingsPercent savings / list cost × 100 (seed 003: savings / total potential costs)
 */
public record ClientReuse(
    String name,
    Optional<ClientInfo> client,
    BigDecimal listCost,
    BigDecimal paid,
    BigDecimal savings,
    long events,
    Optional<BigDecimal> savingsPercent) {}
