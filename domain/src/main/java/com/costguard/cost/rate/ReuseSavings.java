package com.costguard.cost.rate;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * What reusing earlier work (a cache hit, a result another client paid for) saved one event: the
 * {@code listCost} it would have cost without reuse minus the {@code amount} it cost, attributed to
 * the event's {@code client} (seed 003's "shared intelligence" savings); {@code reusedFrom} names
 * whose work was reused.
 *
 * <p>Savings are never negative: when the reuse cost more than the list price, nothing was saved,
 * and the full amount is already counted as spend, so a negative saving would count the excess
 * twice.
 */
public record ReuseSavings(
    Optional<String> client,
    Optional<String> reusedFrom,
    BigDecimal listCost,
    BigDecimal amount,
    BigDecimal savings) {

  public ReuseSavings {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(reusedFrom, "reusedFrom");
    Objects.requireNonNull(listCost, "listCost");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(savings, "savings");
    if (savings.compareTo(savingsOf(listCost, amount)) != 0) {
      throw new IllegalArgumentException("savings must be max(0, listCost − amount)");
    }
  }

  /** The savings of an event; empty when it carries no {@code listCost} (nothing to compare). */
  public static Optional<ReuseSavings> of(
      BigDecimal amount,
      Optional<BigDecimal> listCost,
      Optional<String> client,
      Optional<String> reusedFrom) {
    Objects.requireNonNull(amount, "amount");
    return listCost.map(
        list -> new ReuseSavings(client, reusedFrom, list, amount, savingsOf(list, amount)));
  }

  /** The exact sum of the savings. */
  public static BigDecimal total(Collection<ReuseSavings> savings) {
    return savings.stream().map(ReuseSavings::savings).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static BigDecimal savingsOf(BigDecimal listCost, BigDecimal amount) {
    return listCost.subtract(amount).max(BigDecimal.ZERO);
  }
}
