package com.costguard.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  private static final ZoneId UTC = ZoneOffset.UTC;

  @Test
  void aNightAcrossMidnightEndsTheNextMorning() {
    QuietHours night = QuietHours.parse("22:00-07:00");

    assertThat(night.endIfQuiet(Instant.parse("2026-11-23T21:59:59Z"), UTC)).isEmpty();
    assertThat(night.endIfQuiet(Instant.parse("2026-11-23T22:00:00Z"), UTC))
        .contains(Instant.parse("2026-11-24T07:00:00Z"));
    assertThat(night.endIfQuiet(Instant.parse("2026-11-24T03:00:00Z"), UTC))
        .contains(Instant.parse("2026-11-24T07:00:00Z"));
    assertThat(night.endIfQuiet(Instant.parse("2026-11-24T07:00:00Z"), UTC)).isEmpty();
    assertThat(night).hasToString("22:00-07:00");
  }

  @Test
  void aStretchWithinOneDayEndsThatDay() {
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30));

    assertThat(lunch.endIfQuiet(Instant.parse("2026-11-23T12:15:00Z"), UTC))
        .contains(Instant.parse("2026-11-23T13:30:00Z"));
    assertThat(lunch.endIfQuiet(Instant.parse("2026-11-23T13:30:00Z"), UTC)).isEmpty();
    assertThat(lunch.endIfQuiet(Instant.parse("2026-11-23T11:59:00Z"), UTC)).isEmpty();
  }

  @Test
  void anEndTheClocksSkipEndsAtTheFirstInstantAfterTheGap() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    QuietHours night = QuietHours.parse("22:00-02:30"); // 29 March 2026: 02:00 → 03:00

    assertThat(night.endIfQuiet(Instant.parse("2026-03-28T22:00:00Z"), berlin))
        .contains(Instant.parse("2026-03-29T01:30:00Z")); // 03:30 CEST, 30 min past the gap
  }

  @Test
  void onlyAlertsBelow100PercentWait() {
    assertThat(QuietHours.delays(AlertKind.THRESHOLD, 95)).isTrue();
    assertThat(QuietHours.delays(AlertKind.THRESHOLD, 100)).isFalse();
    assertThat(QuietHours.delays(AlertKind.THRESHOLD, 120)).isFalse();
    assertThat(QuietHours.delays(AlertKind.BLOCKED, 0)).isFalse();
    assertThat(QuietHours.delays(AlertKind.FORECAST, 0)).isTrue();
  }

  @Test
  void anythingButHhMmDashHhMmIsRefused() {
    for (String bad : new String[] {null, "", "22:00", "22-07", "24:00-07:00", "07:00-07:00"}) {
      assertThatThrownBy(() -> QuietHours.parse(bad))
          .as(String.valueOf(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
