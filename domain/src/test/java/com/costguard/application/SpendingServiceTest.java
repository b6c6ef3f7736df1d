package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.config.Configuration;
import com.costguard.model.costevent.Attribution;
import com.costguard.model.costevent.CostEvent;
import com.costguard.model.costevent.NewCostEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpendingServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private final InMemoryCostEventRepository repository = new InMemoryCostEventRepository();
  private final SpendingService spending = new SpendingService();

  @BeforeEach
  void wire() {
    spending.events = repository;
    spending.configuration = Configuration.from(Map.of("COSTGUARD_TIMEZONE", "Europe/Berlin"));
    spending.clock = Clock.fixed(NOW, ZoneOffset.UTC);
  }

  private void stored(String at, String amount, String client, String listCost) {
    NewCostEvent event =
        new NewCostEvent(
            "k" + repository.stored.size(),
            Instant.parse(at),
            "llm",
            Optional.of(new BigDecimal(amount)),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            new Attribution(
                Optional.ofNullable(client),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            Optional.ofNullable(listCost).map(BigDecimal::new),
            Optional.empty(),
            Optional.empty());
    repository.add(new CostEvent(event, new BigDecimal(amount), "USD", NOW));
  }

  @Test
  void thisMonthIsTheCalendarMonthInTheInstallationsZoneGroupedByClientAndDay() {
    stored("2026-10-31T22:59:59Z", "100", "Acme", null); // 23:59:59 on Oct 31 in Berlin
    stored("2026-10-31T23:00:00Z", "1.25", "Acme", "2.00"); // 00:00 on Nov 1 in Berlin
    stored("2026-11-22T23:30:00Z", "3.50", null, null); // 00:30 on Nov 23 in Berlin
    stored("2026-11-23T09:00:00Z", "0.25", "Globex", "0.10"); // list below amount: no saving

    SpendingSummary month = spending.thisMonth();

    assertThat(month.from()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    assertThat(month.total()).isEqualByComparingTo("5.00");
    assertThat(month.events()).isEqualTo(3);
    assertThat(month.reuseSavings()).isEqualByComparingTo("0.75");
    assertThat(month.byClient())
        .containsExactly(
            Map.entry(SpendingSummary.NONE, new SpendingSummary.Group(new BigDecimal("3.50"), 1)),
            Map.entry("Acme", new SpendingSummary.Group(new BigDecimal("1.25"), 1)),
            Map.entry("Globex", new SpendingSummary.Group(new BigDecimal("0.25"), 1)));
    assertThat(month.byDay())
        .extracting(SpendingSummary.Day::date)
        .containsExactly(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 23));
  }
}
