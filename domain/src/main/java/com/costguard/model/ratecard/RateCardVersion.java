package com.costguard.model.ratecard;

import com.costguard.cost.rate.RateCard;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One version of the rate card of an (operation type, unit type) pair, as stored: the engine's
 * {@link RateCard} plus who added it and when. Never changed once stored; a new price or a
 * correction is a new version.
 */
@Entity
@Table(name = "rate_cards")
public class RateCardVersion {

  /** Decimal places a price keeps ({@code DECIMAL(25,12)}): per-token prices need them. */
  public static final int PRICE_SCALE = 12;

  /** Digits a price may have before the decimal point ({@code DECIMAL(25,12)}). */
  public static final int PRICE_INTEGER_DIGITS = 13;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "operation_type", nullable = false)
  private String operationType;

  @Column(name = "unit_type", nullable = false)
  private String unitType;

  @Column(nullable = false, precision = 25, scale = 12)
  private BigDecimal price;

  @Column(name = "effective_from", nullable = false)
  private Instant effectiveFrom;

  @Column(nullable = false)
  private int version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The id of the user who added this version (a foreign key to {@code users}). */
  @Column(name = "created_by", nullable = false)
  private Long createdBy;

  protected RateCardVersion() {}

  public RateCardVersion(RateCard rate, Long createdBy, Instant createdAt) {
    this.operationType = rate.operationType();
    this.unitType = rate.unitType();
    this.price = rate.pricePerUnit();
    this.effectiveFrom = rate.effectiveFrom();
    this.version = rate.version();
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  /** Whether {@code price} fits {@code DECIMAL(25,12)} without rounding. */
  public static boolean storablePrice(BigDecimal price) {
    BigDecimal stripped = price.stripTrailingZeros();
    return stripped.scale() <= PRICE_SCALE
        && stripped.precision() - stripped.scale() <= PRICE_INTEGER_DIGITS;
  }

  /** The card as the pricing engine reads it. */
  public RateCard rate() {
    return new RateCard(operationType, unitType, price, effectiveFrom, version);
  }

  /** Null until stored. */
  public Long id() {
    return id;
  }

  public String operationType() {
    return operationType;
  }

  public String unitType() {
    return unitType;
  }

  /** The exact price of one unit, in the installation's currency. */
  public BigDecimal price() {
    return price;
  }

  public Instant effectiveFrom() {
    return effectiveFrom;
  }

  public int version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Long createdBy() {
    return createdBy;
  }
}
