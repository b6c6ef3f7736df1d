package com.costguard.cost.attribution;

import static com.costguard.cost.attribution.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tiers' monthly allocations with and without rollover of unused allocation. */
class TierRolloverTest {

  private static final ClientInfo ACME =
      new ClientInfo(1, "Acme Financial", "ACME", Optional.empty(), PriorityTier.A);
  private static final ClientInfo BETA =
      new ClientInfo(2, "Beta Health", "BETA", Optional.empty(), PriorityTier.B);
  private static final ClientInfo NEW =
      new ClientInfo(3, "Newco", "NEW", Optional.empty(), PriorityTier.A);
  private static final Directory DIRECTORY = new Directory(List.of(ACME, BETA, NEW), List.of());
  private static final Map<PriorityTier, BigDecimal> AMOUNTS =
      Map.of(
          PriorityTier.A, new BigDecimal("200"),
          PriorityTier.B, new BigDecimal("150"),
          PriorityTier.C, new BigDecimal("100"));

  private static List<ClientCost> spent(Directory directory, String acme, String beta) {
    return AttributionCalculator.attribute(
            List.of(job(1, "ACME", null, acme), job(2, "BETA", null, beta)), directory)
        .byClient();
  }

  private static TierAllocation of(List<TierAllocation> allocations, ClientInfo client) {
    return allocations.stream().filter(a -> a.client().equals(client)).findFirst().orElseThrow();
  }

  @Test
  void withoutRolloverEachMonthStartsFromTheTierAmount() {
    List<TierAllocation> month =
        AttributionCalculator.allocate(
            spent(DIRECTORY, "50.00", "10.00"),
            spent(DIRECTORY, "20.00", "0.00"),
            AMOUNTS,
            Set.of());
    TierAllocation acme = of(month, ACME);
    assertThat(acme.rollover()).isFalse();
    assertThat(acme.carriedIn()).isEqualByComparingTo("0");
    assertThat(acme.allocated()).isEqualByComparingTo("200");
    assertThat(acme.nextMonth()).isEqualByComparingTo("200");
  }

  @Test
  void rolloverCarriesLastMonthsUnusedAllocationInAndThisMonthsOnCappedAtOneTierAmount() {
    List<TierAllocation> month =
        AttributionCalculator.allocate(
            spent(DIRECTORY, "50.00", "140.00"),
            // last month Acme left 180 unused, Beta left 0 (it overspent)
            spent(DIRECTORY, "20.00", "170.00"),
            AMOUNTS,
            Set.of(PriorityTier.A, PriorityTier.B));

    TierAllocation acme = of(month, ACME);
    assertThat(acme.tierAmount()).isEqualByComparingTo("200");
    assertThat(acme.carriedIn()).isEqualByComparingTo("180.00");
    assertThat(acme.allocated()).isEqualByComparingTo("380.00");
    assertThat(acme.remaining()).isEqualByComparingTo("330.00");
    // 330 unused, but at most one tier amount rolls on
    assertThat(acme.nextMonth()).isEqualByComparingTo("400.00");
    assertThat(acme.utilisationPercent()).contains(new BigDecimal("13.16"));

    TierAllocation beta = of(month, BETA);
    assertThat(beta.carriedIn()).isEqualByComparingTo("0");
    assertThat(beta.allocated()).isEqualByComparingTo("150");
    // 140 of 150 = 93.33 %: the 90 % allocation alert
    assertThat(beta.alert()).isTrue();
    assertThat(beta.nextMonth()).isEqualByComparingTo("160.00");
  }

  @Test
  void aClientAbsentLastMonthCarriesNothingIn() {
    Directory lastMonth = new Directory(List.of(ACME, BETA), List.of());
    List<TierAllocation> month =
        AttributionCalculator.allocate(
            spent(DIRECTORY, "0.00", "0.00"),
            spent(lastMonth, "0.00", "0.00"),
            AMOUNTS,
            Set.of(PriorityTier.A));
    assertThat(of(month, NEW).carriedIn()).isEqualByComparingTo("0");
    assertThat(of(month, NEW).nextMonth()).isEqualByComparingTo("400");
    assertThat(of(month, ACME).carriedIn()).isEqualByComparingTo("200");
  }

  @Test
  void aCarriedInAllocationCountsTowardsTheNinetyPercentAlert() {
    // 190 of 200 would alert; with 100 carried in it is 190 of 300
    List<TierAllocation> month =
        AttributionCalculator.allocate(
            spent(DIRECTORY, "190.00", "0.00"),
            spent(DIRECTORY, "100.00", "0.00"),
            AMOUNTS,
            Set.of(PriorityTier.A));
    assertThat(of(month, ACME).allocated()).isEqualByComparingTo("300.00");
    assertThat(of(month, ACME).alert()).isFalse();
  }

  @Test
  void tiersAddUpTheirClientsAllocationsAndSpend() {
    List<TierAllocation> month =
        AttributionCalculator.allocate(
            spent(DIRECTORY, "180.00", "15.00"), List.of(), AMOUNTS, Set.of(PriorityTier.C));
    List<TierUtilisation> tiers =
        AttributionCalculator.byTier(month, AMOUNTS, Set.of(PriorityTier.C));
    assertThat(tiers).extracting(TierUtilisation::tier).containsExactly(PriorityTier.values());
    TierUtilisation a = tiers.get(0);
    assertThat(a.clients()).isEqualTo(2);
    assertThat(a.allocated()).isEqualByComparingTo("400");
    assertThat(a.spent()).isEqualByComparingTo("180.00");
    assertThat(a.utilisationPercent()).contains(new BigDecimal("45.00"));
    assertThat(a.alerts()).isEqualTo(1);
    TierUtilisation c = tiers.get(2);
    assertThat(c.clients()).isZero();
    assertThat(c.rollover()).isTrue();
    assertThat(c.utilisationPercent()).isEmpty();
  }
}
