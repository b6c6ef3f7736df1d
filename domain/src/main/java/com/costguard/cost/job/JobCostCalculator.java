package com.costguard.cost.job;

import com.costguard.cost.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job's cost view from its spec, its events and the instant to cost at (SPEC §2). Pure: the same
 * inputs always give the same view.
 *
 * <ul>
 *   <li>one GPU line per stage: active time × hourly rate (see {@link JobTimeline} for which time
 *       is active and which stage it belongs to);
 *   <li>one line per interruption: recovery minutes / 60 × hourly rate when the {@code recovered}
 *       event reports them, else the measured gap (so far, while still interrupted);
 *   <li>storage: latest checkpoint GB × storage price per GB;
 *   <li>current cost = the sum of those lines, each already rounded to cents.
 * </ul>
 */
public final class JobCostCalculator {

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private JobCostCalculator() {}

  /**
   * The cost view of a job at {@code now}: up to {@code now} while it runs, locked at its end once
   * it has completed, failed or been cancelled.
   *
   * @param events every event reported for the job, in arrival order, duplicates included
   */
  public static JobCostView cost(JobSpec spec, List<JobEvent> events, Instant now) {
    return cost(spec, JobTimeline.of(events).replay(now));
  }

  /**
   * The cost view of a job as it stood at {@code at}, for costing the past: only the events stamped
   * at or before {@code at} count, and a job that had not ended by then is measured up to {@code
   * at}. ({@link #cost} measures to the latest event when that is later than its {@code now}; here
   * later events are simply not yet known, so the instant measured to is always {@code at}.)
   *
   * @param events every event reported for the job, in arrival order, duplicates included
   */
  public static JobCostView costAsOf(JobSpec spec, List<JobEvent> events, Instant at) {
    return cost(spec, JobTimeline.of(events).through(at).replay(at));
  }

  /**
   * The cost view of a job just before {@code at}: as {@link #costAsOf}, without the events stamped
   * exactly at {@code at}. What a period that starts at {@code at} (and includes its start) must
   * not count: a storage report or a recovery stamped on the boundary belongs to that period.
   */
  public static JobCostView costBefore(JobSpec spec, List<JobEvent> events, Instant at) {
    return cost(spec, JobTimeline.of(events).before(at).replay(at));
  }

  /** The cost view of an activity already replayed. */
  public static JobCostView cost(JobSpec spec, JobActivity activity) {
    CostBreakdown breakdown = breakdown(spec, activity);
    BigDecimal current = breakdown.total();
    Optional<Projection> projection = ProjectionCalculator.project(spec, activity, current);

    Optional<BigDecimal> expectedFinal =
        projection
            .map(Projection::projectedFinal)
            .or(() -> activity.state().isFinished() ? Optional.of(current) : Optional.empty());
    BigDecimal midpoint = spec.estimateMin().add(spec.estimateMax()).divide(TWO);
    Optional<BigDecimal> variance =
        expectedFinal.map(projected -> Money.cents(projected.subtract(midpoint)));

    BigDecimal onDemand = onDemandEquivalent(spec, activity, breakdown.storage());
    BigDecimal savings = onDemand.subtract(current);

    return new JobCostView(
        activity.state(),
        activity.asOf(),
        current,
        breakdown,
        spec.hourlyRate(),
        activity.active(),
        activity.paused(),
        percentOf(current, spec.estimateMin()),
        EstimateZone.of(current, spec.estimateMin(), spec.estimateMax()),
        EstimateThreshold.crossedBy(current, spec.estimateMin(), spec.estimateMax()),
        variance,
        onDemand,
        savings,
        percentOf(savings, onDemand),
        projection);
  }

  /**
   * The final cost the job was projected to reach when it first reported at least half of its steps
   * done: the projection that {@link ProjectionAccuracy} judges. Empty when the job has no steps to
   * count, never got halfway before it ended, or no projection could be made then.
   */
  public static Optional<BigDecimal> projectedFinalAtHalfway(JobSpec spec, List<JobEvent> events) {
    if (spec.totalSteps() <= 0) {
      return Optional.empty();
    }
    List<JobEvent> ordered = JobTimeline.of(events).events();
    for (int i = 0; i < ordered.size(); i++) {
      JobEvent event = ordered.get(i);
      if (event.type().endsJob()) {
        return Optional.empty();
      }
      boolean halfway =
          event.type() == JobEventType.PROGRESS
              && event.step().filter(step -> 2 * step >= spec.totalSteps()).isPresent();
      if (halfway) {
        List<JobEvent> soFar = ordered.subList(0, i + 1);
        return cost(spec, soFar, event.at()).projection().map(Projection::projectedFinal);
      }
    }
    return Optional.empty();
  }

  static CostBreakdown breakdown(JobSpec spec, JobActivity activity) {
    BigDecimal rate = spec.hourlyRate();
    List<GpuLine> gpu =
        activity.activeByStage().entrySet().stream()
            .map(
                entry ->
                    new GpuLine(
                        entry.getKey(),
                        entry.getValue(),
                        Hours.hours(entry.getValue()),
                        Money.cents(Hours.price(entry.getValue(), rate))))
            .toList();
    List<InterruptionLine> interruptions =
        activity.interruptions().stream()
            .map(
                interruption ->
                    new InterruptionLine(
                        interruption.at(),
                        interruption.billedMinutes(),
                        Money.cents(interruption.price(rate)),
                        interruption.ongoing()))
            .toList();
    BigDecimal gb = activity.storageGb().orElse(BigDecimal.ZERO);
    StorageLine storage = new StorageLine(gb, Money.cents(gb.multiply(spec.storagePricePerGb())));
    return new CostBreakdown(gpu, interruptions, storage);
  }

  /**
   * Priced stage by stage like the GPU lines, so that an on-demand job without interruptions saves
   * exactly nothing.
   */
  private static BigDecimal onDemandEquivalent(
      JobSpec spec, JobActivity activity, StorageLine storage) {
    BigDecimal gpu = BigDecimal.ZERO;
    for (Map.Entry<Stage, Duration> entry : activity.activeByStage().entrySet()) {
      gpu = gpu.add(Money.cents(Hours.price(entry.getValue(), spec.onDemandHourlyRate())));
    }
    return gpu.add(storage.amount());
  }

  private static Optional<BigDecimal> percentOf(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? Optional.empty() : Optional.of(Money.percent(part, whole));
  }
}
