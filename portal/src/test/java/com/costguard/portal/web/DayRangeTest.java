package com.costguard.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DayRangeTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 2, 14);

  @Test
  void withoutParametersItIsThisCalendarMonth() {
    DayRange range = DayRange.of(Map.of(), TODAY);
    assertThat(range.chosen()).isEqualTo("month");
    assertThat(range.getFirstDay()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(range.getLastDay()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(range.isCustomRefused()).isFalse();
  }

  @Test
  void theLastDaysEndToday() {
    assertThat(DayRange.of(Map.of("range", "30"), TODAY).getFirstDay())
        .isEqualTo(LocalDate.of(2026, 1, 16));
    DayRange ninety = DayRange.of(Map.of("range", "90"), TODAY);
    assertThat(ninety.getFirstDay()).isEqualTo(LocalDate.of(2025, 11, 17));
    assertThat(ninety.getLastDay()).isEqualTo(TODAY);
    assertThat(ninety.label()).isEqualTo("Last 90 days");
  }

  @Test
  void aCustomRangeIncludesBothDaysInTheInstallationsZone() {
    DayRange range =
        DayRange.of(Map.of("range", "custom", "from", "2026-01-05", "to", "2026-01-05"), TODAY);
    ZoneId paris = ZoneId.of("Europe/Paris");
    assertThat(range.start(paris).toString()).isEqualTo("2026-01-04T23:00:00Z");
    assertThat(range.end(paris).toString()).isEqualTo("2026-01-05T23:00:00Z");
    assertThat(range.label()).isEqualTo("2026-01-05 to 2026-01-05");
  }

  @Test
  void anUnreadableOrBackwardsCustomRangeFallsBackToTheMonthAndSaysSo() {
    for (Map<String, String> bad :
        List.of(
            Map.of("range", "custom", "from", "2026-02-30", "to", "2026-03-01"),
            Map.of("range", "custom", "from", "2026-03-02", "to", "2026-03-01"),
            Map.of("range", "custom", "from", "2026-03-01"))) {
      DayRange range = DayRange.of(bad, TODAY);
      assertThat(range.chosen()).isEqualTo("month");
      assertThat(range.isCustomRefused()).isTrue();
    }
    assertThat(DayRange.of(Map.of("range", "'; drop table x"), TODAY).chosen()).isEqualTo("month");
  }

  @Test
  void aShareIsOfTheTotalToOneDecimal() {
    assertThat(SpendingPage.share(BigDecimal.ONE, new BigDecimal("3"))).isEqualTo("33.3%");
    assertThat(SpendingPage.share(BigDecimal.ONE, BigDecimal.ZERO)).isEqualTo("—");
  }
}
