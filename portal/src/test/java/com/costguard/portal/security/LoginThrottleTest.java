package com.costguard.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  /** A clock the test moves. */
  private static final class Moving extends Clock {
    Instant now = Instant.parse("2026-11-23T08:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final Moving clock = new Moving();
  private final LoginThrottle throttle = new LoginThrottle(clock);

  private void fail(String user, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(user, address);
    }
  }

  @Test
  void anAccountIsLockedAfterFiveFailuresWhateverTheAddress() {
    fail("maria", "10.0.0.1", 2);
    fail("MARIA ", "10.0.0.2", 2);
    assertThat(throttle.wait("maria", "10.0.0.3")).isEmpty();

    throttle.failed("maria", "10.0.0.4");

    assertThat(throttle.wait("maria", "10.0.0.9")).contains(LoginThrottle.LOCKOUT);
    assertThat(throttle.wait("Maria", "10.0.0.9")).isPresent();
    assertThat(throttle.wait("bob", "10.0.0.1")).as("others sign in").isEmpty();
  }

  @Test
  void theLockLastsFifteenMinutesThenTheAccountMayTryAgain() {
    fail("maria", "10.0.0.1", 5);
    clock.now = clock.now.plus(Duration.ofMinutes(14));
    assertThat(throttle.wait("maria", "10.0.0.1")).contains(Duration.ofMinutes(1));

    clock.now = clock.now.plus(Duration.ofMinutes(1));

    assertThat(throttle.wait("maria", "10.0.0.1")).isEmpty();
    throttle.failed("maria", "10.0.0.1");
    assertThat(throttle.wait("maria", "10.0.0.1")).as("counting starts afresh").isEmpty();
  }

  @Test
  void failuresOlderThanTheWindowDoNotCount() {
    fail("maria", "10.0.0.1", 4);
    clock.now = clock.now.plus(LoginThrottle.WINDOW).plusSeconds(1);

    throttle.failed("maria", "10.0.0.1");

    assertThat(throttle.wait("maria", "10.0.0.1")).isEmpty();
  }

  @Test
  void aSuccessForgetsTheAccountsFailures() {
    fail("maria", "10.0.0.1", 4);
    throttle.succeeded("maria");

    fail("maria", "10.0.0.1", 4);

    assertThat(throttle.wait("maria", "10.0.0.1")).isEmpty();
  }

  @Test
  void anAddressTryingManyAccountsIsLockedForAllOfThem() {
    for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES - 1; i++) {
      throttle.failed("user" + i, "203.0.113.7");
    }
    assertThat(throttle.wait("anyone", "203.0.113.7")).isEmpty();

    throttle.failed("user-last", "203.0.113.7");

    assertThat(throttle.wait("anyone", "203.0.113.7")).contains(LoginThrottle.LOCKOUT);
    assertThat(throttle.wait("anyone", "203.0.113.8")).as("other addresses").isEmpty();
    assertThat(throttle.wait("user1", "198.51.100.1"))
        .as("no single account failed five times")
        .isEmpty();
  }
}
