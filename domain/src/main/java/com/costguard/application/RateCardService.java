package com.costguard.application;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.cost.rate.RateCardBook;
import com.costguard.model.ratecard.NewRateCard;
import com.costguard.model.ratecard.RateCardRepository;
import com.costguard.model.ratecard.RateCardVersion;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Rate cards: admins add versions, anyone signed in reads them, and cost events without an amount
 * are priced with the {@linkplain #bookFor book} of them.
 *
 * <p>A version is never changed: a new price, or a correction of one, is a new card. Versions
 * number a pair's cards in the order they were added (1, 2, …), so among cards of a pair taking
 * effect at the same instant the latest added wins, as {@link RateCardBook} rules. A card may take
 * effect in the past (a correction usually does); events are priced once, when they arrive, so such
 * a card prices later arrivals but does not reprice stored events.
 */
@ApplicationScoped
public class RateCardService {

  /** A price per unit above the ceiling on amounts is a unit mix-up too. */
  static final BigDecimal MAX_PRICE = CostEventService.MAX_AMOUNT;

  /** What {@code DATETIME(6)} holds. */
  static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");

  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  @Inject RateCardRepository cards;
  @Inject RateCardWriter writer;

  /**
   * The versions of the pairs matching the filters (empty = any), newest {@code effectiveFrom}
   * first, then highest version first.
   */
  public List<RateCardVersion> list(Optional<String> operationType, Optional<String> unitType) {
    return cards.list(operationType.filter(o -> !o.isBlank()), unitType.filter(u -> !u.isBlank()));
  }

  public Optional<RateCardVersion> byId(long id) {
    return cards.byId(id);
  }

  /**
   * Stores {@code card} as the next version of its pair.
   *
   * @throws RequestRefusedException when the actor is not an ADMIN or the card is invalid
   */
  public RateCardVersion add(User actor, NewRateCard card) {
    if (!actor.hasRole(Role.ADMIN)) {
      throw new RequestRefusedException(
          RequestRefusedException.Reason.FORBIDDEN, null, "only an ADMIN may change rate cards");
    }
    validate(card);
    try {
      return writer.add(actor, card);
    } catch (PersistenceException raced) {
      // Another admin took this version of the pair between our look-up and our insert; the
      // insert was rolled back, and a second pass takes the version after theirs.
      return writer.add(actor, card);
    }
  }

  /**
   * Every card of the pairs of {@code operationTypes}, read once, to price a batch of events with.
   */
  public RateCardBook bookFor(Collection<String> operationTypes) {
    return new RateCardBook(
        cards.forOperationTypes(operationTypes).stream().map(RateCardVersion::rate).toList());
  }

  private static void validate(NewRateCard card) {
    name("operationType", card.operationType());
    name("unitType", card.unitType());
    BigDecimal price = card.price();
    if (price == null) {
      throw invalid("price", "price is required (the price of one unit, e.g. 0.0025)");
    }
    if (price.signum() < 0) {
      throw invalid("price", "must not be negative");
    }
    if (price.compareTo(MAX_PRICE) > 0) {
      throw invalid("price", "must not exceed %s".formatted(MAX_PRICE.toPlainString()));
    }
    if (!RateCardVersion.storablePrice(price)) {
      throw invalid(
          "price",
          "at most %d digits before and %d after the decimal point"
              .formatted(RateCardVersion.PRICE_INTEGER_DIGITS, RateCardVersion.PRICE_SCALE));
    }
    Instant effectiveFrom = card.effectiveFrom();
    if (effectiveFrom == null) {
      throw invalid(
          "effectiveFrom",
          "effectiveFrom is required (an ISO-8601 instant, e.g. 2026-11-01T00:00:00Z)");
    }
    if (effectiveFrom.isBefore(EARLIEST) || effectiveFrom.isAfter(LATEST)) {
      throw invalid("effectiveFrom", "must be in the years 1000 to 9999");
    }
    if (effectiveFrom.getNano() % 1_000 != 0) {
      // The database keeps microseconds; a finer instant would be stored as another one.
      throw invalid("effectiveFrom", "at most six decimals of a second (microseconds)");
    }
  }

  private static void name(String field, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(field, field + " is required");
    }
    if (value.length() > CostEventService.MAX_TEXT) {
      throw invalid(field, "at most %d characters".formatted(CostEventService.MAX_TEXT));
    }
    if (!value.strip().equals(value)) {
      // Events name their types exactly; a card for "llm " would never price an "llm" event.
      throw invalid(field, field + " must not start or end with spaces");
    }
  }
}
