package com.costguard.cost.rate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The price of one unit of {@code unitType} for {@code operationType}, in force from {@code
 * effectiveFrom} until a later card for the same pair takes over. A unit may be a bundle ("1k
 * tokens" of an agent type or model, "call" of an operation): the card prices whatever the unit
 * type names. {@code version} orders cards of the same pair that take effect at the same instant (a
 * correction): the higher version wins.
 */
public record RateCard(
    String operationType,
    String unitType,
    BigDecimal pricePerUnit,
    Instant effectiveFrom,
    int version) {

  public RateCard {
    requireText(operationType, "operationType");
    requireText(unitType, "unitType");
    Objects.requireNonNull(pricePerUnit, "pricePerUnit");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    if (pricePerUnit.signum() < 0) {
      throw new IllegalArgumentException("pricePerUnit must not be negative: " + pricePerUnit);
    }
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1: " + version);
    }
  }

  /** Whether this card prices {@code unitType} of {@code operationType} (exact, case-sensitive). */
  public boolean prices(String operationType, String unitType) {
    return this.operationType.equals(operationType) && this.unitType.equals(unitType);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
