package com.costguard.model.alert;

import com.costguard.alerting.AlertKind;
import com.costguard.alerting.Channel;
import com.costguard.alerting.DeliveryState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stored alert with its deliveries, as {@code GET /alerts} shows it.
 *
 * @param budgetId the budget of a budget alert
 * @param jobId the job of a job alert
 * @param threshold 0 for kinds without one
 * @param rearmedAt when its threshold re-armed (a raised limit, a rolling window's spend falling
 *     back), so that it may fire again; empty while it stands
 */
public record FiredAlert(
    long id,
    AlertKind kind,
    Optional<Long> budgetId,
    Optional<Long> jobId,
    int threshold,
    Instant periodStart,
    Instant firedAt,
    Optional<BigDecimal> spent,
    Optional<BigDecimal> limit,
    Optional<Instant> rearmedAt,
    List<Delivery> deliveries) {

  public FiredAlert {
    deliveries = List.copyOf(deliveries);
  }

  /** One channel's delivery of the alert. */
  public record Delivery(
      Channel channel,
      DeliveryState state,
      int attempts,
      Optional<Instant> deliveredAt,
      Optional<String> lastError) {}
}
