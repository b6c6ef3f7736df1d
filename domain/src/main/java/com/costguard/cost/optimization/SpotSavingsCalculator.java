package com.costguard.cost.optimization;

import com.costguard.cost.Money;
import com.costguard.cost.attribution.CostedJob;
import com.costguard.cost.budget.CentsDivision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/** {@link SpotSavings} from costed jobs; pure. */
public final class SpotSavingsCalculator {

  static final BigDecimal OPTIMAL_SPOT_SHARE = BigDecimal.valueOf(80);
  static final BigDecimal HIGH_INTERRUPTION_RATE = BigDecimal.valueOf(30);
  static final int ACCEPTABLE_INTERRUPTIONS = 2;
  private static final BigDecimal MONTHS_A_YEAR = BigDecimal.valueOf(12);

  private SpotSavingsCalculator() {}

  /**
   * @param firstMonth the month the range starts in
   * @param lastMonth the month the range ends in (not before {@code firstMonth})
   */
  public static SpotSavings analyse(
      List<CostedJob> jobs, YearMonth firstMonth, YearMonth lastMonth) {
    List<CostedJob> spot = jobs.stream().filter(CostedJob::spot).toList();
    List<CostedJob> onDemand = jobs.stream().filter(j -> !j.spot()).toList();
    BigDecimal spotCost = sum(spot, CostedJob::currentCost);
    BigDecimal equivalent = sum(spot, CostedJob::onDemandEquivalent);
    BigDecimal overhead = sum(spot, CostedJob::recoveryOverhead);
    BigDecimal net = equivalent.subtract(spotCost);
    BigDecimal gross = net.add(overhead);
    int interruptions = spot.stream().mapToInt(CostedJob::interruptions).sum();

    SortedMap<Integer, Integer> histogram = new TreeMap<>();
    spot.forEach(j -> histogram.merge(j.interruptions(), 1, Integer::sum));
    long acceptable =
        spot.stream().filter(j -> j.interruptions() <= ACCEPTABLE_INTERRUPTIONS).count();
    long interrupted = spot.stream().filter(j -> j.interruptions() > 0).count();

    SortedMap<YearMonth, BigDecimal> byMonth = new TreeMap<>();
    for (YearMonth m = firstMonth; !m.isAfter(lastMonth); m = m.plusMonths(1)) {
      byMonth.put(m, BigDecimal.ZERO);
    }
    // A job that started before the range counts in its first month, so the months add up.
    spot.forEach(
        j ->
            byMonth.merge(
                within(YearMonth.from(j.date()), firstMonth, lastMonth),
                j.savings(),
                BigDecimal::add));
    BigDecimal monthly =
        byMonth.isEmpty()
            ? BigDecimal.ZERO
            : CentsDivision.quotientInCents(net, BigDecimal.valueOf(byMonth.size()));

    SortedMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
    spot.forEach(j -> byDay.merge(j.date(), j.savings(), BigDecimal::add));
    List<SpotSavings.Point> cumulative = new ArrayList<>();
    BigDecimal running = BigDecimal.ZERO;
    for (var day : byDay.entrySet()) {
      running = running.add(day.getValue());
      cumulative.add(new SpotSavings.Point(day.getKey(), running));
    }

    Optional<BigDecimal> spotShare = percent(spot.size(), jobs.size());
    Optional<BigDecimal> interruptionRate = percent(interrupted, spot.size());
    Optional<BigDecimal> savingsPercent = percentOf(gross, equivalent);
    List<Advice> advice = new ArrayList<>();
    spotShare.ifPresent(
        share -> {
          if (share.compareTo(OPTIMAL_SPOT_SHARE) < 0) {
            // The on-demand jobs at the rate spot saved here after overhead; nothing known
            // without spot jobs to learn the rate from.
            BigDecimal rate = percentOf(net, equivalent).orElse(BigDecimal.ZERO);
            BigDecimal wouldSave =
                Money.cents(
                    sum(onDemand, CostedJob::currentCost)
                        .multiply(rate)
                        .divide(BigDecimal.valueOf(100)));
            advice.add(
                new Advice(Advice.Kind.MORE_SPOT, Optional.of(wouldSave.max(BigDecimal.ZERO))));
          } else {
            advice.add(new Advice(Advice.Kind.OPTIMAL, Optional.empty()));
          }
        });
    interruptionRate
        .filter(rate -> rate.compareTo(HIGH_INTERRUPTION_RATE) > 0)
        .ifPresent(rate -> advice.add(new Advice(Advice.Kind.OFF_PEAK, Optional.empty())));

    return new SpotSavings(
        jobs.stream()
            .sorted(
                Comparator.comparing(CostedJob::savings).reversed().thenComparing(CostedJob::id))
            .toList(),
        spot.size(),
        onDemand.size(),
        spotCost,
        equivalent,
        gross,
        savingsPercent,
        interruptions,
        spot.isEmpty()
            ? Optional.empty()
            : Optional.of(
                CentsDivision.quotientInCents(
                    BigDecimal.valueOf(interruptions), BigDecimal.valueOf(spot.size()))),
        histogram,
        overhead,
        net,
        percentOf(net, equivalent),
        percent(acceptable, spot.size()),
        byMonth,
        monthly,
        monthly.multiply(MONTHS_A_YEAR),
        cumulative,
        spotShare,
        interruptionRate,
        advice);
  }

  private static YearMonth within(YearMonth month, YearMonth first, YearMonth last) {
    return month.isBefore(first) ? first : month.isAfter(last) ? last : month;
  }

  private static BigDecimal sum(List<CostedJob> jobs, Function<CostedJob, BigDecimal> amount) {
    return jobs.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static Optional<BigDecimal> percent(long part, long whole) {
    return percentOf(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
  }

  private static Optional<BigDecimal> percentOf(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? Optional.empty() : Optional.of(Money.percent(part, whole));
  }
}
