package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.costguard.cost.rate.RateCard;
import com.costguard.model.ratecard.NewRateCard;
import com.costguard.model.ratecard.RateCardVersion;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RateCardServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final User ADMIN = user(Role.ADMIN);
  private static final String RESEARCHER = "agent:researcher";
  private static final String TOKENS = "1k_tokens";

  private final InMemoryRateCardRepository repository = new InMemoryRateCardRepository();
  private final RateCardService service = new RateCardService();

  @BeforeEach
  void wire() {
    RateCardWriter writer = new RateCardWriter();
    writer.cards = repository;
    writer.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    service.cards = repository;
    service.writer = writer;
  }

  private static User user(Role role) {
    return new User("u-" + role, role + "@example.com", "U", EnumSet.of(role), null, NOW);
  }

  private static NewRateCard card(String operation, String unit, String price, String from) {
    return new NewRateCard(
        operation,
        unit,
        price == null ? null : new BigDecimal(price),
        from == null ? null : Instant.parse(from));
  }

  @Test
  void anAdminAddsACardThatIsStoredExactlyAsVersionOne() {
    RateCardVersion added =
        service.add(ADMIN, card(RESEARCHER, TOKENS, "0.000000015", "2026-01-01T00:00:00Z"));

    assertThat(added.rate())
        .isEqualTo(
            new RateCard(
                RESEARCHER,
                TOKENS,
                new BigDecimal("0.000000015"),
                Instant.parse("2026-01-01T00:00:00Z"),
                1));
    assertThat(added.createdAt()).isEqualTo(NOW);
    assertThat(repository.stored).containsExactly(added);
  }

  @Test
  void eachNewCardOfAPairIsItsNextVersionWhateverItsStart() {
    service.add(ADMIN, card(RESEARCHER, TOKENS, "0.003", "2026-01-01T00:00:00Z"));
    service.add(ADMIN, card(RESEARCHER, TOKENS, "0.0025", "2026-03-15T12:00:00Z"));
    // a correction of the March price: same start, the later version wins
    service.add(ADMIN, card(RESEARCHER, TOKENS, "0.0024", "2026-03-15T12:00:00Z"));
    // a card taking effect before the others is still the pair's latest addition
    service.add(ADMIN, card(RESEARCHER, TOKENS, "0.004", "2025-06-01T00:00:00Z"));
    service.add(ADMIN, card(RESEARCHER, "call", "0.01", "2026-03-15T12:00:00Z"));
    service.add(ADMIN, card("agent:writer", TOKENS, "0.015", "2026-03-15T12:00:00Z"));

    assertThat(repository.stored)
        .extracting(c -> c.operationType(), c -> c.unitType(), c -> c.version())
        .containsExactly(
            tuple(RESEARCHER, TOKENS, 1),
            tuple(RESEARCHER, TOKENS, 2),
            tuple(RESEARCHER, TOKENS, 3),
            tuple(RESEARCHER, TOKENS, 4),
            tuple(RESEARCHER, "call", 1),
            tuple("agent:writer", TOKENS, 1));
    assertThat(
            service
                .bookFor(List.of(RESEARCHER))
                .rateInForce(RESEARCHER, TOKENS, Instant.parse("2026-03-15T12:00:00Z")))
        .get()
        .extracting(RateCard::pricePerUnit, RateCard::version)
        .containsExactly(new BigDecimal("0.0024"), 3);
  }

  @Test
  void anAdminRacedToTheSameVersionGetsTheNextOne() {
    InMemoryRateCardRepository racing =
        new InMemoryRateCardRepository() {
          boolean raced;

          @Override
          public void flush() {
            if (!raced) {
              raced = true;
              // the other admin's insert commits first; ours is rolled back
              RateCardVersion ours = stored.remove(stored.size() - 1);
              stored.add(
                  new RateCardVersion(
                      new RateCard(RESEARCHER, TOKENS, BigDecimal.ONE, NOW, ours.version()),
                      7L,
                      NOW));
              throw new PersistenceException("duplicate key uk_rate_cards_pair_version");
            }
          }
        };
    service.cards = racing;
    service.writer.cards = racing;

    RateCardVersion added =
        service.add(ADMIN, card(RESEARCHER, TOKENS, "0.003", "2026-01-01T00:00:00Z"));

    assertThat(added.version()).isEqualTo(2);
    assertThat(racing.stored).extracting(RateCardVersion::version).containsExactly(1, 2);
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
  void onlyAnAdminMayAddACard(Role role) {
    assertThatThrownBy(
            () -> service.add(user(role), card(RESEARCHER, TOKENS, "1", "2026-01-01T00:00:00Z")))
        .isInstanceOfSatisfying(
            RequestRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(RequestRefusedException.Reason.FORBIDDEN));
    assertThat(repository.stored).isEmpty();
  }

  @Test
  void authorisationIsCheckedBeforeTheCard() {
    assertThatThrownBy(() -> service.add(user(Role.VIEWER), card(null, null, null, null)))
        .hasFieldOrPropertyWithValue("reason", RequestRefusedException.Reason.FORBIDDEN);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "null",
      value = {
        "missing operation,    null,             1k_tokens, 0.01, 2026-01-01T00:00:00Z, operationType",
        "blank operation,      '  ',             1k_tokens, 0.01, 2026-01-01T00:00:00Z, operationType",
        "padded operation,     'llm ',           1k_tokens, 0.01, 2026-01-01T00:00:00Z, operationType",
        "missing unit,         llm,              null,      0.01, 2026-01-01T00:00:00Z, unitType",
        "blank unit,           llm,              '',        0.01, 2026-01-01T00:00:00Z, unitType",
        "padded unit,          llm,              ' tokens', 0.01, 2026-01-01T00:00:00Z, unitType",
        "missing price,        llm,              1k_tokens, null, 2026-01-01T00:00:00Z, price",
        "negative price,       llm,              1k_tokens, -0.000000000001, 2026-01-01T00:00:00Z, price",
        "thirteen decimals,    llm,              1k_tokens, 0.0000000000001, 2026-01-01T00:00:00Z, price",
        "over a trillion,      llm,              1k_tokens, 1000000000000.000000000001, 2026-01-01T00:00:00Z, price",
        "fourteen digits,      llm,              1k_tokens, 12345678901234, 2026-01-01T00:00:00Z, price",
        "missing start,        llm,              1k_tokens, 0.01, null,                 effectiveFrom",
        "nanoseconds,          llm,              1k_tokens, 0.01, 2026-01-01T00:00:00.000000001Z, effectiveFrom",
        "year 10000,           llm,              1k_tokens, 0.01, +10000-01-01T00:00:00Z, effectiveFrom",
        "year 999,             llm,              1k_tokens, 0.01, 0999-12-31T23:59:59Z, effectiveFrom",
      })
  void anInvalidCardIsRefusedNamingItsField(
      String name, String operation, String unit, String price, String from, String field) {
    assertThatThrownBy(() -> service.add(ADMIN, card(operation, unit, price, from)))
        .isInstanceOfSatisfying(
            RequestRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RequestRefusedException.Reason.VALIDATION);
              assertThat(e.field()).contains(field);
              assertThat(e.getMessage()).isNotBlank();
            });
    assertThat(repository.stored).isEmpty();
  }

  @Test
  void longNamesAreRefusedFromTwoHundredAndOneCharacters() {
    String longest = "o".repeat(200);
    service.add(ADMIN, card(longest, "u".repeat(200), "1", "2026-01-01T00:00:00Z"));

    assertThat(refusedField(card(longest + "o", TOKENS, "1", "2026-01-01T00:00:00Z")))
        .isEqualTo("operationType");
    assertThat(refusedField(card(RESEARCHER, "u".repeat(201), "1", "2026-01-01T00:00:00Z")))
        .isEqualTo("unitType");
    assertThat(repository.stored).hasSize(1);
  }

  private String refusedField(NewRateCard card) {
    try {
      service.add(ADMIN, card);
    } catch (RequestRefusedException e) {
      return e.field().orElseThrow();
    }
    throw new AssertionError("accepted " + card);
  }

  @ParameterizedTest(name = "price {0}")
  @CsvSource({
    "0",
    "0.000000000001",
    "1000000000000",
    "1000000000000.000000000000",
    "0.000000150000000000",
  })
  void freeTwelveDecimalsAndTheCeilingArePrices(BigDecimal price) {
    service.add(ADMIN, new NewRateCard(RESEARCHER, TOKENS, price, NOW));

    assertThat(repository.stored.get(0).price()).isEqualByComparingTo(price);
  }

  @Test
  void microsecondsAndTheEdgesOfTheDatabaseRangeAreStarts() {
    for (String from :
        List.of(
            "2026-01-01T00:00:00.000001Z", "1000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z")) {
      service.add(ADMIN, card(RESEARCHER, TOKENS, "1", from));
    }
    assertThat(repository.stored).hasSize(3);
  }

  @Test
  void listingFiltersByEitherTypeNewestStartFirst() {
    service.add(ADMIN, card(RESEARCHER, TOKENS, "0.003", "2026-01-01T00:00:00Z"));
    service.add(ADMIN, card(RESEARCHER, TOKENS, "0.0025", "2026-03-15T12:00:00Z"));
    service.add(ADMIN, card(RESEARCHER, TOKENS, "0.0024", "2026-03-15T12:00:00Z"));
    service.add(ADMIN, card(RESEARCHER, "call", "0.01", "2026-02-01T00:00:00Z"));
    service.add(ADMIN, card("agent:writer", TOKENS, "0.015", "2026-04-01T00:00:00Z"));

    assertThat(service.list(Optional.of(RESEARCHER), Optional.of(TOKENS)))
        .extracting(c -> c.price().toPlainString())
        .containsExactly("0.0024", "0.0025", "0.003");
    assertThat(service.list(Optional.empty(), Optional.of(TOKENS)))
        .extracting(c -> c.price().toPlainString())
        .containsExactly("0.015", "0.0024", "0.0025", "0.003");
    assertThat(service.list(Optional.of(RESEARCHER), Optional.empty())).hasSize(4);
    assertThat(service.list(Optional.of(" "), Optional.empty())).hasSize(5);
  }

  @Test
  void theBookForPricingHoldsOnlyTheOperationTypesAskedFor() {
    service.add(ADMIN, card(RESEARCHER, TOKENS, "0.003", "2026-01-01T00:00:00Z"));
    service.add(ADMIN, card("agent:writer", TOKENS, "0.015", "2026-01-01T00:00:00Z"));

    var book = service.bookFor(List.of("agent:writer"));

    assertThat(book.rateInForce("agent:writer", TOKENS, NOW)).isPresent();
    assertThat(book.rateInForce(RESEARCHER, TOKENS, NOW)).isEmpty();
  }
}
