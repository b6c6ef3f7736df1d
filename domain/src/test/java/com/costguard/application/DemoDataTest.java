package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.costguard.model.costevent.NewCostEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoDataTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void coversSixMonthsUpToNowWithUniqueKeys() {
    List<NewCostEvent> events = DemoData.events(NOW);

    assertThat(events).hasSizeGreaterThan(1_000);
    assertThat(events).allSatisfy(e -> assertThat(e.occurredAt()).isBeforeOrEqualTo(NOW));
    assertThat(events.stream().map(NewCostEvent::occurredAt).min(Instant::compareTo).orElseThrow())
        .isBefore(NOW.minus(Duration.ofDays(180)));
    assertThat(events.stream().map(NewCostEvent::idempotencyKey).distinct()).hasSameSizeAs(events);
  }

  @Test
  void hasTheSameKeysAndAmountsThroughoutADay() {
    assertThat(DemoData.events(NOW))
        .extracting(NewCostEvent::idempotencyKey, NewCostEvent::amount)
        .isEqualTo(
            DemoData.events(NOW.plusSeconds(3_600)).stream()
                .map(e -> tuple(e.idempotencyKey(), e.amount()))
                .toList());
  }
}
