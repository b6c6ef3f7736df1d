package com.costguard.infrastructure.persistence;

import com.costguard.cost.budget.BudgetPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stretch of time cut into the whole UTC hours that the spend rollups answer for and the partial
 * hours at its ends, which only the events themselves can answer for exactly. A budget's rolling
 * window starts and ends at any instant; a calendar month starts on a whole hour in almost every
 * zone, so it usually has no partial hour at all.
 *
 * @param whole whether any whole hour lies inside the stretch
 * @param wholeFrom the first whole hour's start; empty when the stretch has no start ({@link
 *     Instant#MIN}, a period running from the beginning of time)
 * @param wholeTo the end (exclusive) of the last whole hour; empty when the stretch has no end
 * @param partial the parts outside the whole hours, as periods with their own inclusion rules
 */
record HourSplit(
    boolean whole,
    Optional<Instant> wholeFrom,
    Optional<Instant> wholeTo,
    List<BudgetPeriod> partial) {

  static final Duration HOUR = Duration.ofHours(1);

  static HourSplit of(BudgetPeriod stretch) {
    Instant start = stretch.start();
    Optional<Instant> from = Optional.empty();
    if (!start.equals(Instant.MIN)) {
      Instant first = ceil(start);
      // An excluded start on a whole hour: that hour has an instant outside, read it raw.
      from =
          Optional.of(first.equals(start) && !stretch.startIncluded() ? first.plus(HOUR) : first);
    }
    Optional<Instant> to = stretch.end().map(HourSplit::floor);
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      return eventsOnly(stretch);
    }
    List<BudgetPeriod> partial = new ArrayList<>();
    if (from.isPresent() && from.get().isAfter(start)) {
      partial.add(new BudgetPeriod(start, stretch.startIncluded(), from, false));
    }
    if (to.isPresent()) {
      Instant end = stretch.end().get();
      if (to.get().isBefore(end) || stretch.endIncluded()) {
        partial.add(new BudgetPeriod(to.get(), true, stretch.end(), stretch.endIncluded()));
      }
    }
    return new HourSplit(true, from, to, List.copyOf(partial));
  }

  /** The whole stretch read from the events. */
  static HourSplit eventsOnly(BudgetPeriod stretch) {
    return new HourSplit(false, Optional.empty(), Optional.empty(), List.of(stretch));
  }

  static Instant floor(Instant instant) {
    return instant.truncatedTo(ChronoUnit.HOURS);
  }

  static Instant ceil(Instant instant) {
    Instant floor = floor(instant);
    return floor.equals(instant) ? floor : floor.plus(HOUR);
  }
}
