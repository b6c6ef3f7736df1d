package com.costguard.cost.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties that hold for any job: random specs, random event histories (in random arrival order,
 * with equal timestamps, duplicates, events after the end, recoveries without interruptions) and
 * random instants.
 */
class JobCostPropertyTest {

  private static final Instant DAY_START = Instant.parse("2026-03-02T00:00:00Z");
  private static final long DAY = 86_400; // seconds

  @Property(tries = 500)
  void theBreakdownAlwaysAddsUpToTheCurrentCost(
      @ForAll("specs") JobSpec spec,
      @ForAll("mixedHistories") List<JobEvent> events,
      @ForAll @LongRange(min = 0, max = 2 * DAY) long now) {
    JobCostView view = JobCostCalculator.cost(spec, events, DAY_START.plusSeconds(now));

    CostBreakdown breakdown = view.breakdown();
    BigDecimal lines =
        breakdown.gpu().stream().map(GpuLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    for (InterruptionLine line : breakdown.interruptions()) {
      lines = lines.add(line.amount());
    }
    lines = lines.add(breakdown.storage().amount());
    assertThat(view.currentCost()).isEqualTo(lines).isEqualTo(breakdown.total());
    assertThat(view.currentCost().scale()).isEqualTo(2);
    assertThat(view.currentCost().signum()).isNotNegative();
    assertThat(view.savings()).isEqualTo(view.onDemandEquivalent().subtract(view.currentCost()));
    assertThat(view.activeTime())
        .isEqualTo(
            breakdown.gpu().stream().map(GpuLine::time).reduce(Duration.ZERO, Duration::plus));
  }

  @Property(tries = 500)
  void costNeverDecreasesAsNowAdvances(
      @ForAll("specs") JobSpec spec,
      @ForAll("mixedHistories") List<JobEvent> events,
      @ForAll @LongRange(min = 0, max = 2 * DAY) long now,
      @ForAll @LongRange(min = 0, max = DAY) long later) {
    Instant first = DAY_START.plusSeconds(now);
    JobCostView before = JobCostCalculator.cost(spec, events, first);
    JobCostView after = JobCostCalculator.cost(spec, events, first.plusSeconds(later));

    assertThat(after.currentCost()).isGreaterThanOrEqualTo(before.currentCost());
    assertThat(after.activeTime()).isGreaterThanOrEqualTo(before.activeTime());
    assertThat(after.pausedTime()).isGreaterThanOrEqualTo(before.pausedTime());
    assertThat(after.thresholdsCrossed()).containsAll(before.thresholdsCrossed());
    if (before.state().isFinished()) {
      assertThat(after.breakdown()).isEqualTo(before.breakdown());
    }
  }

  @Property(tries = 500)
  void duplicatesChangeNothing(
      @ForAll("specs") JobSpec spec,
      @ForAll("mixedHistories") List<JobEvent> events,
      @ForAll @LongRange(min = 0, max = 2 * DAY) long now,
      @ForAll long seed) {
    Random random = new Random(seed);
    // A retry arrives after the original, anywhere later (the first arrival of a key is the
    // event; among events at the same instant, arrival order counts).
    List<JobEvent> withCopies = new ArrayList<>(events);
    for (JobEvent event : events) {
      if (random.nextBoolean()) {
        int original = withCopies.indexOf(event);
        withCopies.add(original + 1 + random.nextInt(withCopies.size() - original), event);
      }
    }
    // A later arrival reusing a key is a duplicate whatever it says.
    List<JobEvent> withImpostors = new ArrayList<>(withCopies);
    for (JobEvent event : events) {
      if (random.nextBoolean()) {
        withImpostors.add(
            JobEvent.of(
                JobEventType.values()[random.nextInt(JobEventType.values().length)],
                DAY_START.plusSeconds(random.nextLong(DAY)),
                event.idempotencyKey()));
      }
    }
    Instant at = DAY_START.plusSeconds(now);

    JobCostView original = JobCostCalculator.cost(spec, events, at);

    assertThat(JobCostCalculator.cost(spec, withCopies, at)).isEqualTo(original);
    assertThat(JobCostCalculator.cost(spec, withImpostors, at)).isEqualTo(original);
  }

  @Property(tries = 500)
  void arrivalOrderDoesNotMatterWhenTimestampsDiffer(
      @ForAll("specs") JobSpec spec,
      @ForAll("mixedHistories") List<JobEvent> events,
      @ForAll @LongRange(min = 0, max = 2 * DAY) long now,
      @ForAll long seed) {
    Set<Instant> seen = new HashSet<>();
    List<JobEvent> distinct = events.stream().filter(e -> seen.add(e.at())).toList();
    List<JobEvent> shuffled = new ArrayList<>(distinct);
    Collections.shuffle(shuffled, new Random(seed));
    Instant at = DAY_START.plusSeconds(now);

    assertThat(JobCostCalculator.cost(spec, shuffled, at))
        .isEqualTo(JobCostCalculator.cost(spec, distinct, at));
  }

  @Property(tries = 500)
  void aProjectionIsOrderedAndStartsFromTheCurrentCost(
      @ForAll("specs") JobSpec spec,
      @ForAll("unfinishedTrainingRuns") List<JobEvent> events,
      @ForAll @LongRange(min = 0, max = 2 * DAY) long now) {
    JobCostView view = JobCostCalculator.cost(spec, events, DAY_START.plusSeconds(now));
    Statistics.collect(view.projection().isPresent());
    Statistics.coverage(coverage -> coverage.check(true).percentage(p -> p >= 30));

    view.projection()
        .ifPresent(
            projection -> {
              assertThat(view.state().isFinished()).isFalse();
              Scenario best = projection.scenario(ScenarioKind.BEST);
              Scenario expected = projection.scenario(ScenarioKind.EXPECTED);
              Scenario worst = projection.scenario(ScenarioKind.WORST);
              assertThat(projection.projectedFinal())
                  .isEqualTo(expected.finalCost())
                  .isGreaterThanOrEqualTo(view.currentCost())
                  .isBetween(projection.low(), projection.high());
              assertThat(best.finalCost()).isLessThanOrEqualTo(expected.finalCost());
              assertThat(worst.finalCost()).isGreaterThanOrEqualTo(expected.finalCost());
              assertThat(best.completionAt())
                  .isAfterOrEqualTo(view.asOf())
                  .isBeforeOrEqualTo(expected.completionAt());
              assertThat(worst.completionAt()).isAfterOrEqualTo(expected.completionAt());
              assertThat(expected.completionAt()).isEqualTo(projection.completionAt());
              assertThat(view.variance()).isPresent();
            });
  }

  @Property(tries = 500)
  void theZoneAgreesWithTheAlerts(
      @ForAll("specs") JobSpec spec,
      @ForAll("mixedHistories") List<JobEvent> events,
      @ForAll @LongRange(min = 0, max = 2 * DAY) long now) {
    JobCostView view = JobCostCalculator.cost(spec, events, DAY_START.plusSeconds(now));

    assertThat(view.zone() == EstimateZone.GREEN)
        .isEqualTo(!view.thresholdsCrossed().contains(EstimateThreshold.PERCENT_80));
    assertThat(view.zone() == EstimateZone.RED)
        .isEqualTo(view.currentCost().compareTo(spec.estimateMax()) > 0);
    if (view.thresholdsCrossed().contains(EstimateThreshold.PERCENT_120)) {
      assertThat(view.thresholdsCrossed()).contains(EstimateThreshold.PERCENT_100);
    }
  }

  @Provide
  Arbitrary<JobSpec> specs() {
    Arbitrary<BigDecimal> rate =
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("40")).ofScale(3);
    Arbitrary<BigDecimal> amount =
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("300")).ofScale(2);
    return Combinators.combine(
            Arbitraries.of(Pricing.class),
            rate,
            rate,
            amount,
            amount,
            Arbitraries.longs().between(0, 50_000),
            Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(3),
            Arbitraries.longs().between(0, 60))
        .as(
            (pricing, hourly, onDemand, min, extra, steps, storage, overhead) ->
                new JobSpec(
                    pricing,
                    hourly,
                    onDemand,
                    min,
                    min.add(extra),
                    steps,
                    storage,
                    Duration.ofMinutes(overhead)));
  }

  @Provide
  Arbitrary<List<JobEvent>> histories() {
    Arbitrary<JobEventType> type =
        Arbitraries.frequency(
            Tuple.of(3, JobEventType.STARTED),
            Tuple.of(8, JobEventType.PROGRESS),
            Tuple.of(3, JobEventType.PAUSED),
            Tuple.of(3, JobEventType.RESUMED),
            Tuple.of(2, JobEventType.INTERRUPTED),
            Tuple.of(2, JobEventType.RECOVERED),
            Tuple.of(1, JobEventType.STORAGE),
            Tuple.of(1, JobEventType.COMPLETED),
            Tuple.of(1, JobEventType.FAILED),
            Tuple.of(1, JobEventType.CANCELLED));
    // Coarse times (whole minutes, sometimes with millis) so that equal timestamps happen.
    Arbitrary<Instant> at =
        Combinators.combine(
                Arbitraries.longs().between(0, DAY / 60),
                Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, 59_999)))
            .as((minute, millis) -> DAY_START.plusSeconds(minute * 60).plusMillis(millis));
    Arbitrary<JobEvent> event =
        Combinators.combine(
                type,
                at,
                Arbitraries.longs().between(0, 60_000).optional(0.8),
                Arbitraries.of(Stage.class).optional(0.5),
                Arbitraries.bigDecimals()
                    .between(BigDecimal.ZERO, new BigDecimal("120"))
                    .ofScale(1)
                    .optional(0.6),
                Arbitraries.bigDecimals()
                    .between(BigDecimal.ZERO, new BigDecimal("500"))
                    .ofScale(2)
                    .optional(0.9))
            .as(
                (t, when, step, stage, minutes, gb) ->
                    new JobEvent(t, when, step, stage, minutes, gb, "?"));
    return event
        .list()
        .ofMaxSize(25)
        .map(
            list ->
                IntStream.range(0, list.size())
                    .mapToObj(i -> withKey(list.get(i), "e" + i))
                    .toList());
  }

  /** Any history half the time, a running training job the other half. */
  @Provide
  Arbitrary<List<JobEvent>> mixedHistories() {
    return Arbitraries.oneOf(histories(), unfinishedTrainingRuns());
  }

  /** Histories that start training at the start of the day and have not ended. */
  @Provide
  Arbitrary<List<JobEvent>> unfinishedTrainingRuns() {
    return histories()
        .map(
            events -> {
              List<JobEvent> run = new ArrayList<>();
              run.add(JobEvent.of(JobEventType.STARTED, DAY_START, "start"));
              run.add(JobEvent.stage(DAY_START, Stage.TRAINING, "training"));
              events.stream().filter(e -> !e.type().endsJob()).forEach(run::add);
              return run;
            });
  }

  private static JobEvent withKey(JobEvent event, String key) {
    return new JobEvent(
        event.type(),
        event.at(),
        event.step(),
        event.stage(),
        event.recoveryMinutes(),
        event.storageGb(),
        key);
  }
}
