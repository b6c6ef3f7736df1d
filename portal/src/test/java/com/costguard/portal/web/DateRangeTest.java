package com.costguard.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DateRangeTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 2, 14);

  @Test
  void withoutParametersItIsThePagesDefault() {
    DateRange range = new DateRange(Map.of(), TODAY, "month");
    assertThat(range.chosen()).isEqualTo("month");
    assertThat(range.firstDay()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(range.lastDay()).isEqualTo(TODAY);
    assertThat(range.customRefused()).isFalse();
    assertThat(range.explicit()).isFalse();
  }

  @Test
  void theLastDaysEndToday() {
    assertThat(new DateRange(Map.of("range", "30"), TODAY, "month").firstDay())
        .isEqualTo(LocalDate.of(2026, 1, 16));
    DateRange ninety = new DateRange(Map.of("range", "90"), TODAY, "month");
    assertThat(ninety.firstDay()).isEqualTo(LocalDate.of(2025, 11, 17));
    assertThat(ninety.lastDay()).isEqualTo(TODAY);
    assertThat(ninety.label()).isEqualTo("Last 90 days");
  }

  @Test
  void aCustomRangeIncludesBothDaysInTheInstallationsZone() {
    DateRange range =
        new DateRange(
            Map.of("range", "custom", "from", "2026-01-05", "to", "2026-01-05"), TODAY, "30");
    ZoneId paris = ZoneId.of("Europe/Paris");
    assertThat(range.start(paris).toString()).isEqualTo("2026-01-04T23:00:00Z");
    assertThat(range.end(paris).toString()).isEqualTo("2026-01-05T23:00:00Z");
    assertThat(range.label()).isEqualTo("2026-01-05 to 2026-01-05");
  }

  @Test
  void anUnreadableOrBackwardsCustomRangeFallsBackToTheDefaultAndSaysSo() {
    for (Map<String, String> bad :
        List.of(
            Map.of("range", "custom", "from", "2026-02-30", "to", "2026-03-01"),
            Map.of("range", "custom", "from", "2026-03-02", "to", "2026-03-01"),
            Map.of("range", "custom", "from", "2026-03-01"))) {
      DateRange range = new DateRange(bad, TODAY, "month");
      assertThat(range.chosen()).isEqualTo("month");
      assertThat(range.customRefused()).isTrue();
    }
    assertThat(new DateRange(Map.of("range", "'; drop table x"), TODAY, "30").chosen())
        .isEqualTo("30");
  }

  @Test
  void aShareIsOfTheTotalToOneDecimal() {
    assertThat(SpendingPage.share(BigDecimal.ONE, new BigDecimal("3"))).isEqualTo("33.3%");
    assertThat(SpendingPage.share(BigDecimal.ONE, BigDecimal.ZERO)).isEqualTo("—");
  }
}
