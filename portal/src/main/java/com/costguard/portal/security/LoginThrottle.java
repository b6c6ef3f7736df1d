package com.costguard.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing at the portal's sign-in: {@link #ACCOUNT_FAILURES} failed sign-ins of one
 * account, or {@link #ADDRESS_FAILURES} from one client address (whatever the accounts), within
 * {@link #WINDOW} lock that account or address for {@link #LOCKOUT}; while locked no password is
 * even checked, a right one neither. A success forgets the account's failures. Counted per
 * instance, in memory: with several instances behind a load balancer a guesser gets at most that
 * many times the attempts, still a handful a minute.
 */
@ApplicationScoped
public class LoginThrottle {

  public static final int ACCOUNT_FAILURES = 5;
  public static final int ADDRESS_FAILURES = 20;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final Duration LOCKOUT = Duration.ofMinutes(15);

  /** Keys kept at most; older entries are dropped first when a sweep is due. */
  private static final int MAX_KEYS = 100_000;

  private Clock clock;
  private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
  private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

  protected LoginThrottle() {} // for the CDI proxy

  @Inject
  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long {@code username} signing in from {@code address} must still wait; empty: may try. */
  public Optional<Duration> wait(String username, String address) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (Failures f : new Failures[] {accounts.get(key(username)), addresses.get(address)}) {
      if (f != null) {
        Duration left = f.lockedFor(now);
        wait = left.compareTo(wait) > 0 ? left : wait;
      }
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /** A wrong password (or unknown account) for {@code username} from {@code address}. */
  public void failed(String username, String address) {
    Instant now = clock.instant();
    sweep(now);
    accounts.computeIfAbsent(key(username), k -> new Failures()).add(now, ACCOUNT_FAILURES);
    addresses.computeIfAbsent(address, k -> new Failures()).add(now, ADDRESS_FAILURES);
  }

  /** A successful sign-in: the account starts afresh (the address keeps its count). */
  public void succeeded(String username) {
    accounts.remove(key(username));
  }

  private static String key(String username) {
    return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
  }

  private void sweep(Instant now) {
    for (Map<String, Failures> map : java.util.List.of(accounts, addresses)) {
      if (map.size() > MAX_KEYS) {
        map.values().removeIf(f -> f.stale(now));
      }
    }
  }

  /** The recent failures of one account or address, and until when it is locked. */
  private static final class Failures {
    private final Deque<Instant> recent = new ArrayDeque<>();
    private Instant lockedUntil = Instant.MIN;

    synchronized void add(Instant now, int limit) {
      forgetBefore(now.minus(WINDOW));
      recent.addLast(now);
      if (recent.size() >= limit) {
        lockedUntil = now.plus(LOCKOUT);
        recent.clear();
      }
    }

    synchronized Duration lockedFor(Instant now) {
      return now.isBefore(lockedUntil) ? Duration.between(now, lockedUntil) : Duration.ZERO;
    }

    synchronized boolean stale(Instant now) {
      forgetBefore(now.minus(WINDOW));
      return recent.isEmpty() && !now.isBefore(lockedUntil);
    }

    private void forgetBefore(Instant cutoff) {
      while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
        recent.removeFirst();
      }
    }
  }
}
