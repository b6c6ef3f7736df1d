package com.costguard.application;

import com.costguard.alerting.AlertBanner;
import com.costguard.alerting.AlertKind;
import com.costguard.alerting.AlertPeriod;
import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.config.Configuration;
import com.costguard.cost.budget.BudgetCalendar;
import com.costguard.model.alert.AlertRepository;
import com.costguard.model.alert.BannerDismissalRepository;
import com.costguard.model.alert.FiredAlert;
import com.costguard.model.budget.Budget;
import com.costguard.model.budget.BudgetRepository;
import com.costguard.model.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fired alerts as people see them: with the state of their deliveries (SPEC §5 {@code GET
 * /alerts}), and as the portal's in-app banners. Anyone signed in reads them, and may dismiss an
 * 80% banner for themselves.
 */
@ApplicationScoped
public class AlertService {

  /** At most this many alerts per answer; {@code since} pages through more. */
  public static final int MAX = 1000;

  @Inject AlertRepository alerts;
  @Inject BannerDismissalRepository dismissals;
  @Inject BudgetRepository budgets;
  @Inject Configuration configuration;
  @Inject Clock clock;

  /**
   * The in-app banners now, one per enabled budget with a threshold alert standing in its current
   * period, oldest budget first: the highest such threshold sets the banner's tier. The periods
   * come from the calendar alone (no spend is summed), so every page may ask.
   */
  public List<AlertBanner> banners() {
    return standing().stream().map(Standing::banner).toList();
  }

  /**
   * The banners {@code user} sees: {@link #banners()} without those they dismissed. A dismissal
   * holds for the banner's threshold in its period: a higher threshold (which is never dismissable
   * past 80%) or a new period shows the banner again.
   */
  public List<AlertBanner> bannersFor(User user) {
    return standing().stream()
        .filter(
            s ->
                !s.banner().dismissable()
                    || !dismissals.dismissed(
                        user.username(),
                        s.banner().budgetId(),
                        s.periodKey(),
                        s.banner().threshold()))
        .map(Standing::banner)
        .toList();
  }

  /**
   * Hides budget {@code budgetId}'s banner from {@code user} until its threshold or period changes.
   *
   * @throws RequestRefusedException CONFLICT when the budget has no banner now, or one that may not
   *     be dismissed (95% and above stay until the spend or the limit changes)
   */
  @Transactional
  public void dismiss(User user, long budgetId) {
    Standing standing =
        standing().stream()
            .filter(s -> s.banner().budgetId() == budgetId)
            .findFirst()
            .orElseThrow(
                () ->
                    new RequestRefusedException(
                        Reason.CONFLICT, null, "budget %d has no banner now".formatted(budgetId)));
    if (!standing.banner().dismissable()) {
      throw new RequestRefusedException(
          Reason.CONFLICT,
          null,
          "a %d%% banner stays until the budget is back under 95%%"
              .formatted(standing.banner().threshold()));
    }
    dismissals.dismiss(
        user.username(),
        budgetId,
        standing.periodKey(),
        standing.banner().threshold(),
        clock.instant());
  }

  /** A banner and the alert period it stands in. */
  private record Standing(AlertBanner banner, Instant periodKey) {}

  private List<Standing> standing() {
    BudgetCalendar calendar = new BudgetCalendar(configuration.timezone());
    Instant now = clock.instant();
    List<Standing> banners = new ArrayList<>();
    for (Budget budget : budgets.list(Optional.empty(), true)) {
      Instant start =
          calendar
              .periodContaining(budget.period(), now, budget.createdAt(), budget.lastResetAt())
              .start();
      Instant period =
          AlertPeriod.keyOf(budget.period(), start, budget.createdAt(), budget.lastResetAt());
      alerts.standing(budget.id(), period, AlertKind.THRESHOLD).stream()
          .max(Integer::compare)
          .ifPresent(
              top ->
                  banners.add(
                      new Standing(AlertBanner.of(budget.id(), budget.name(), top), period)));
    }
    return banners;
  }

  /** Oldest first, from {@code since} on, of one budget when given. */
  public List<FiredAlert> list(Optional<Long> budgetId, Optional<Instant> since) {
    return alerts.list(budgetId, since, MAX);
  }

  /**
   * Every budget's name by id, enabled or not, to name the budgets of listed alerts; read from the
   * rows alone (no spend is summed).
   */
  public Map<Long, String> budgetNames() {
    Map<Long, String> names = new HashMap<>();
    budgets.list(Optional.empty(), false).forEach(b -> names.put(b.id(), b.name()));
    return names;
  }
}
