package com.costguard.application;

import com.costguard.alerting.AlertKind;
import com.costguard.alerting.AlertNotice;
import com.costguard.alerting.DeliveryState;
import com.costguard.config.Configuration;
import com.costguard.model.alert.AlertRepository;
import com.costguard.model.alert.ClaimedDelivery;
import com.costguard.model.alert.FiredAlert;
import com.costguard.model.alert.NewAlert;
import com.costguard.model.alert.NewDelivery;
import com.costguard.model.alert.NewJobAlert;
import com.costguard.model.budget.BudgetRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The alert repository held in memory, with the database's rules: at most one standing alert per
 * budget, period, kind and threshold; claims skip what others hold until their lease runs out.
 */
class InMemoryAlertRepository implements AlertRepository {

  static final class StoredAlert {
    final long id;
    final NewAlert alert;
    Instant rearmedAt;

    StoredAlert(long id, NewAlert alert) {
      this.id = id;
      this.alert = alert;
    }

    boolean standing() {
      return rearmedAt == null;
    }
  }

  static final class StoredDelivery {
    final long id;
    final StoredAlert alert;
    final NewDelivery delivery;
    DeliveryState state = DeliveryState.PENDING;
    int attempts;
    Instant nextAttemptAt;
    String claimToken;
    String lastError;
    Instant deliveredAt;

    StoredDelivery(long id, StoredAlert alert, NewDelivery delivery, Instant due) {
      this.id = id;
      this.alert = alert;
      this.delivery = delivery;
      this.nextAttemptAt = due;
    }
  }

  /** A fired job alert with the deliveries it was stored with (not claimed in memory). */
  record StoredJobAlert(NewJobAlert alert, List<NewDelivery> deliveries) {}

  final List<StoredAlert> alerts = new ArrayList<>();
  final List<StoredJobAlert> jobAlerts = new ArrayList<>();
  final List<StoredDelivery> deliveries = new ArrayList<>();
  private final BudgetRepository budgets;
  private final Configuration configuration;

  InMemoryAlertRepository(BudgetRepository budgets, Configuration configuration) {
    this.budgets = budgets;
    this.configuration = configuration;
  }

  @Override
  public synchronized boolean fire(NewAlert alert, List<NewDelivery> newDeliveries) {
    boolean stands =
        alerts.stream()
            .anyMatch(
                a ->
                    a.standing()
                        && a.alert.budgetId() == alert.budgetId()
                        && a.alert.periodStart().equals(alert.periodStart())
                        && a.alert.kind() == alert.kind()
                        && a.alert.threshold() == alert.threshold());
    if (stands) {
      return false;
    }
    StoredAlert stored = new StoredAlert(alerts.size() + 1, alert);
    alerts.add(stored);
    for (NewDelivery d : newDeliveries) {
      deliveries.add(new StoredDelivery(deliveries.size() + 1, stored, d, alert.firedAt()));
    }
    return true;
  }

  @Override
  public synchronized boolean fire(NewJobAlert alert, List<NewDelivery> newDeliveries) {
    if (standingForJob(alert.jobId(), alert.kind()).contains(alert.threshold())) {
      return false;
    }
    jobAlerts.add(new StoredJobAlert(alert, List.copyOf(newDeliveries)));
    return true;
  }

  @Override
  public synchronized Set<Integer> standingForJob(long jobId, AlertKind kind) {
    return jobAlerts.stream()
        .filter(a -> a.alert().jobId() == jobId && a.alert().kind() == kind)
        .map(a -> a.alert().threshold())
        .collect(Collectors.toSet());
  }

  @Override
  public synchronized Set<Integer> standing(long budgetId, Instant periodStart, AlertKind kind) {
    return alerts.stream()
        .filter(
            a ->
                a.standing()
                    && a.alert.budgetId() == budgetId
                    && a.alert.periodStart().equals(periodStart)
                    && a.alert.kind() == kind)
        .map(a -> a.alert.threshold())
        .collect(Collectors.toSet());
  }

  @Override
  public synchronized void rearm(
      long budgetId, Instant periodStart, Collection<Integer> thresholds, Instant at) {
    alerts.stream()
        .filter(
            a ->
                a.standing()
                    && a.alert.budgetId() == budgetId
                    && a.alert.periodStart().equals(periodStart)
                    && a.alert.kind() == AlertKind.THRESHOLD
                    && thresholds.contains(a.alert.threshold()))
        .forEach(a -> a.rearmedAt = at);
  }

  @Override
  public synchronized List<FiredAlert> list(
      Optional<Long> budgetId, Optional<Instant> since, int max) {
    return alerts.stream()
        .filter(a -> budgetId.isEmpty() || budgetId.get() == a.alert.budgetId())
        .filter(a -> since.isEmpty() || !a.alert.firedAt().isBefore(since.get()))
        .sorted(Comparator.comparing((StoredAlert a) -> a.alert.firedAt()))
        .limit(max)
        .map(
            a ->
                new FiredAlert(
                    a.id,
                    a.alert.kind(),
                    Optional.of(a.alert.budgetId()),
                    Optional.empty(),
                    a.alert.threshold(),
                    a.alert.periodStart(),
                    a.alert.firedAt(),
                    Optional.of(a.alert.spent()),
                    Optional.of(a.alert.limit()),
                    Optional.ofNullable(a.rearmedAt),
                    deliveries.stream()
                        .filter(d -> d.alert == a)
                        .map(
                            d ->
                                new FiredAlert.Delivery(
                                    d.delivery.channel(),
                                    d.state,
                                    d.attempts,
                                    Optional.ofNullable(d.deliveredAt),
                                    Optional.ofNullable(d.lastError)))
                        .toList()))
        .toList();
  }

  @Override
  public synchronized boolean renew(long deliveryId, String claimToken, Instant leaseUntil) {
    for (StoredDelivery d : deliveries) {
      if (d.id == deliveryId
          && claimToken.equals(d.claimToken)
          && d.state == DeliveryState.PENDING) {
        d.nextAttemptAt = leaseUntil;
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized List<ClaimedDelivery> claim(
      Instant now, Instant leaseUntil, String claimToken, int max) {
    List<ClaimedDelivery> claimed = new ArrayList<>();
    for (StoredDelivery d :
        deliveries.stream()
            .filter(d -> d.state == DeliveryState.PENDING && !d.nextAttemptAt.isAfter(now))
            .sorted(Comparator.comparing((StoredDelivery d) -> d.nextAttemptAt))
            .limit(max)
            .toList()) {
      d.claimToken = claimToken;
      d.nextAttemptAt = leaseUntil;
      var budget = budgets.byId(d.alert.alert.budgetId()).orElseThrow();
      NewAlert a = d.alert.alert;
      claimed.add(
          new ClaimedDelivery(
              d.id,
              d.delivery.channel(),
              d.attempts,
              claimToken,
              new AlertNotice(
                  d.alert.id,
                  a.kind(),
                  a.threshold(),
                  a.budgetId(),
                  budget.name(),
                  budget.period(),
                  a.periodStart(),
                  a.firedAt(),
                  a.spent(),
                  a.limit(),
                  configuration.currency(),
                  d.delivery.recipients())));
    }
    return claimed;
  }

  private Optional<StoredDelivery> held(long id, String token) {
    return deliveries.stream()
        .filter(
            d ->
                d.id == id
                    && Objects.equals(d.claimToken, token)
                    && d.state == DeliveryState.PENDING)
        .findFirst();
  }

  @Override
  public synchronized boolean delivered(long deliveryId, String claimToken, Instant at) {
    return held(deliveryId, claimToken)
        .map(
            d -> {
              d.state = DeliveryState.DELIVERED;
              d.attempts++;
              d.deliveredAt = at;
              d.claimToken = null;
              return true;
            })
        .orElse(false);
  }

  @Override
  public synchronized boolean attemptFailed(
      long deliveryId,
      String claimToken,
      Instant at,
      String error,
      Optional<Instant> nextAttemptAt) {
    return held(deliveryId, claimToken)
        .map(
            d -> {
              d.state = nextAttemptAt.isPresent() ? DeliveryState.PENDING : DeliveryState.FAILED;
              d.attempts++;
              d.lastError = error;
              d.nextAttemptAt = nextAttemptAt.orElse(at);
              d.claimToken = null;
              return true;
            })
        .orElse(false);
  }

  /** Standing thresholds of every kind, per budget: a compact view for assertions. */
  synchronized Map<Long, List<Integer>> standingByBudget(AlertKind kind) {
    return alerts.stream()
        .filter(a -> a.standing() && a.alert.kind() == kind)
        .collect(
            Collectors.groupingBy(
                a -> a.alert.budgetId(),
                Collectors.mapping(a -> a.alert.threshold(), Collectors.toList())));
  }
}
