package com.costguard.portal.web;

import com.costguard.alerting.DeliveryState;
import com.costguard.application.AlertService;
import com.costguard.model.alert.FiredAlert;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts page ({@code /dashboard/alerts}): every delivery of the alerts fired in the last
 * {@link #DAYS} days, newest first, with its state, attempts and last error, so that a delivery
 * Slack or SMTP never took is seen (failed, or still pending with its error), never lost silently.
 */
@Named
@RequestScoped
public class ListAlerts {

  static final int DAYS = 7;

  @Inject AlertService alerts;
  @Inject Clock clock;

  private List<Row> rows;

  /** One delivery of one alert, as the table shows it. */
  public record Row(
      long alertId,
      Instant firedAt,
      String subject,
      String subjectPath,
      String alert,
      String channel,
      DeliveryState state,
      int attempts,
      String lastError) {

    public String stateName() {
      return state.apiName();
    }

    /** An icon per state, beside its word: never colour alone. */
    public String stateIcon() {
      return switch (state) {
        case DELIVERED -> "pi pi-check-circle";
        case PENDING -> "pi pi-clock";
        case FAILED -> "pi pi-times-circle";
      };
    }
  }

  @PostConstruct
  void load() {
    Instant since = clock.instant().minus(Duration.ofDays(DAYS));
    Map<Long, String> names = alerts.budgetNames();
    List<Row> all = new ArrayList<>();
    for (FiredAlert alert : alerts.list(Optional.empty(), Optional.of(since))) {
      for (FiredAlert.Delivery delivery : alert.deliveries()) {
        all.add(row(alert, delivery, names));
      }
    }
    all.sort(Comparator.comparing(Row::firedAt).thenComparing(Row::alertId).reversed());
    rows = all;
  }

  /** A budget alert names its budget (by id once deleted), a job alert its job. */
  private static Row row(FiredAlert alert, FiredAlert.Delivery delivery, Map<Long, String> names) {
    String subject =
        alert
            .budgetId()
            .map(id -> names.getOrDefault(id, "Budget " + id))
            .orElse("Job " + alert.jobId().orElse(0L));
    String path =
        alert
            .budgetId()
            .map(id -> "/dashboard/training-budget?budget=" + id)
            .orElse("/dashboard/jobs/" + alert.jobId().orElse(0L));
    String what =
        alert.kind().hasThreshold()
            ? alert.kind().apiName() + " " + alert.threshold() + "%"
            : alert.kind().apiName();
    return new Row(
        alert.id(),
        alert.firedAt(),
        subject,
        path,
        what,
        delivery.channel().apiName(),
        delivery.state(),
        delivery.attempts(),
        delivery.lastError().orElse(""));
  }

  public List<Row> getRows() {
    return rows;
  }

  public long count(String state) {
    return rows.stream().filter(r -> r.stateName().equals(state)).count();
  }

  public int getDays() {
    return DAYS;
  }
}
