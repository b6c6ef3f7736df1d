package com.costguard.cost.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReuseSavingsTest {

  @ParameterizedTest(name = "list {1}, paid {0} → saved {2}")
  @CsvSource({
    // seed 003, scenario 2: client B reuses client A's research, a cache lookup of $0.15
    "0.15,     0.80,     0.65",
    // seed 003, scenario 1: the discoverer pays the full cost and saves nothing
    "0.80,     0.80,     0",
    "0,        0.80,     0.80",
    "0.000001, 0.000003, 0.000002",
    // a reuse that cost more than the list price saved nothing (the excess is already spend)
    "0.90,     0.80,     0",
  })
  void savingsAreListCostMinusAmountNeverNegative(
      BigDecimal amount, BigDecimal listCost, BigDecimal saved) {
    ReuseSavings savings =
        ReuseSavings.of(amount, Optional.of(listCost), Optional.of("client_b"), Optional.empty())
            .orElseThrow();

    assertThat(savings.savings()).isEqualByComparingTo(saved);
  }

  @Test
  void savingsGoToTheEventsClientNotToTheClientWhoseWorkWasReused() {
    ReuseSavings savings =
        ReuseSavings.of(
                new BigDecimal("0.15"),
                Optional.of(new BigDecimal("0.80")),
                Optional.of("client_b"),
                Optional.of("client_a"))
            .orElseThrow();

    assertThat(savings.client()).contains("client_b");
    assertThat(savings.reusedFrom()).contains("client_a");
  }

  @Test
  void anEventWithoutListCostHasNoSavings() {
    assertThat(
            ReuseSavings.of(
                new BigDecimal("0.15"),
                Optional.empty(),
                Optional.of("client_b"),
                Optional.empty()))
        .isEmpty();
  }

  @Test
  void totalIsTheExactSum() {
    List<ReuseSavings> savings =
        List.of(saving("0.15", "0.80"), saving("0.000001", "0.300000"), saving("1.00", "0.50"));

    assertThat(ReuseSavings.total(savings)).isEqualByComparingTo("0.949999");
    assertThat(ReuseSavings.total(List.of())).isEqualByComparingTo("0");
  }

  @Test
  void inconsistentSavingsCannotBeBuilt() {
    assertThatThrownBy(
            () ->
                new ReuseSavings(
                    Optional.empty(),
                    Optional.empty(),
                    BigDecimal.ONE,
                    BigDecimal.ZERO,
                    BigDecimal.TEN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ReuseSavings saving(String amount, String listCost) {
    return ReuseSavings.of(
            new BigDecimal(amount),
            Optional.of(new BigDecimal(listCost)),
            Optional.empty(),
            Optional.empty())
        .orElseThrow();
  }
}
