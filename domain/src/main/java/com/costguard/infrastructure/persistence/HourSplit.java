package com.costguard.infrastructure.persistence;

import com.costguard.cost.budget.BudgetPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stretch of time cut into whole UTC hours, which the spend rollups answer for, and the rest,
 * which only the events themselves can answer for exactly. A calendar month starts on a whole hour
 * in almost every zone, so it usually is whole hours alone. An hour the stretch covers only in part
 * is read one of two ways: its part inside the stretch from the events ({@code partial}, added), or
 * the whole hour from the rollups less its part outside the stretch from the events ({@code
 * excess}, subtracted). Of the two parts, the one with less of the past in it is read from the
 * events, as it holds fewer of them: the hour a rolling window ends in, at now, is its rollup less
 * the events dated after now (hardly any), however many events came in since the hour began (a
 * million and more under a heavy ingest, which a read of that part took seconds over).
 *
 * @param whole whether any whole hour is read from the rollups
 * @param wholeFrom the first such hour's start; empty when the stretch has no start ({@link
 *     Instant#MIN}, a period running from the beginning of time)
 * @param wholeTo the end (exclusive) of the last such hour; empty when the stretch has no end
 * @param partial the parts of the stretch outside those hours, read from the events and added
 * @param excess the parts of those hours outside the stretch, read from the events and subtracted
 */
record HourSplit(
    boolean whole,
    Optional<Instant> wholeFrom,
    Optional<Instant> wholeTo,
    List<BudgetPeriod> partial,
    List<BudgetPeriod> excess) {

  static final Duration HOUR = Duration.ofHours(1);

  static HourSplit of(BudgetPeriod stretch) {
    return of(stretch, Instant.now());
  }

  /** {@code now} only chooses which part of an hour is read from the events, never the result. */
  static HourSplit of(BudgetPeriod stretch, Instant now) {
    Instant start = stretch.start();
    Optional<Instant> end = stretch.end();
    List<BudgetPeriod> partial = new ArrayList<>();
    List<BudgetPeriod> excess = new ArrayList<>();
    // The hours covered in part: the one the stretch starts in (unless it starts on the hour, that
    // instant included) and the one it ends in (unless it ends on the hour, that instant excluded).
    boolean startCut =
        !start.equals(Instant.MIN) && !(start.equals(floor(start)) && stretch.startIncluded());
    boolean endCut =
        end.isPresent() && !(end.get().equals(floor(end.get())) && !stretch.endIncluded());
    Optional<Instant> from = start.equals(Instant.MIN) ? Optional.empty() : Optional.of(start);
    Optional<Instant> to = end.map(HourSplit::floor);
    if (startCut && endCut && floor(start).equals(to.get())) {
      // Within one hour: the stretch, or the hour less what lies before and after the stretch.
      Instant hour = to.get();
      BudgetPeriod before =
          new BudgetPeriod(hour, true, Optional.of(start), !stretch.startIncluded());
      BudgetPeriod after =
          new BudgetPeriod(end.get(), !stretch.endIncluded(), Optional.of(hour.plus(HOUR)), false);
      if (past(before, now).plus(past(after, now)).compareTo(past(stretch, now)) < 0) {
        excess.add(before);
        excess.add(after);
        return new HourSplit(
            true, Optional.of(hour), Optional.of(hour.plus(HOUR)), partial, excess);
      }
      return eventsOnly(stretch);
    }
    if (startCut) {
      Instant hour = floor(start);
      BudgetPeriod inside =
          new BudgetPeriod(start, stretch.startIncluded(), Optional.of(hour.plus(HOUR)), false);
      BudgetPeriod outside =
          new BudgetPeriod(hour, true, Optional.of(start), !stretch.startIncluded());
      if (past(outside, now).compareTo(past(inside, now)) < 0) {
        excess.add(outside);
        from = Optional.of(hour);
      } else {
        partial.add(inside);
        from = Optional.of(hour.plus(HOUR));
      }
    }
    if (endCut) {
      Instant hour = to.get();
      BudgetPeriod inside = new BudgetPeriod(hour, true, end, stretch.endIncluded());
      BudgetPeriod outside =
          new BudgetPeriod(end.get(), !stretch.endIncluded(), Optional.of(hour.plus(HOUR)), false);
      if (past(outside, now).compareTo(past(inside, now)) < 0) {
        excess.add(outside);
        to = Optional.of(hour.plus(HOUR));
      } else {
        partial.add(inside);
      }
    }
    boolean whole = from.isEmpty() || to.isEmpty() || from.get().isBefore(to.get());
    return new HourSplit(whole, from, to, List.copyOf(partial), List.copyOf(excess));
  }

  /** The whole stretch read from the events. */
  static HourSplit eventsOnly(BudgetPeriod stretch) {
    return new HourSplit(false, Optional.empty(), Optional.empty(), List.of(stretch), List.of());
  }

  /** How much of a bounded part lies before {@code now}: the events are mostly dated then. */
  private static Duration past(BudgetPeriod part, Instant now) {
    Instant end = part.end().orElseThrow();
    Instant until = end.isBefore(now) ? end : now;
    return until.isAfter(part.start()) ? Duration.between(part.start(), until) : Duration.ZERO;
  }

  static Instant floor(Instant instant) {
    return instant.truncatedTo(ChronoUnit.HOURS);
  }

  static Instant ceil(Instant instant) {
    Instant floor = floor(instant);
    return floor.equals(instant) ? floor : floor.plus(HOUR);
  }
}
