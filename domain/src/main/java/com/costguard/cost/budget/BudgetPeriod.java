package com.costguard.cost.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stretch of time whose spend counts against a budget.
 *
 * <p>Calendar periods and periods running until reset include their start and exclude their end:
 * {@code [start, end)}, so consecutive periods share a boundary without sharing an instant. The
 * rolling window is the other way round, {@code (now − 30 days, now]}: spend at the very instant of
 * "now" must count. A reset inside a rolling window cuts it to {@code [reset, now]}. {@link
 * #contains} applies the right rule; a query that selects spend by time should use {@link
 * #startIncluded()} and {@link #endIncluded()} rather than assume.
 *
 * @param end empty for a period that runs until reset
 */
public record BudgetPeriod(
    Instant start, boolean startIncluded, Optional<Instant> end, boolean endIncluded) {

  public BudgetPeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isEmpty() && endIncluded) {
      throw new IllegalArgumentException("a period without an end cannot include its end");
    }
    end.ifPresent(
        e -> {
          if (e.isBefore(start)) {
            throw new IllegalArgumentException("the period ends before it starts: " + start);
          }
        });
  }

  /** {@code [start, end)}: a calendar period. */
  public static BudgetPeriod startingAt(Instant start, Instant endExclusive) {
    return new BudgetPeriod(start, true, Optional.of(endExclusive), false);
  }

  /** {@code [start, ∞)}: a period that runs until reset. */
  public static BudgetPeriod openFrom(Instant start) {
    return new BudgetPeriod(start, true, Optional.empty(), false);
  }

  /** {@code (start, end]}: the rolling window that ends now. */
  public static BudgetPeriod endingAt(Instant startExclusive, Instant endInclusive) {
    return new BudgetPeriod(startExclusive, false, Optional.of(endInclusive), true);
  }

  public boolean contains(Instant instant) {
    int fromStart = instant.compareTo(start);
    if (fromStart < 0 || (fromStart == 0 && !startIncluded)) {
      return false;
    }
    if (end.isEmpty()) {
      return true;
    }
    int fromEnd = instant.compareTo(end.get());
    return fromEnd < 0 || (fromEnd == 0 && endIncluded);
  }

  /** The time from start to end; empty for a period without an end. */
  public Optional<Duration> length() {
    return end.map(e -> Duration.between(start, e));
  }
}
