package com.costguard.cost.rate;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every version of every rate card, answering "what did this cost when it happened": the card in
 * force at an instant is the one of the same (operation type, unit type) with the latest {@code
 * effectiveFrom} at or before it; among cards effective at the same instant, the highest version. A
 * card effective after the event never prices it, so a new price never reprices the past. Operation
 * and unit types match exactly (case-sensitive), as they are stored.
 */
public final class RateCardBook {

  private record Pair(String operationType, String unitType) {}

  /** Latest first: the first card of a pair that is effective at an instant is in force. */
  private static final Comparator<RateCard> LATEST_FIRST =
      Comparator.comparing(RateCard::effectiveFrom).thenComparingInt(RateCard::version).reversed();

  private final Map<Pair, List<RateCard>> cardsByPair;

  /**
   * @throws IllegalArgumentException when two cards of a pair share both {@code effectiveFrom} and
   *     {@code version}, since neither could be said to be in force
   */
  public RateCardBook(Collection<RateCard> cards) {
    this.cardsByPair =
        cards.stream()
            .map(Objects::requireNonNull)
            .sorted(LATEST_FIRST)
            .collect(groupingBy(c -> new Pair(c.operationType(), c.unitType()), toList()));
    cardsByPair.values().forEach(RateCardBook::requireUnambiguous);
  }

  /** The card pricing {@code unitType} of {@code operationType} at {@code occurredAt}, if any. */
  public Optional<RateCard> rateInForce(String operationType, String unitType, Instant occurredAt) {
    Objects.requireNonNull(occurredAt, "occurredAt");
    return cardsByPair.getOrDefault(new Pair(operationType, unitType), List.of()).stream()
        .filter(c -> !c.effectiveFrom().isAfter(occurredAt))
        .findFirst();
  }

  /**
   * {@code units} priced with the rate in force at {@code occurredAt}; empty when no card is in
   * force (none for the pair, or all of them effective later).
   */
  public Optional<PricedUnits> price(
      String operationType, String unitType, BigDecimal units, Instant occurredAt) {
    Objects.requireNonNull(units, "units");
    return rateInForce(operationType, unitType, occurredAt).map(c -> PricedUnits.of(c, units));
  }

  private static void requireUnambiguous(List<RateCard> latestFirst) {
    for (int i = 1; i < latestFirst.size(); i++) {
      RateCard a = latestFirst.get(i - 1);
      RateCard b = latestFirst.get(i);
      if (a.effectiveFrom().equals(b.effectiveFrom()) && a.version() == b.version()) {
        throw new IllegalArgumentException(
            "two rate cards for %s per %s effective %s with version %d"
                .formatted(a.operationType(), a.unitType(), a.effectiveFrom(), a.version()));
      }
    }
  }
}
