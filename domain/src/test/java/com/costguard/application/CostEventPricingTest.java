package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.costguard.config.Configuration;
import com.costguard.model.costevent.Attribution;
import com.costguard.model.costevent.NewCostEvent;
import com.costguard.model.ratecard.NewRateCard;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Events with units and no amount are priced by the rate card in force when they happened. */
class CostEventPricingTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final User ADMIN = user(Role.ADMIN);
  private static final User ENGINEER = user(Role.ENGINEER);
  private static final String RESEARCHER = "agent:researcher";
  private static final String TOKENS = "1k_tokens";

  private final InMemoryCostEventRepository events = new InMemoryCostEventRepository();
  private final InMemoryRateCardRepository cards = new InMemoryRateCardRepository();
  private final RateCardService rateCards = new RateCardService();
  private final CostEventService service = new CostEventService();

  @BeforeEach
  void wire() {
    Configuration configuration = Configuration.from(Map.of());
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    CostEventWriter writer = new CostEventWriter();
    writer.events = events;
    writer.configuration = configuration;
    writer.clock = clock;
    RateCardWriter cardWriter = new RateCardWriter();
    cardWriter.cards = cards;
    cardWriter.clock = clock;
    rateCards.cards = cards;
    rateCards.writer = cardWriter;
    service.configuration = configuration;
    service.writer = writer;
    service.events = events;
    service.rateCards = rateCards;
    service.clock = clock;
    BudgetAlerts alerts = Alerting.wired(new InMemoryBudgetRepository(), events, clock);
    writer.alerts = alerts;
    service.alerts = alerts;

    // A researcher's tokens get cheaper at noon on 15 March, and that price is then corrected.
    card(RESEARCHER, TOKENS, "0.003", "2026-01-01T00:00:00Z");
    card(RESEARCHER, TOKENS, "0.0025", "2026-03-15T12:00:00Z");
    card(RESEARCHER, TOKENS, "0.0024", "2026-03-15T12:00:00Z");
    card("llm.completion", "token", "0.00000015", "2026-01-01T00:00:00Z");
    card("enrichment.call", "call", "0", "2026-01-01T00:00:00Z");
    cards.pricingReads = 0;
  }

  private static User user(Role role) {
    return new User("u-" + role, role + "@example.com", "U", EnumSet.of(role), null, NOW);
  }

  private void card(String operation, String unit, String price, String from) {
    rateCards.add(
        ADMIN, new NewRateCard(operation, unit, new BigDecimal(price), Instant.parse(from)));
  }

  private static NewCostEvent units(
      String key, String operation, String occurredAt, String units, String unitType) {
    return new NewCostEvent(
        key,
        Instant.parse(occurredAt),
        operation,
        Optional.empty(),
        Optional.empty(),
        Optional.of(new BigDecimal(units)),
        Optional.of(unitType),
        Attribution.none(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static NewCostEvent tokens(String key, String occurredAt, String units) {
    return units(key, RESEARCHER, occurredAt, units, TOKENS);
  }

  @ParameterizedTest(name = "{1} × {0} → {2}")
  @CsvSource({
    "2026-03-15T09:30:00Z,        1234,     3.702000",
    "2026-03-15T11:59:59.999999Z, 1234,     3.702000",
    // from noon the correction (version 3) prices, not the price it corrected (version 2)
    "2026-03-15T12:00:00Z,        1234,     2.961600",
    "2026-11-23T09:00:00Z,        0.5,      0.001200",
    "2026-11-23T09:00:00Z,        0,        0.000000",
    "2026-11-23T09:00:00Z, 999999999999,    2399999999.997600",
  })
  void unitsArePricedExactlyByTheCardInForceWhenTheyHappened(
      String occurredAt, String units, String amount) {
    service.ingest(ENGINEER, List.of(tokens("k", occurredAt, units)));

    assertThat(events.stored)
        .extracting(e -> e.amount().toPlainString(), e -> e.units().orElseThrow().toPlainString())
        .containsExactly(tuple(amount, units));
  }

  @Test
  void perTokenPricesBelowAMillionthPriceWholeThousands() {
    service.ingest(
        ENGINEER,
        List.of(
            units("a", "llm.completion", "2026-11-01T00:00:00Z", "1000", "token"),
            units("b", "enrichment.call", "2026-11-01T00:00:00Z", "3", "call")));

    assertThat(events.stored)
        .extracting(e -> e.amount().toPlainString())
        .containsExactly("0.000150", "0.000000");
  }

  @Test
  void anAmountWinsOverUnitsAndIsStoredAsSent() {
    NewCostEvent both =
        new NewCostEvent(
            "k",
            Instant.parse("2026-03-15T09:30:00Z"),
            RESEARCHER,
            Optional.of(new BigDecimal("1.00")),
            Optional.empty(),
            Optional.of(new BigDecimal("1234")),
            Optional.of(TOKENS),
            Attribution.none(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    service.ingest(ENGINEER, List.of(both));

    assertThat(events.stored)
        .extracting(e -> e.amount().toPlainString(), e -> e.units().orElseThrow().toPlainString())
        .containsExactly(tuple("1.00", "1234"));
    assertThat(cards.pricingReads).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "before the first card,  agent:researcher, 2025-12-31T23:59:59.999999Z, 1k_tokens",
    "unknown unit type,      agent:researcher, 2026-11-01T00:00:00Z,        call",
    "unknown operation type, agent:planner,    2026-11-01T00:00:00Z,        1k_tokens",
    "other case,             Agent:Researcher, 2026-11-01T00:00:00Z,        1k_tokens",
  })
  void withoutACardInForceTheBatchIsRefusedNamingTheUnitType(
      String name, String operation, String occurredAt, String unitType) {
    List<NewCostEvent> batch =
        List.of(
            tokens("good", "2026-11-01T00:00:00Z", "1"),
            units("bad", operation, occurredAt, "10", unitType));

    assertThatThrownBy(() -> service.ingest(ENGINEER, batch))
        .isInstanceOfSatisfying(
            RequestRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RequestRefusedException.Reason.VALIDATION);
              assertThat(e.field()).contains("events[1].unitType");
              assertThat(e.getMessage()).contains(operation, unitType, occurredAt);
            });
    assertThat(events.stored).isEmpty();
  }

  @ParameterizedTest(name = "{1} × {0}")
  @CsvSource({
    // 1532 × 0.00000015 = 0.0002298 → 0.000230 (seven decimals, HALF_UP to six)
    "llm.completion,   1532,         token,     0.000230",
    // 1.234567 × 0.0024 = 0.0029629608 → 0.002963
    "agent:researcher, 1.234567,     1k_tokens, 0.002963",
    // 10 × 0.00000015 = 0.0000015 → 0.000002 (a half micro-unit rounds up)
    "llm.completion,   10,           token,     0.000002",
  })
  void aPricedAmountWithMoreDecimalsThanStoredIsRoundedHalfUpToMicroUnits(
      String operation, String units, String unitType, String stored) {
    service.ingest(
        ENGINEER, List.of(units("k", operation, "2026-11-01T00:00:00Z", units, unitType)));

    assertThat(events.stored)
        .singleElement()
        .satisfies(e -> assertThat(e.amount()).isEqualTo(stored));
  }

  @Test
  void aPricedAmountAboveATrillionIsRefused() {
    card("gpu.hour", "hour", "1000000", "2026-01-01T00:00:00Z");

    assertThatThrownBy(
            () ->
                service.ingest(
                    ENGINEER,
                    List.of(units("k", "gpu.hour", "2026-11-01T00:00:00Z", "1000001", "hour"))))
        .isInstanceOfSatisfying(
            RequestRefusedException.class, e -> assertThat(e.field()).contains("events[0].units"));
    assertThat(events.stored).isEmpty();
  }

  @Test
  void theCardsAreReadOncePerBatchAndNotAtAllWhenEveryEventHasAnAmount() {
    List<NewCostEvent> batch = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      batch.add(tokens("t" + i, "2026-11-01T00:00:00Z", String.valueOf(i)));
      batch.add(units("c" + i, "enrichment.call", "2026-11-01T00:00:00Z", "1", "call"));
    }

    assertThat(service.ingest(ENGINEER, batch).accepted()).isEqualTo(1_000);
    assertThat(cards.pricingReads).isEqualTo(1);

    service.ingest(ENGINEER, List.of(CostEventServiceTest.event("amount-only", "1.00")));
    assertThat(cards.pricingReads).isEqualTo(1);
  }

  @Test
  void unitsWithABlankUnitTypeAreRefusedBeforePricing() {
    assertThatThrownBy(
            () ->
                service.ingest(
                    ENGINEER, List.of(units("k", RESEARCHER, "2026-11-01T00:00:00Z", "10", " "))))
        .isInstanceOfSatisfying(
            RequestRefusedException.class,
            e -> assertThat(e.field()).contains("events[0].unitType"));
    assertThat(cards.pricingReads).isZero();
  }
}
