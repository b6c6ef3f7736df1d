package com.costguard.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.cost.budget.PeriodType;
import com.costguard.cost.budget.Thresholds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThresholdCheckTest {

  private static final Thresholds DEFAULT = Thresholds.DEFAULT;

  private static ThresholdCheck check(Set<Integer> standing, String available, String spent) {
    return ThresholdCheck.of(DEFAULT, standing, new BigDecimal(available), new BigDecimal(spent));
  }

  @Test
  void firesWhatIsCrossedAndNotStanding() {
    assertThat(check(Set.of(), "500", "399.99"))
        .isEqualTo(new ThresholdCheck(List.of(), List.of()));
    assertThat(check(Set.of(), "500", "400")).isEqualTo(new ThresholdCheck(List.of(80), List.of()));
    assertThat(check(Set.of(80), "500", "480"))
        .isEqualTo(new ThresholdCheck(List.of(95), List.of()));
    assertThat(check(Set.of(), "500", "10000"))
        .isEqualTo(new ThresholdCheck(List.of(80, 95, 100), List.of()));
  }

  @Test
  void evaluatingAgainChangesNothing() {
    assertThat(check(Set.of(80, 95, 100), "500", "600").changesNothing()).isTrue();
    assertThat(check(Set.of(80), "500", "400.00").changesNothing()).isTrue();
  }

  @Test
  void aRaisedLimitReArmsWhatIsNoLongerCrossed() {
    // 480 of 500 had fired 80 and 95; the limit goes to 550: 87.3%, 95 re-arms, 80 stands
    assertThat(check(Set.of(80, 95), "550", "480"))
        .isEqualTo(new ThresholdCheck(List.of(), List.of(95)));
    // and to 1000: 48%, both re-arm
    assertThat(check(Set.of(80, 95), "1000", "480"))
        .isEqualTo(new ThresholdCheck(List.of(), List.of(80, 95)));
  }

  @Test
  void aLoweredLimitFiresWhatIsNowCrossed() {
    assertThat(check(Set.of(80), "420", "400"))
        .isEqualTo(new ThresholdCheck(List.of(95), List.of()));
  }

  @Test
  void standingAlertsOfThresholdsNoLongerSetAreLeftAlone() {
    ThresholdCheck check =
        ThresholdCheck.of(
            Thresholds.of(50), Set.of(80), new BigDecimal("100"), new BigDecimal("90"));

    assertThat(check).isEqualTo(new ThresholdCheck(List.of(50), List.of()));
  }

  @Test
  void aRollingWindowIsNamedByItsResetOrCreationOtherPeriodsByTheirStart() {
    Instant created = Instant.parse("2026-01-05T10:00:00Z");
    Instant reset = Instant.parse("2026-02-01T09:00:00Z");
    Instant start = Instant.parse("2026-03-01T00:00:00Z");

    assertThat(AlertPeriod.keyOf(PeriodType.ROLLING_30_DAYS, start, created, Optional.empty()))
        .isEqualTo(created);
    assertThat(AlertPeriod.keyOf(PeriodType.ROLLING_30_DAYS, start, created, Optional.of(reset)))
        .isEqualTo(reset);
    for (PeriodType type : List.of(PeriodType.DAILY, PeriodType.CALENDAR_MONTH, PeriodType.TOTAL)) {
      assertThat(AlertPeriod.keyOf(type, start, created, Optional.of(reset))).isEqualTo(start);
    }
  }
}
