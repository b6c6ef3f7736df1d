package com.costguard.application;

import com.costguard.alerting.AlertBanner;
import com.costguard.alerting.AlertKind;
import com.costguard.alerting.AlertPeriod;
import com.costguard.config.Configuration;
import com.costguard.cost.budget.BudgetCalendar;
import com.costguard.model.alert.AlertRepository;
import com.costguard.model.alert.FiredAlert;
import com.costguard.model.budget.Budget;
import com.costguard.model.budget.BudgetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fired alerts as people see them: with the state of their deliveries (SPEC §5 {@code GET
 * /alerts}), and as the portal's in-app banners. Anyone signed in reads them.
 */
@ApplicationScoped
public class AlertService {

  /** At most this many alerts per answer; {@code since} pages through more. */
  public static final int MAX = 1000;

  @Inject AlertRepository alerts;
  @Inject BudgetRepository budgets;
  @Inject Configuration configuration;
  @Inject Clock clock;

  /**
   * The in-app banners now, one per enabled budget with a threshold alert standing in its current
   * period, oldest budget first: the highest such threshold sets the banner's tier. The periods
   * come from the calendar alone (no spend is summed), so every page may ask.
   */
  public List<AlertBanner> banners() {
    BudgetCalendar calendar = new BudgetCalendar(configuration.timezone());
    Instant now = clock.instant();
    List<AlertBanner> banners = new ArrayList<>();
    for (Budget budget : budgets.list(Optional.empty(), true)) {
      Instant start =
          calendar
              .periodContaining(budget.period(), now, budget.createdAt(), budget.lastResetAt())
              .start();
      Instant period =
          AlertPeriod.keyOf(budget.period(), start, budget.createdAt(), budget.lastResetAt());
      alerts.standing(budget.id(), period, AlertKind.THRESHOLD).stream()
          .max(Integer::compare)
          .ifPresent(top -> banners.add(AlertBanner.of(budget.id(), budget.name(), top)));
    }
    return banners;
  }

  /** Oldest first, from {@code since} on, of one budget when given. */
  public List<FiredAlert> list(Optional<Long> budgetId, Optional<Instant> since) {
    return alerts.list(budgetId, since, MAX);
  }
}
