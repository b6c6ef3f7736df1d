package com.costguard.cost.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobSpecAndEventTest {

  private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");

  @Test
  void aSpecDefaultsToIncludedStorageAndAQuarterHourToFinalize() {
    JobSpec spec =
        JobSpec.of(
            Pricing.SPOT,
            new BigDecimal("1.20"),
            new BigDecimal("3.67"),
            BigDecimal.TEN,
            BigDecimal.TEN,
            100);

    assertThat(spec.storagePricePerGb()).isZero();
    assertThat(spec.finalizationOverhead()).isEqualTo(Duration.ofMinutes(15));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # rate | on demand | min | max | steps | storage price
          -0.01  | 3.67      | 10  | 14  | 100   | 0
          1.20   | -1        | 10  | 14  | 100   | 0
          1.20   | 3.67      | -1  | 14  | 100   | 0
          1.20   | 3.67      | 15  | 14  | 100   | 0
          1.20   | 3.67      | 10  | 14  | -1    | 0
          1.20   | 3.67      | 10  | 14  | 100   | -0.5
          """)
  void aSpecRefusesNegativeFiguresAndAnUpsideDownEstimate(
      BigDecimal rate,
      BigDecimal onDemand,
      BigDecimal min,
      BigDecimal max,
      long steps,
      BigDecimal storagePrice) {
    assertThatThrownBy(
            () ->
                new JobSpec(
                    Pricing.SPOT,
                    rate,
                    onDemand,
                    min,
                    max,
                    steps,
                    storagePrice,
                    Duration.ofMinutes(15)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSpecRefusesANegativeOverhead() {
    JobSpec spec =
        JobSpec.of(Pricing.SPOT, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TEN, 1);

    assertThatThrownBy(() -> spec.withFinalizationOverhead(Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEventRefusesNegativeFiguresAndABlankKey() {
    assertThatThrownBy(() -> JobEvent.progress(AT, -1, "k"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobEvent.recovered(AT, new BigDecimal("-1"), "k"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobEvent.storage(AT, new BigDecimal("-0.1"), "k"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobEvent.of(JobEventType.STARTED, AT, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEventTreatsMissingOptionalsAsEmpty() {
    JobEvent event = new JobEvent(JobEventType.PAUSED, AT, null, null, null, null, "k");

    assertThat(event.step()).isEmpty();
    assertThat(event.stage()).isEmpty();
    assertThat(event.recoveryMinutes()).isEmpty();
    assertThat(event.storageGb()).isEmpty();
    assertThat(event).isEqualTo(JobEvent.of(JobEventType.PAUSED, AT, "k"));
    assertThat(JobEvent.progress(AT, 5, Stage.TRAINING, "p").stage())
        .isEqualTo(Optional.of(Stage.TRAINING));
  }
}
