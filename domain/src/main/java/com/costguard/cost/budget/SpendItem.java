package com.costguard.cost.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One amount of spend at one instant: a cost event, or a job's cost accrued at that instant (the
 * job cost engine says how much of a job's cost accrued when; a job whose cost spans two periods is
 * two or more accruals). The forecast treats the two sources differently, so each item says which
 * it is.
 */
public record SpendItem(
    Source source, BigDecimal amount, Instant occurredAt, SpendAttribution attribution) {

  public enum Source {
    COST_EVENT,
    JOB_ACCRUAL
  }

  public SpendItem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(attribution, "attribution");
  }

  public static SpendItem costEvent(
      BigDecimal amount, Instant occurredAt, SpendAttribution attribution) {
    return new SpendItem(Source.COST_EVENT, amount, occurredAt, attribution);
  }

  public static SpendItem jobAccrual(
      BigDecimal amount, Instant accruedAt, SpendAttribution attribution) {
    return new SpendItem(Source.JOB_ACCRUAL, amount, accruedAt, attribution);
  }
}
