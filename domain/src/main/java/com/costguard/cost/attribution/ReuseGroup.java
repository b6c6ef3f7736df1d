package com.costguard.cost.attribution;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The cost events of a range that carry a {@code listCost}, added up by the {@code client} string
 * they name.
 *
 * @param client the events' client string; empty for events naming none
 * @param listCost what they would have cost without reuse
 * @param paid what they cost
 * @param savings the sum of each event's {@code max(0, listCost − amount)} ({@link
 *     com.costguard.cost.rate.ReuseSavings}), exact
 * @param events how many events
 */
public record ReuseGroup(
    Optional<String> client,
    BigDecimal listCost,
    BigDecimal paid,
    BigDecimal savings,
    long events) {

  public ReuseGroup {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(listCost, "listCost");
    Objects.requireNonNull(paid, "paid");
    Objects.requireNonNull(savings, "savings");
    client = client.filter(text -> !text.isBlank());
  }
}
