package com.costguard.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void doublesFromOneSecondUpToTheCapThenGivesUp() {
    List<Duration> delays = new ArrayList<>();
    for (int failed = 1; failed < RetryPolicy.DEFAULT.maxAttempts(); failed++) {
      delays.add(RetryPolicy.DEFAULT.delayAfter(failed).orElseThrow());
    }

    assertThat(delays.subList(0, 9))
        .extracting(Duration::toSeconds)
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L);
    assertThat(delays.subList(9, delays.size())).containsOnly(Duration.ofMinutes(5));
    assertThat(RetryPolicy.DEFAULT.delayAfter(RetryPolicy.DEFAULT.maxAttempts())).isEmpty();
    assertThat(delays.stream().reduce(Duration.ZERO, Duration::plus))
        .isBetween(Duration.ofMinutes(55), Duration.ofMinutes(60));
  }

  @Test
  void hugeAttemptCountsDoNotOverflow() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofHours(1), 1000);

    assertThat(policy.delayAfter(999)).isEqualTo(Optional.of(Duration.ofHours(1)));
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.DEFAULT.delayAfter(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
