package com.costguard.cost.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Seed 003's "shared intelligence" savings, per client. */
class ReuseByClientTest {

  private static final ClientInfo ACME =
      new ClientInfo(1, "Acme Financial", "ACME", Optional.empty(), PriorityTier.A);
  private static final ClientInfo BETA =
      new ClientInfo(2, "Beta Health", "BETA", Optional.empty(), PriorityTier.B);
  private static final Directory DIRECTORY = new Directory(List.of(ACME, BETA), List.of());

  private static ReuseGroup group(String client, String list, String paid, String saved, long n) {
    return new ReuseGroup(
        Optional.ofNullable(client),
        new BigDecimal(list),
        new BigDecimal(paid),
        new BigDecimal(saved),
        n);
  }

  @Test
  void seed003sScenarioClientBReusingClientAsResearchSavesSixtyFiveCents() {
    // Client A discovers the company: full cost, list cost = amount, nothing saved.
    // Client B reuses it: $0.15 cache lookup instead of $0.80.
    ReuseByClient reuse =
        ReuseByClient.of(
            List.of(
                group("ACME", "0.80", "0.80", "0", 1), group("BETA", "0.80", "0.15", "0.65", 1)),
            DIRECTORY);
    assertThat(reuse.clients())
        .extracting(ClientReuse::name)
        .containsExactly("Beta Health", "Acme Financial");
    ClientReuse beta = reuse.clients().get(0);
    assertThat(beta.client()).contains(BETA);
    assertThat(beta.savings()).isEqualByComparingTo("0.65");
    assertThat(beta.paid()).isEqualByComparingTo("0.15");
    assertThat(beta.savingsPercent()).contains(new BigDecimal("81.25"));
    assertThat(reuse.clients().get(1).savings()).isEqualByComparingTo("0");
    assertThat(reuse.totalSavings()).isEqualByComparingTo("0.65");
  }

  @Test
  void stringsNamingOneClientByCodeAndByNameAreOneRowAndUnknownOnesKeepTheirString() {
    ReuseByClient reuse =
        ReuseByClient.of(
            List.of(
                group("ACME", "10.00", "2.00", "8.00", 4),
                group("Acme Financial", "5.00", "1.00", "4.00", 2),
                group("Gamma", "1.00", "0.50", "0.50", 1),
                group(null, "3.00", "1.00", "2.00", 1)),
            DIRECTORY);
    assertThat(reuse.clients())
        .extracting(ClientReuse::name, ClientReuse::savings, ClientReuse::events)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Acme Financial", new BigDecimal("12.00"), 6L),
            org.assertj.core.groups.Tuple.tuple(Attribution.NONE, new BigDecimal("2.00"), 1L),
            org.assertj.core.groups.Tuple.tuple("Gamma", new BigDecimal("0.50"), 1L));
    assertThat(reuse.clients().get(2).client()).isEmpty();
    assertThat(reuse.totalListCost()).isEqualByComparingTo("19.00");
  }

  @Test
  void theTotalIsTheSumOfTheRoundedRows() {
    ReuseByClient reuse =
        ReuseByClient.of(
            List.of(
                group("ACME", "0.010", "0.005", "0.005", 1),
                group("BETA", "0.010", "0.005", "0.005", 1)),
            DIRECTORY);
    // each 0.005 shows as 0.01 (HALF_UP); the exact 0.010 would show as 0.01, not 0.02
    assertThat(reuse.clients())
        .allSatisfy(c -> assertThat(c.savings()).isEqualByComparingTo("0.01"));
    assertThat(reuse.totalSavings()).isEqualByComparingTo("0.02");
  }

  @Test
  void noReuseEventsNoRows() {
    ReuseByClient reuse = ReuseByClient.of(List.of(), DIRECTORY);
    assertThat(reuse.clients()).isEmpty();
    assertThat(reuse.totalSavings()).isEqualByComparingTo("0");
  }
}
