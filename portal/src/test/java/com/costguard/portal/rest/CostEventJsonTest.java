package com.costguard.portal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.costguard.application.RequestRefusedException;
import com.costguard.model.costevent.NewCostEvent;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the API reads a batch of cost events, and what it refuses, naming which field. */
class CostEventJsonTest {

  private static List<NewCostEvent> read(String json) {
    return CostEventJson.batch(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** The refusal of {@code json}, as "field: message" (field "-" for the whole body). */
  private static String refusal(String json) {
    RequestRefusedException refused =
        catchThrowableOfType(RequestRefusedException.class, () -> read(json));
    assertThat(refused).as(json).isNotNull();
    assertThat(refused.reason()).isEqualTo(RequestRefusedException.Reason.VALIDATION);
    return refused.field().orElse("-") + ": " + refused.getMessage();
  }

  @Test
  void readsEveryFieldExactly() {
    List<NewCostEvent> events =
        read(
            """
            {"events": [{"idempotencyKey": "k-1", "occurredAt": "2026-11-24T08:20:00.123456Z",
              "operationType": "llm.tokens", "amount": 0.000123, "currency": "USD",
              "units": 1532, "unitType": "tokens", "client": "Acme", "project": "P",
              "team": "T", "user": "u", "provider": "openai", "mode": "chat",
              "sessionId": "s-1", "jobId": 42, "listCost": 12345678901234.123456,
              "reusedFrom": "Initech", "metadata": {"model": "gpt-4o", "n": [1, 2]},
              "unknown": {"ignored": [true]}},
             {"idempotencyKey": "k-2", "occurredAt": "2026-11-24T09:20:00.5+01:00",
              "operationType": "embedding", "amount": 1.10, "client": null}],
             "other": [1, {"a": null}]}""");

    assertThat(events).hasSize(2);
    NewCostEvent first = events.get(0);
    assertThat(first.idempotencyKey()).isEqualTo("k-1");
    assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-11-24T08:20:00.123456Z"));
    assertThat(first.operationType()).isEqualTo("llm.tokens");
    assertThat(first.amount()).contains(new BigDecimal("0.000123"));
    assertThat(first.currency()).contains("USD");
    assertThat(first.units()).contains(new BigDecimal("1532"));
    assertThat(first.unitType()).contains("tokens");
    assertThat(first.attribution().client()).contains("Acme");
    assertThat(first.attribution().project()).contains("P");
    assertThat(first.attribution().team()).contains("T");
    assertThat(first.attribution().user()).contains("u");
    assertThat(first.attribution().provider()).contains("openai");
    assertThat(first.attribution().mode()).contains("chat");
    assertThat(first.attribution().sessionId()).contains("s-1");
    assertThat(first.attribution().jobId()).contains(42L);
    assertThat(first.listCost()).contains(new BigDecimal("12345678901234.123456"));
    assertThat(first.reusedFrom()).contains("Initech");
    assertThat(first.metadataJson()).contains("{\"model\":\"gpt-4o\",\"n\":[1,2]}");

    NewCostEvent second = events.get(1);
    assertThat(second.occurredAt()).isEqualTo(Instant.parse("2026-11-24T08:20:00.500Z"));
    assertThat(second.amount().orElseThrow()).isEqualTo(new BigDecimal("1.10"));
    assertThat(second.attribution().client()).isEqualTo(Optional.empty());
    assertThat(second.units()).isEmpty();
    assertThat(second.metadataJson()).isEmpty();
  }

  @Test
  void ofEqualKeysTheLastCounts() {
    List<NewCostEvent> events =
        read(
            """
            {"events": [{"idempotencyKey": "old"}],
             "events": [{"idempotencyKey": "a", "idempotencyKey": "b", "occurredAt":
               "2026-11-24T08:00:00Z", "operationType": "x", "amount": 1}]}""");

    assertThat(events).extracting(NewCostEvent::idempotencyKey).containsExactly("b");
  }

  @Test
  void anEmptyListIsABatchOfNone() {
    assertThat(read("{\"events\": []}")).isEmpty();
  }

  @Test
  void aBodyThatIsNotOneJsonObjectIsRefusedFirst() {
    assertThat(refusal("")).isEqualTo("-: the body is not a JSON object");
    assertThat(refusal("[]")).isEqualTo("-: the body is not a JSON object");
    assertThat(refusal("{\"events\": [{\"amount\": \"cheap\"}")) // cut short
        .isEqualTo("-: the body is not a JSON object");
    assertThat(refusal("{\"events\": [{\"amount\": \"cheap\"}], \"x\": tru}"))
        .isEqualTo("-: the body is not a JSON object");
    assertThat(refusal("{\"events\": []} {}")).isEqualTo("-: the body is not a JSON object");
  }

  @Test
  void eventsMustBeAListOfObjects() {
    String shape = "events: the body must be {\"events\": [ ... ]}";
    assertThat(refusal("{}")).isEqualTo(shape);
    assertThat(refusal("{\"events\": {}}")).isEqualTo(shape);
    assertThat(refusal("{\"events\": null}")).isEqualTo(shape);
    assertThat(refusal("{\"events\": [], \"events\": 3}")).isEqualTo(shape);
    assertThat(refusal("{\"events\": [{}, [1], 2]}"))
        .isEqualTo("events[1]: each event must be an object");
  }

  @Test
  void theFirstEventRefusedIsNamedWithItsFirstBadFieldInAFixedOrder() {
    // events[0] is fine as far as parsing goes (its missing fields are the service's to refuse).
    assertThat(
            refusal(
                "{\"events\": [{}, {\"client\": 7, \"amount\": \"cheap\"}, {\"units\": true}]}"))
        .isEqualTo("events[1].amount: amount must be a number, e.g. 12.34");
    assertThat(refusal("{\"events\": [{\"jobId\": 1.5}]}"))
        .isEqualTo("events[0].jobId: jobId must be a whole number");
    assertThat(refusal("{\"events\": [{\"metadata\": [1]}]}"))
        .isEqualTo("events[0].metadata: metadata must be an object");
    // Parsson refuses a number past its limits (1e2147483648) as it parses, wherever it is.
    assertThat(refusal("{\"events\": [{\"amount\": 1e2147483648}]}"))
        .isEqualTo("-: the body is not a JSON object");
    assertThat(refusal("{\"events\": [{\"unknown\": 1e2147483648}]}"))
        .isEqualTo("-: the body is not a JSON object");
    assertThat(refusal("{\"events\": [{\"occurredAt\": \"2026-02-30T10:00:00Z\"}]}"))
        .startsWith("events[0].occurredAt: ");
  }
}
