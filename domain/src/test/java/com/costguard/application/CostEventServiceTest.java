package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.costguard.config.Configuration;
import com.costguard.model.costevent.Attribution;
import com.costguard.model.costevent.NewCostEvent;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CostEventServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final User ENGINEER = user(Role.ENGINEER);

  private final InMemoryCostEventRepository repository = new InMemoryCostEventRepository();
  private final CostEventService service = new CostEventService();
  private final RecordedJobs jobs = new RecordedJobs(Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeEach
  void wire() {
    Configuration configuration = Configuration.from(Map.of());
    CostEventWriter writer = new CostEventWriter();
    writer.events = repository;
    writer.configuration = configuration;
    writer.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    service.configuration = configuration;
    service.writer = writer;
    service.events = repository;
    service.jobs = jobs.repository;
    service.clock = writer.clock;
    RateCardService rateCards = new RateCardService();
    rateCards.cards = new InMemoryRateCardRepository();
    service.rateCards = rateCards;
    BudgetAlerts alerts = Alerting.wired(new InMemoryBudgetRepository(), repository, writer.clock);
    writer.alerts = alerts;
    service.alerts = alerts;
  }

  private static User user(Role role) {
    return new User("u-" + role, role + "@example.com", "U", EnumSet.of(role), null, NOW);
  }

  static NewCostEvent event(String key, String amount) {
    return new NewCostEvent(
        key,
        NOW.minusSeconds(60),
        "llm.completion",
        Optional.ofNullable(amount).map(BigDecimal::new),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Attribution.none(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void storesEachEventWithItsExactAmountAndTheInstallationCurrency() {
    IngestResult result =
        service.ingest(ENGINEER, List.of(event("a", "0.000123"), event("b", "1234567.891234")));

    assertThat(result).isEqualTo(new IngestResult(2, 0));
    assertThat(repository.stored)
        .extracting(e -> e.amount().toPlainString(), e -> e.currency(), e -> e.receivedAt())
        .containsExactly(tuple("0.000123", "USD", NOW), tuple("1234567.891234", "USD", NOW));
  }

  @Test
  void countsKeysSeenBeforeOrRepeatedInTheBatchAsDuplicates() {
    service.ingest(ENGINEER, List.of(event("a", "1")));

    IngestResult result =
        service.ingest(ENGINEER, List.of(event("a", "1"), event("b", "2"), event("b", "2")));

    assertThat(result).isEqualTo(new IngestResult(1, 2));
    assertThat(repository.stored).extracting(e -> e.idempotencyKey()).containsExactly("a", "b");
  }

  @Test
  void aViewerMayNotReportCosts() {
    assertThatThrownBy(() -> service.ingest(user(Role.VIEWER), List.of(event("a", "1"))))
        .isInstanceOfSatisfying(
            RequestRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(RequestRefusedException.Reason.FORBIDDEN));
    assertThat(repository.stored).isEmpty();
  }

  @Test
  void anEmptyBatchIsInvalidAndTenThousandAndOneIsTooLarge() {
    assertThatThrownBy(() -> service.ingest(ENGINEER, List.of()))
        .hasFieldOrPropertyWithValue("reason", RequestRefusedException.Reason.VALIDATION);

    List<NewCostEvent> tooMany = new ArrayList<>(Collections.nCopies(10_001, event("a", "1")));
    assertThatThrownBy(() -> service.ingest(ENGINEER, tooMany))
        .hasFieldOrPropertyWithValue("reason", RequestRefusedException.Reason.TOO_LARGE);
  }

  @Test
  void exactlyTenThousandIsAccepted() {
    List<NewCostEvent> batch = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      batch.add(event("k" + i, "0.01"));
    }
    assertThat(service.ingest(ENGINEER, batch).accepted()).isEqualTo(10_000);
  }

  static List<Arguments> invalidEvents() {
    return List.of(
        invalid("missing key", e -> with(e, "key", null), "events[1].idempotencyKey"),
        invalid("blank key", e -> with(e, "key", "  "), "events[1].idempotencyKey"),
        invalid("long key", e -> with(e, "key", "k".repeat(201)), "events[1].idempotencyKey"),
        invalid("missing time", e -> with(e, "occurredAt", null), "events[1].occurredAt"),
        invalid("missing type", e -> with(e, "operationType", null), "events[1].operationType"),
        invalid("negative", e -> event("k", "-0.01"), "events[1].amount"),
        invalid("seven decimals", e -> event("k", "0.0000001"), "events[1].amount"),
        invalid("fourteen digits", e -> event("k", "12345678901234"), "events[1].amount"),
        invalid("over a trillion", e -> event("k", "1000000000000.01"), "events[1].amount"),
        invalid("in the future", e -> at(e, NOW.plusSeconds(3_601)), "events[1].occurredAt"),
        invalid("no amount", e -> event("k", null), "events[1].amount"),
        invalid("other currency", e -> with(e, "currency", "EUR"), "events[1].currency"),
        invalid("units without type", e -> with(e, "units", "5"), "events[1].unitType"),
        invalid("units, no rate card", e -> unpriced(), "events[1].unitType"),
        invalid("long client", e -> with(e, "client", "c".repeat(201)), "events[1].client"),
        invalid("unknown job", e -> with(e, "jobId", "999"), "events[1].jobId"),
        invalid("negative list cost", e -> with(e, "listCost", "-1"), "events[1].listCost"),
        invalid(
            "huge metadata",
            e -> with(e, "metadata", "{\"x\":\"" + "y".repeat(10_000) + "\"}"),
            "events[1].metadata"));
  }

  /** A valid event changed by {@code change}, and the field the refusal must name. */
  private static Arguments invalid(String name, UnaryOperator<NewCostEvent> change, String field) {
    return Arguments.of(name, change.apply(event("k", "1.00")), field);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidEvents")
  void anInvalidEventRefusesTheWholeBatchNamingItsField(
      String name, NewCostEvent bad, String field) {
    assertThatThrownBy(() -> service.ingest(ENGINEER, List.of(event("good", "1"), bad)))
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
  void anEventMayNameAJobThatExistsAndOneNamingNoJobRefusesTheBatchAfterOneLookUp() {
    long job = jobs.create("Acme").id();
    NewCostEvent ofTheJob = with(event("a", "1"), "jobId", String.valueOf(job));

    assertThat(service.ingest(ENGINEER, List.of(ofTheJob, event("b", "2"))).accepted())
        .isEqualTo(2);
    assertThat(repository.stored.get(0).jobId()).contains(job);

    List<NewCostEvent> unknown =
        List.of(
            with(event("c", "1"), "jobId", String.valueOf(job)),
            event("d", "1"),
            with(event("e", "1"), "jobId", String.valueOf(job + 1)),
            with(event("f", "1"), "jobId", String.valueOf(job + 2)));
    int lookUps = jobs.repository.existingIdsLookUps;
    assertThatThrownBy(() -> service.ingest(ENGINEER, unknown))
        .isInstanceOfSatisfying(
            RequestRefusedException.class,
            e -> {
              assertThat(e.field()).contains("events[2].jobId");
              assertThat(e.getMessage()).contains("no job " + (job + 1));
            });
    assertThat(jobs.repository.existingIdsLookUps).isEqualTo(lookUps + 1);
    assertThat(repository.stored).extracting(e -> e.idempotencyKey()).containsExactly("a", "b");
  }

  @Test
  void aTrillionExactlyAndAnHourOfClockSkewAreAccepted() {
    NewCostEvent edge = at(event("k", "1000000000000"), NOW.plusSeconds(3_600));

    assertThat(service.ingest(ENGINEER, List.of(edge)).accepted()).isEqualTo(1);
  }

  @Test
  void theInstallationCurrencyIsAcceptedInAnyCase() {
    assertThat(
            service.ingest(ENGINEER, List.of(with(event("k", "1"), "currency", "usd"))).accepted())
        .isEqualTo(1);
  }

  private static NewCostEvent unpriced() {
    NewCostEvent e = event("k", null);
    return new NewCostEvent(
        e.idempotencyKey(),
        e.occurredAt(),
        e.operationType(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(new BigDecimal("1500")),
        Optional.of("1k_tokens"),
        e.attribution(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static NewCostEvent at(NewCostEvent e, Instant occurredAt) {
    return new NewCostEvent(
        e.idempotencyKey(),
        occurredAt,
        e.operationType(),
        e.amount(),
        e.currency(),
        e.units(),
        e.unitType(),
        e.attribution(),
        e.listCost(),
        e.reusedFrom(),
        e.metadataJson());
  }

  private static NewCostEvent with(NewCostEvent e, String field, String value) {
    Optional<String> v = Optional.ofNullable(value);
    return new NewCostEvent(
        field.equals("key") ? value : e.idempotencyKey(),
        field.equals("occurredAt") ? null : e.occurredAt(),
        field.equals("operationType") ? value : e.operationType(),
        e.amount(),
        field.equals("currency") ? v : e.currency(),
        field.equals("units") ? v.map(BigDecimal::new) : e.units(),
        e.unitType(),
        field.equals("client") || field.equals("jobId")
            ? new Attribution(
                field.equals("client") ? v : Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                field.equals("jobId") ? v.map(Long::valueOf) : Optional.empty())
            : e.attribution(),
        field.equals("listCost") ? v.map(BigDecimal::new) : e.listCost(),
        e.reusedFrom(),
        field.equals("metadata") ? v : e.metadataJson());
  }
}
