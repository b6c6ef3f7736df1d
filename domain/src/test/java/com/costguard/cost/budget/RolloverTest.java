package com.costguard.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.cost.budget.Rollover.ClosedPeriod;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RolloverTest {

  @ParameterizedTest(name = "available {0}, spent {1}, next limit {2} → carries {3}")
  @CsvSource({
    "100,       60,       100, 40",
    "100,       0,        100, 100",
    "100,       100,      100, 0",
    "100,       120,      100, 0", // overspending carries nothing, and never a debt
    "150,       20,       100, 100", // capped at one period's limit
    "100,       60,       30,  30", // the receiving period's limit is the cap
    "100,       99.999999, 100, 0.000001",
  })
  void unusedLimitCarriesIntoTheNextPeriodCappedAtItsLimit(
      BigDecimal available, BigDecimal spent, BigDecimal nextLimit, BigDecimal carried) {
    assertThat(Rollover.carry(available, spent, nextLimit)).isEqualByComparingTo(carried);
  }

  @ParameterizedTest(name = "limit 100, spends {0} → {1} rolls into the next period")
  @CsvSource({
    "'',           0",
    "'40',         60",
    "'0 0 0',      100", // a quiet quarter still carries one period's limit only
    "'40 150 10',  100", // 60 carried; 160 − 150 = 10 carried; 110 − 10 = 100
    "'70 80',      50", // 30 carried; 130 − 80 = 50
    "'100 100',    0",
    "'0 200 0',    100", // 100 carried, all of it and 100 more spent, then a quiet period
  })
  void aChainOfPeriodsCarriesWhatWasAvailableAndUnspent(String spends, BigDecimal carried) {
    List<ClosedPeriod> closed =
        Arrays.stream(spends.split(" "))
            .filter(s -> !s.isEmpty())
            .map(s -> new ClosedPeriod(BigDecimal.valueOf(100), new BigDecimal(s)))
            .toList();

    assertThat(Rollover.carriedInto(BigDecimal.valueOf(100), closed)).isEqualByComparingTo(carried);
  }

  @Test
  void eachPeriodsCarryIsCappedByTheLimitOfThePeriodReceivingIt() {
    List<ClosedPeriod> closed =
        List.of(
            new ClosedPeriod(BigDecimal.valueOf(100), BigDecimal.valueOf(20)),
            new ClosedPeriod(BigDecimal.valueOf(50), BigDecimal.valueOf(10)));

    // 80 unused, capped at the second period's 50; then 50 + 50 − 10 = 90, under the new 200
    assertThat(Rollover.carriedInto(BigDecimal.valueOf(200), closed)).isEqualByComparingTo("90");
    // the same history into a period limited to 60
    assertThat(Rollover.carriedInto(BigDecimal.valueOf(60), closed)).isEqualByComparingTo("60");
  }
}
