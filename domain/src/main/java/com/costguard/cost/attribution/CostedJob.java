package com.costguard.cost.attribution;

import com.costguard.cost.job.JobCostView;
import com.costguard.cost.job.Pricing;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One job as attribution and the spot vs on-demand analysis read it over a range.
 *
 * @param date the day the job started, in the installation's time zone
 * @param costInRange what the job accrued in the range (the rule budgets and the spending summary
 *     count by), in cents
 * @param currentCost the job's whole cost now (its cost view), in cents
 * @param onDemandEquivalent the job's whole cost at the on-demand rate, as its cost view gives it
 * @param interruptions how many spot interruptions it had
 * @param recoveryOverhead what its interruptions cost (their lines of the cost view)
 * @param activeTime billed GPU time
 */
public record CostedJob(
    long id,
    String name,
    String creator,
    String status,
    Optional<String> gpuType,
    Pricing pricing,
    Optional<String> client,
    Optional<String> project,
    LocalDate date,
    BigDecimal costInRange,
    BigDecimal currentCost,
    BigDecimal onDemandEquivalent,
    int interruptions,
    BigDecimal recoveryOverhead,
    Duration activeTime) {

  public CostedJob {
    Objects.requireNonNull(pricing, "pricing");
    Objects.requireNonNull(costInRange, "costInRange");
    // A blank client or project names nothing, like an absent one.
    client = client.filter(text -> !text.isBlank());
    project = project.filter(text -> !text.isBlank());
  }

  /** The figures of a job's cost view as the job cost engine computed them. */
  public record Identity(
      long id,
      String name,
      String creator,
      String status,
      Optional<String> gpuType,
      Pricing pricing,
      Optional<String> client,
      Optional<String> project,
      LocalDate date) {}

  /** A job with the engine's cost view of it now and its accrual in the range. */
  public static CostedJob of(Identity job, BigDecimal costInRange, JobCostView view) {
    return new CostedJob(
        job.id(),
        job.name(),
        job.creator(),
        job.status(),
        job.gpuType(),
        job.pricing(),
        job.client(),
        job.project(),
        job.date(),
        costInRange,
        view.currentCost(),
        view.onDemandEquivalent(),
        view.breakdown().interruptions().size(),
        view.breakdown().interruptionTotal(),
        view.activeTime());
  }

  /** The engine's savings: on-demand equivalent − current cost (recovery overhead included). */
  public BigDecimal savings() {
    return onDemandEquivalent.subtract(currentCost);
  }

  public boolean spot() {
    return pricing == Pricing.SPOT;
  }
}
