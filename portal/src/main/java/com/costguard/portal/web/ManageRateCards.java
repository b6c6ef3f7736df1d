package com.costguard.portal.web;

import com.costguard.application.RateCardService;
import com.costguard.application.RequestRefusedException;
import com.costguard.cost.Money;
import com.costguard.model.ratecard.NewRateCard;
import com.costguard.model.ratecard.RateCardVersion;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /dashboard/rate-cards}: every version of every rate card, newest effective date first;
 * ADMINs add a version (a new price or a correction) with the day it takes effect. Versions are
 * never edited (see {@link RateCardService}), which also refuses anyone but an ADMIN whatever this
 * page shows.
 */
@Named
@ViewScoped
public class ManageRateCards implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject RateCardService rateCards;
  @Inject CurrentUser signedIn;
  @Inject Formats formats;

  private List<CardRow> rows = List.of();
  private String operationType;
  private String unitType;
  private BigDecimal price;
  private String effectiveFrom;

  /** A version as the table shows it; the price written exactly, as the API writes it. */
  public record CardRow(
      long id,
      String operationType,
      String unitType,
      String price,
      Instant effectiveFrom,
      int version,
      Instant createdAt)
      implements Serializable {

    static CardRow of(RateCardVersion v) {
      return new CardRow(
          v.id(),
          v.operationType(),
          v.unitType(),
          Money.exact(v.price()).toPlainString(),
          v.effectiveFrom(),
          v.version(),
          v.createdAt());
    }
  }

  @PostConstruct
  void load() {
    rows = rateCards.list(Optional.empty(), Optional.empty()).stream().map(CardRow::of).toList();
  }

  /** Adds the form's card as the next version of its pair. */
  public void add() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      RateCardVersion added =
          rateCards.add(
              signedIn.required(),
              new NewRateCard(
                  operationType == null ? null : operationType.strip(),
                  unitType == null ? null : unitType.strip(),
                  price,
                  day(effectiveFrom)));
      load();
      Refusals.info(
          faces,
          "Version %d of %s / %s added."
              .formatted(added.version(), added.operationType(), added.unitType()));
      operationType = unitType = effectiveFrom = null;
      price = null;
    } catch (RequestRefusedException e) {
      Refusals.show(
          faces,
          e,
          Map.of(
              "operationType", "cards:operationType",
              "unitType", "cards:unitType",
              "price", "cards:price",
              "effectiveFrom", "cards:effectiveFrom"));
    }
  }

  /** The start of a day in the installation's time zone; empty: now. */
  private Instant day(String value) {
    if (value == null || value.isBlank()) {
      return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
    try {
      return LocalDate.parse(value.strip()).atStartOfDay(ZoneId.of(formats.zone())).toInstant();
    } catch (DateTimeParseException e) {
      throw RequestRefusedException.invalid("effectiveFrom", "a date is written as YYYY-MM-DD");
    }
  }

  public List<CardRow> getRows() {
    return rows;
  }

  public String getOperationType() {
    return operationType;
  }

  public void setOperationType(String operationType) {
    this.operationType = operationType;
  }

  public String getUnitType() {
    return unitType;
  }

  public void setUnitType(String unitType) {
    this.unitType = unitType;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public void setPrice(BigDecimal price) {
    this.price = price;
  }

  public String getEffectiveFrom() {
    return effectiveFrom;
  }

  public void setEffectiveFrom(String effectiveFrom) {
    this.effectiveFrom = effectiveFrom;
  }
}
