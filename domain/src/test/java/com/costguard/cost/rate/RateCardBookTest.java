package com.costguard.cost.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateCardBookTest {

  private static final String RESEARCHER = "agent:researcher";
  private static final String WRITER = "agent:writer";
  private static final String TOKENS = "1k_tokens";

  /** A researcher's tokens get cheaper at noon on 15 March, and the new price is then corrected. */
  private static final List<RateCard> CARDS =
      List.of(
          card(RESEARCHER, TOKENS, "0.003", "2026-01-01T00:00:00Z", 1),
          card(RESEARCHER, TOKENS, "0.0025", "2026-03-15T12:00:00Z", 2),
          card(RESEARCHER, TOKENS, "0.0024", "2026-03-15T12:00:00Z", 3),
          card(WRITER, TOKENS, "0.015", "2026-01-01T00:00:00Z", 1),
          card("clay_company_enrichment", "call", "0.80", "2026-01-01T00:00:00Z", 1));

  private final RateCardBook book = new RateCardBook(CARDS);

  @ParameterizedTest(name = "{0} per {1} at {2} → {3}")
  @CsvSource({
    "agent:researcher, 1k_tokens, 2026-01-01T00:00:00Z,        0.003",
    "agent:researcher, 1k_tokens, 2026-03-15T11:59:59.999999Z, 0.003",
    "agent:researcher, 1k_tokens, 2026-03-15T12:00:00Z,        0.0024",
    "agent:researcher, 1k_tokens, 2027-01-01T00:00:00Z,        0.0024",
    "agent:writer,     1k_tokens, 2026-03-15T12:00:00Z,        0.015",
    "clay_company_enrichment, call, 2026-02-01T00:00:00Z,      0.80",
  })
  void theRateInForceIsTheLatestEffectiveAtOrBeforeTheEvent(
      String operation, String unit, Instant occurredAt, BigDecimal price) {
    assertThat(book.rateInForce(operation, unit, occurredAt))
        .get()
        .extracting(RateCard::pricePerUnit)
        .isEqualTo(price);
  }

  @ParameterizedTest(name = "{0} per {1} at {2} → no rate")
  @CsvSource({
    "agent:researcher, 1k_tokens, 2025-12-31T23:59:59.999999999Z",
    "agent:researcher, call,      2026-02-01T00:00:00Z",
    "agent:planner,    1k_tokens, 2026-02-01T00:00:00Z",
    "Agent:Researcher, 1k_tokens, 2026-02-01T00:00:00Z",
    "agent:researcher, 1K_TOKENS, 2026-02-01T00:00:00Z",
  })
  void noRateInForceBeforeTheFirstCardOrForAnUnknownPair(
      String operation, String unit, Instant occurredAt) {
    assertThat(book.rateInForce(operation, unit, occurredAt)).isEmpty();
    assertThat(book.price(operation, unit, BigDecimal.TEN, occurredAt)).isEmpty();
  }

  @ParameterizedTest(name = "{2} units at {1} → {3}")
  @CsvSource({
    // the price changes at noon: the same usage costs differently in the morning and afternoon
    "agent:researcher, 2026-03-15T09:30:00Z, 1234,     3.702,    true",
    "agent:researcher, 2026-03-15T15:30:00Z, 1234,     2.9616,   true",
    "agent:writer,     2026-03-15T15:30:00Z, 0.5,      0.0075,   true",
    "agent:writer,     2026-03-15T15:30:00Z, 0,        0,        true",
    // 1.234567 × 0.0024 has eight decimals: kept exact, and DECIMAL(19,6) cannot hold it
    "agent:researcher, 2026-03-15T15:30:00Z, 1.234567, 0.0029629608, false",
  })
  void pricedAmountIsUnitsTimesPriceKeptExact(
      String operation, Instant occurredAt, BigDecimal units, BigDecimal amount, boolean fits) {
    PricedUnits priced = book.price(operation, TOKENS, units, occurredAt).orElseThrow();

    assertThat(priced.amount()).isEqualByComparingTo(amount);
    assertThat(priced.amount().compareTo(units.multiply(priced.rate().pricePerUnit()))).isZero();
    assertThat(priced.fitsStorage()).isEqualTo(fits);
    assertThat(priced.units()).isEqualTo(units);
  }

  @Test
  void thePricedUnitsNameTheCardVersionThatPricedThem() {
    PricedUnits priced =
        book.price(RESEARCHER, TOKENS, BigDecimal.ONE, Instant.parse("2026-03-15T12:00:00Z"))
            .orElseThrow();

    assertThat(priced.rate().version()).isEqualTo(3);
  }

  @Test
  void theOrderCardsAreGivenInDoesNotMatter() {
    Random random = new Random(42);
    Instant[] instants = {
      Instant.parse("2025-06-01T00:00:00Z"),
      Instant.parse("2026-01-01T00:00:00Z"),
      Instant.parse("2026-03-15T11:59:59Z"),
      Instant.parse("2026-03-15T12:00:00Z"),
      Instant.parse("2026-12-31T23:59:59Z")
    };
    for (int round = 0; round < 20; round++) {
      List<RateCard> shuffled = new ArrayList<>(CARDS);
      Collections.shuffle(shuffled, random);
      RateCardBook reordered = new RateCardBook(shuffled);
      for (Instant at : instants) {
        for (String operation : List.of(RESEARCHER, WRITER)) {
          assertThat(reordered.rateInForce(operation, TOKENS, at))
              .isEqualTo(book.rateInForce(operation, TOKENS, at));
        }
      }
    }
  }

  @Test
  void anEmptyBookPricesNothing() {
    assertThat(
            new RateCardBook(List.of())
                .price(RESEARCHER, TOKENS, BigDecimal.ONE, Instant.parse("2026-01-01T00:00:00Z")))
        .isEmpty();
  }

  @Test
  void twoCardsOfAPairWithTheSameStartAndVersionAreRefused() {
    List<RateCard> ambiguous =
        List.of(
            card(RESEARCHER, TOKENS, "0.003", "2026-01-01T00:00:00Z", 1),
            card(RESEARCHER, TOKENS, "0.004", "2026-01-01T00:00:00Z", 1));

    assertThatThrownBy(() -> new RateCardBook(ambiguous))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agent:researcher");
  }

  @Test
  void theSameStartAndVersionForDifferentPairsIsFine() {
    List<RateCard> cards =
        List.of(
            card(RESEARCHER, TOKENS, "0.003", "2026-01-01T00:00:00Z", 1),
            card(RESEARCHER, "call", "0.01", "2026-01-01T00:00:00Z", 1));

    assertThat(new RateCardBook(cards).rateInForce(RESEARCHER, "call", Instant.MAX))
        .get()
        .extracting(RateCard::pricePerUnit)
        .isEqualTo(new BigDecimal("0.01"));
  }

  @Test
  void aCardNeedsNamesANonNegativePriceAndAVersion() {
    assertThatThrownBy(() -> card(RESEARCHER, TOKENS, "-0.01", "2026-01-01T00:00:00Z", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> card(" ", TOKENS, "0.01", "2026-01-01T00:00:00Z", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> card(RESEARCHER, "", "0.01", "2026-01-01T00:00:00Z", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> card(RESEARCHER, TOKENS, "0.01", "2026-01-01T00:00:00Z", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static RateCard card(
      String operation, String unit, String price, String effectiveFrom, int version) {
    return new RateCard(
        operation, unit, new BigDecimal(price), Instant.parse(effectiveFrom), version);
  }
}
