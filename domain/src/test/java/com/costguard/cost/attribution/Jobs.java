package com.costguard.cost.attribution;

import com.costguard.cost.job.Pricing;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/** Costed jobs for tests, written as the figures a cost view would give. */
public final class Jobs {

  private Jobs() {}

  public static CostedJob job(long id, String client, String project, String cost) {
    return new CostedJob(
        id,
        "job-" + id,
        "ana",
        "completed",
        Optional.of("A100"),
        Pricing.ON_DEMAND,
        Optional.ofNullable(client),
        Optional.ofNullable(project),
        LocalDate.of(2026, 3, 2),
        new BigDecimal(cost),
        new BigDecimal(cost),
        new BigDecimal(cost),
        0,
        BigDecimal.ZERO,
        Duration.ofHours(1));
  }

  /** A spot job: its cost now, on-demand equivalent, interruptions and their overhead. */
  public static CostedJob spot(
      long id, LocalDate date, String cost, String onDemand, int interruptions, String overhead) {
    return new CostedJob(
        id,
        "spot-" + id,
        "ana",
        "completed",
        Optional.of("A100"),
        Pricing.SPOT,
        Optional.empty(),
        Optional.empty(),
        date,
        new BigDecimal(cost),
        new BigDecimal(cost),
        new BigDecimal(onDemand),
        interruptions,
        new BigDecimal(overhead),
        Duration.ofHours(1));
  }

  public static CostedJob onDemand(long id, LocalDate date, String cost) {
    return new CostedJob(
        id,
        "od-" + id,
        "ana",
        "completed",
        Optional.of("A100"),
        Pricing.ON_DEMAND,
        Optional.empty(),
        Optional.empty(),
        date,
        new BigDecimal(cost),
        new BigDecimal(cost),
        new BigDecimal(cost),
        0,
        BigDecimal.ZERO,
        Duration.ofHours(1));
  }
}
