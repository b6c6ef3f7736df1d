package com.costguard.application;

import com.costguard.alerting.AlertKind;
import com.costguard.alerting.AlertPeriod;
import com.costguard.alerting.Channel;
import com.costguard.alerting.NotificationSettings;
import com.costguard.alerting.QuietHours;
import com.costguard.alerting.SlackRoute;
import com.costguard.alerting.ThresholdCheck;
import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.config.Configuration;
import com.costguard.cost.Money;
import com.costguard.cost.budget.BudgetCalendar;
import com.costguard.cost.budget.BudgetStatus;
import com.costguard.cost.budget.SpendAnomaly;
import com.costguard.cost.budget.SpendAttribution;
import com.costguard.model.alert.AlertRepository;
import com.costguard.model.alert.NewAlert;
import com.costguard.model.alert.NewDelivery;
import com.costguard.model.budget.Budget;
import com.costguard.model.budget.BudgetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Budgets that act on spend (SPEC §2, issue 4): threshold alerts fired exactly once per budget
 * period, re-armed when no longer crossed, a forecast alert once per period, and new jobs refused
 * by blocking budgets.
 *
 * <p>How "exactly once" holds with many threads and instances:
 *
 * <ol>
 *   <li>Outside the transaction, the candidate budgets are found with one query per batch ({@link
 *       #inScope}).
 *   <li>The writing transaction locks them first ({@link #lock}), before any other read: a locking
 *       read does not fix the transaction's snapshot (InnoDB fixes it at the first plain read), so
 *       every later read in it sees all that earlier holders of these locks committed. Writers of
 *       spend in one budget's scope thus take turns from lock to commit, and each sees the spend of
 *       all before it plus its own: the writer whose spend crosses a threshold is the one that sees
 *       it crossed. Nobody misses a crossing because of a concurrent, uncommitted one.
 *   <li>After the spend is written, {@link #evaluate} asks {@link BudgetService} where each budget
 *       stands (the same computation every face shows) and fires what is crossed and not standing.
 *       The alert and its deliveries go into the same transaction as the spend: both commit or
 *       neither does.
 *   <li>The database has the last word: a unique key on (budget, period, kind, threshold) over the
 *       standing alerts makes a second firing store nothing, whoever attempts it (a retry, the
 *       periodic {@link #evaluateNow sweep}, another instance).
 * </ol>
 */
@ApplicationScoped
public class BudgetAlerts {

  @Inject BudgetRepository budgets;
  @Inject BudgetService budgetService;
  @Inject AlertRepository alerts;
  @Inject Configuration configuration;
  @Inject Clock clock;

  /**
   * The enabled budgets whose scope matches any of {@code spend}: the candidates to {@link #lock}
   * and {@link #evaluate}. One budget query, whatever the number of events; call it before the
   * writing transaction.
   */
  public List<Long> inScope(Collection<SpendAttribution> spend) {
    Set<SpendAttribution> distinct = Set.copyOf(spend);
    return budgets.enabledScopes().entrySet().stream()
        .filter(b -> distinct.stream().anyMatch(b.getValue()::matches))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The enabled budgets that block new jobs and whose scope matches a job's attribution. */
  public List<Long> blockingInScope(SpendAttribution job) {
    return budgets.list(Optional.empty(), true).stream()
        .filter(Budget::blockNewJobs)
        .filter(b -> b.scope().matches(job))
        .map(Budget::id)
        .toList();
  }

  /**
   * Locks the budgets in id order, in the caller's transaction; must come before the transaction's
   * first plain read (see the class comment).
   */
  public List<Budget> lock(Collection<Long> budgetIds) {
    return budgets.byIdsForUpdate(budgetIds);
  }

  /**
   * Evaluates the thresholds of each budget (locked by the caller) that is enabled, in the caller's
   * transaction: fires what is crossed and not standing, re-arms what stands and is no longer
   * crossed.
   *
   * @return how many alerts fired
   */
  public int evaluate(Collection<Budget> locked) {
    int fired = 0;
    for (Budget budget : locked) {
      fired += evaluate(budget);
    }
    return fired;
  }

  /**
   * Evaluates one budget (locked, or new, in the caller's transaction); a disabled budget neither
   * fires nor re-arms. Besides its thresholds, a day, week or month fires one forecast alert per
   * period once the low end of its period-end forecast passes the limit (SPEC §2); it does not
   * re-arm.
   *
   * @return how many alerts fired
   */
  public int evaluate(Budget budget) {
    if (!budget.enabled()) {
      return 0;
    }
    BudgetView view = budgetService.view(budget);
    BudgetStatus status = view.status();
    Instant period = periodKey(budget, status);
    Set<Integer> standing = alerts.standing(budget.id(), period, AlertKind.THRESHOLD);
    ThresholdCheck check =
        ThresholdCheck.of(budget.thresholds(), standing, status.available(), status.spent());
    Instant now = clock.instant();
    if (!check.rearm().isEmpty()) {
      alerts.rearm(budget.id(), period, check.rearm(), now);
    }
    int fired = 0;
    for (int threshold : check.fire()) {
      if (fire(budget, AlertKind.THRESHOLD, threshold, period, status, now)) {
        fired++;
      }
    }
    boolean forecastPasses =
        view.forecast().filter(f -> f.lowEndExceeds(status.available())).isPresent();
    if (forecastPasses
        && alerts.standing(budget.id(), period, AlertKind.FORECAST).isEmpty()
        && fire(budget, AlertKind.FORECAST, 0, period, status, now)) {
      fired++;
    }
    return fired;
  }

  /**
   * The periodic sweep's unit: evaluates one budget in a transaction of its own. Catches what no
   * write triggers: a rolling window whose spend falls back as time passes (it re-arms), a budget
   * created or enabled with spend already past a threshold.
   */
  @Transactional
  public int evaluateNow(long budgetId) {
    return evaluate(lock(List.of(budgetId)));
  }

  /**
   * The sweep's anomaly check of one budget (SPEC §2): fires one {@code anomaly} alert when today's
   * spend in its scope stands more than three standard deviations above the mean of the 14 days
   * before ({@link SpendAnomaly}), once per budget and day — the day's start is the alert's period,
   * and the alerts' unique key keeps a second firing (another run, another instance) from storing
   * anything. History counts from the day the budget was created: spend before it was nobody's
   * concern, so a new budget judges nothing until it has watched {@link
   * SpendAnomaly#MINIMUM_HISTORY_DAYS} days. It runs outside the budget's lock (it reads 15 days of
   * spend and must not hold up ingestion), which the unique key makes safe.
   *
   * @return whether an anomaly alert fired
   */
  @Transactional
  public boolean evaluateAnomalyNow(long budgetId) {
    Optional<Budget> found = budgets.byId(budgetId);
    if (found.isEmpty() || !found.get().enabled()) {
      return false;
    }
    Budget budget = found.get();
    BudgetCalendar calendar = new BudgetCalendar(configuration.timezone());
    Instant now = clock.instant();
    LocalDate today = calendar.dayOf(now);
    Instant day = calendar.startOf(today);
    LocalDate watchedFrom = calendar.dayOf(budget.createdAt());
    LocalDate first = today.minusDays(SpendAnomaly.TRAILING_DAYS);
    if (first.isBefore(watchedFrom)) {
      first = watchedFrom;
    }
    if (first.plusDays(SpendAnomaly.MINIMUM_HISTORY_DAYS).isAfter(today)
        || !alerts.standing(budgetId, day, AlertKind.ANOMALY).isEmpty()) {
      return false;
    }
    Optional<SpendAnomaly> anomaly =
        SpendAnomaly.detect(today, budgetService.daily(budget, first, today));
    return anomaly.isPresent()
        && alerts.fire(
            new NewAlert(
                AlertKind.ANOMALY,
                budgetId,
                0,
                day,
                now,
                anomaly.get().spend(),
                Money.stored(anomaly.get().mean())),
            deliveries(budget, AlertKind.ANOMALY, 0, now));
  }

  /**
   * The ids of the enabled budgets, for the sweep. Transactional although it only reads: the sweep
   * runs on a managed executor's thread, where an entity manager used outside a transaction is
   * closed twice when the task ends and leaves the thread pool's invocation stack broken.
   */
  @Transactional
  public List<Long> enabledBudgets() {
    return budgets.list(Optional.empty(), true).stream().map(Budget::id).toList();
  }

  /** A blocking budget's refusal of a new job: the budget and the answer the caller gets. */
  public record Refusal(Budget budget, RequestRefusedException exception) {}

  /**
   * Refuses a new job that a blocking budget among {@code locked} cannot take (SPEC §2): one at or
   * over its limit, or whose spent + reserved + the job's estimate maximum would pass it. The
   * refusal raises a {@code blocked} alert once per budget period, in the caller's transaction,
   * which must commit despite the exception.
   *
   * @throws RequestRefusedException BUDGET_EXCEEDED naming the first budget (by id) that refuses
   */
  public void admitJob(Collection<Budget> locked, SpendAttribution job, BigDecimal estimateMax) {
    Optional<Refusal> refusal = refusal(locked, job, estimateMax);
    if (refusal.isPresent()) {
      throw refusal.get().exception();
    }
  }

  /**
   * As {@link #admitJob}, but answers the refusal (the first budget by id that refuses) instead of
   * throwing it, so that the caller can audit it before refusing; the {@code blocked} alert is
   * raised all the same.
   */
  public Optional<Refusal> refusal(
      Collection<Budget> locked, SpendAttribution job, BigDecimal estimateMax) {
    for (Budget budget : locked) {
      if (!budget.enabled() || !budget.blockNewJobs() || !budget.scope().matches(job)) {
        continue;
      }
      BudgetStatus status = budgetService.view(budget).status();
      if (status.admitsNewJob(estimateMax)) {
        continue;
      }
      fire(budget, AlertKind.BLOCKED, 0, periodKey(budget, status), status, clock.instant());
      return Optional.of(
          new Refusal(
              budget,
              new RequestRefusedException(
                  Reason.BUDGET_EXCEEDED, null, refusal(budget, status, estimateMax))));
    }
    return Optional.empty();
  }

  private static String refusal(Budget budget, BudgetStatus status, BigDecimal estimateMax) {
    String name = "budget '%s' (id %d)".formatted(budget.name(), budget.id());
    if (status.isExceeded()) {
      return "%s is at %s%% of its limit (%s of %s spent) and blocks new jobs in its scope"
          .formatted(
              name,
              status.usagePercentage().toPlainString(),
              plain(status.spent()),
              plain(status.available()));
    }
    return ("%s blocks new jobs it cannot cover: %s spent + %s reserved + this job's estimate of"
            + " up to %s would pass its limit of %s")
        .formatted(
            name,
            plain(status.spent()),
            plain(status.reserved()),
            plain(estimateMax),
            plain(status.available()));
  }

  private static String plain(BigDecimal amount) {
    return Money.cents(amount).toPlainString();
  }

  private boolean fire(
      Budget budget,
      AlertKind kind,
      int threshold,
      Instant period,
      BudgetStatus status,
      Instant now) {
    return alerts.fire(
        new NewAlert(kind, budget.id(), threshold, period, now, status.spent(), status.available()),
        deliveries(budget, kind, threshold, now));
  }

  /**
   * The deliveries of a budget's alert, by its notification settings ({@link
   * NotificationSettings}): e-mail when SMTP is configured, the alert's channels include it and it
   * has recipients — after the budget's quiet hours if it fires in them (unless it is a ≥ 100% or a
   * blocked alert); in-app when its channels include it; Slack when Slack is configured, the
   * channels include it and there is a channel to post to (the budget's or {@code
   * SLACK_ALERT_CHANNEL}).
   */
  List<NewDelivery> deliveries(Budget budget, AlertKind kind, int threshold, Instant now) {
    return deliveries(budget.notificationSettings(), kind, threshold, now, configuration);
  }

  static List<NewDelivery> deliveries(
      NotificationSettings settings,
      AlertKind kind,
      int threshold,
      Instant now,
      Configuration configuration) {
    Set<Channel> channels = settings.channels(kind, threshold);
    List<String> recipients = settings.recipients(kind, threshold);
    List<NewDelivery> deliveries = new ArrayList<>();
    if (configuration.smtp().isPresent()
        && channels.contains(Channel.EMAIL)
        && !recipients.isEmpty()) {
      Optional<Instant> notBefore =
          settings
              .quietHours()
              .filter(q -> QuietHours.delays(kind, threshold))
              .flatMap(q -> q.endIfQuiet(now, configuration.timezone()));
      deliveries.add(new NewDelivery(Channel.EMAIL, recipients, notBefore));
    }
    if (channels.contains(Channel.IN_APP)) {
      deliveries.add(NewDelivery.of(Channel.IN_APP));
    }
    if (channels.contains(Channel.SLACK)
        && SlackRoute.channelOf(settings.slackChannel(), configuration).isPresent()) {
      deliveries.add(NewDelivery.of(Channel.SLACK));
    }
    return deliveries;
  }

  private static Instant periodKey(Budget budget, BudgetStatus status) {
    return AlertPeriod.keyOf(
        budget.period(), status.periodStart(), budget.createdAt(), budget.lastResetAt());
  }
}
