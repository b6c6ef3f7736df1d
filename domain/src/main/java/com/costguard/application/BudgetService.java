package com.costguard.application;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.alerting.AlertNotice;
import com.costguard.alerting.NotificationSettings;
import com.costguard.alerting.QuietHours;
import com.costguard.alerting.ThresholdNotification;
import com.costguard.config.Configuration;
import com.costguard.cost.budget.BudgetCalendar;
import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.budget.BudgetStatus;
import com.costguard.cost.budget.DailySpend;
import com.costguard.cost.budget.Forecast;
import com.costguard.cost.budget.JobAccrual;
import com.costguard.cost.budget.PeriodSpend;
import com.costguard.cost.budget.PeriodType;
import com.costguard.cost.budget.RemainingJobCost;
import com.costguard.cost.budget.Reservation;
import com.costguard.cost.budget.Rollover;
import com.costguard.cost.budget.Thresholds;
import com.costguard.model.audit.AuditedChange;
import com.costguard.model.budget.Budget;
import com.costguard.model.budget.BudgetDefinition;
import com.costguard.model.budget.BudgetRepository;
import com.costguard.model.costevent.CostEventRepository;
import com.costguard.model.job.Job;
import com.costguard.model.job.JobDayTotal;
import com.costguard.model.job.JobHistory;
import com.costguard.model.job.JobRepository;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import com.costguard.model.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Budgets (SPEC §2, seed 004): anyone signed in reads them with where they stand now; an ADMIN or a
 * BUDGET_MANAGER creates, changes, resets and deletes them, and each change is recorded in the
 * {@link AuditLog} in its transaction.
 *
 * <p>The computed figures come from the cost engine ({@code cost.budget}) in the installation's
 * time zone: the current period ({@link BudgetCalendar}), its spend in scope, what rolled over
 * ({@link Rollover}), the status ({@link BudgetStatus}) and the period-end forecast ({@link
 * Forecast}).
 */
@ApplicationScoped
public class BudgetService {

  private static final String PERIODS =
      Arrays.stream(PeriodType.values()).map(PeriodType::apiName).collect(Collectors.joining(", "));

  @Inject BudgetRepository budgets;
  @Inject CostEventRepository costEvents;
  @Inject JobRepository jobs;
  @Inject UserRepository users;
  @Inject AuditLog audit;
  @Inject Configuration configuration;
  @Inject BudgetAlerts alerts;
  @Inject Clock clock;

  /** At most this many e-mail recipients per budget (they are stored in one column). */
  static final int MAX_NOTIFY_EMAILS = 20;

  /** A Slack channel id (C0123ABCD) or name: what chat.postMessage takes as its channel. */
  private static final Pattern SLACK_CHANNEL = Pattern.compile("#?[A-Za-z0-9_-]{1,80}");

  private static final Pattern EMAIL = Pattern.compile("[^\\s@,;<>\"]+@[^\\s@,;<>\"]+");

  /** Oldest first, each with where it stands now. */
  public List<BudgetView> list(Optional<PeriodType> period, boolean enabledOnly) {
    return budgets.list(period, enabledOnly).stream().map(this::view).toList();
  }

  /** Every budget as defined, without computing its spend: what a list of names needs. */
  public List<Budget> definitions() {
    return budgets.list(Optional.empty(), false);
  }

  /**
   * @throws RequestRefusedException NOT_FOUND for an unknown id
   */
  public BudgetView get(long id) {
    return view(budgets.byId(id).orElseThrow(() -> notFound(id)));
  }

  /**
   * @param definition what the caller gives, over {@link BudgetDefinition#defaults()}
   * @throws RequestRefusedException when the actor may not manage budgets or the definition is
   *     invalid
   */
  @Transactional
  public BudgetView create(Actor actor, BudgetDefinition definition) {
    mayManageBudgets(actor.user());
    validate(definition);
    Budget budget = new Budget(definition, clock.instant());
    budgets.add(budget);
    audit.record(actor, BudgetAudit.created(budget));
    alerts.evaluate(budget);
    return view(budget);
  }

  /**
   * Changes a budget: {@code change} receives its current definition and returns the new one, which
   * replaces it whole once valid. A partial update (PUT with some fields) is a change that replaces
   * only those fields; the budget is locked meanwhile, so concurrent changes of different fields
   * all take effect. Its thresholds are evaluated against the new definition: a raised limit
   * re-arms those no longer crossed, a lowered one fires those now crossed.
   *
   * <p>The audit log records the fields that changed (a {@code budget.limit_changed} with the
   * change percent when the limit is one of them); a change that changes nothing is not recorded.
   */
  @Transactional
  public BudgetView update(Actor actor, long id, UnaryOperator<BudgetDefinition> change) {
    mayManageBudgets(actor.user());
    Budget budget = budgets.byIdForUpdate(id).orElseThrow(() -> notFound(id));
    BudgetDefinition before = budget.definition();
    BudgetDefinition changed = change.apply(before);
    validate(changed);
    budget.redefine(changed, clock.instant());
    BudgetAudit.updated(id, before, budget.definition()).ifPresent(c -> audit.record(actor, c));
    alerts.evaluate(budget);
    return view(budget);
  }

  /**
   * Sets a locked budget's limit as {@link #update} does (validated, audited as a {@code
   * budget.limit_changed}, thresholds re-evaluated), for an increase request: the audit entry
   * carries its justification and who approved it. The caller has authorised the change and runs
   * the transaction.
   */
  BudgetView changeLimit(
      Actor actor,
      Budget budget,
      BigDecimal newLimit,
      String justification,
      Optional<String> approver) {
    BudgetDefinition before = budget.definition();
    BudgetDefinition changed = before.withLimit(newLimit);
    validate(changed);
    budget.redefine(changed, clock.instant());
    BudgetAudit.updated(budget.id(), before, budget.definition())
        .ifPresent(
            c ->
                audit.record(
                    actor,
                    new AuditedChange(
                        c.action(),
                        c.subjectType(),
                        c.subjectId(),
                        c.oldValue(),
                        c.newValue(),
                        c.changePercent(),
                        Optional.of(justification),
                        approver)));
    alerts.evaluate(budget);
    return view(budget);
  }

  /**
   * The budget's notification settings (SPEC §3, §4), with a setting for each of its thresholds
   * (its own or the default). Anyone may read them; {@link #changeNotifications} is for managers.
   *
   * @throws RequestRefusedException NOT_FOUND for an unknown id
   */
  public NotificationSettings notifications(long id) {
    return complete(budgets.byId(id).orElseThrow(() -> notFound(id)));
  }

  /** The budget's settings listing every threshold it has, in ascending order. */
  private static NotificationSettings complete(Budget budget) {
    NotificationSettings own = budget.notificationSettings();
    return new NotificationSettings(
        own.recipients(),
        own.quietHours(),
        own.slackChannel(),
        budget.thresholds().percents().stream().map(own::forThreshold).toList());
  }

  /**
   * Replaces the budget's notification settings, audited with the old and new settings when they
   * changed. A threshold not listed in {@code settings} goes back to its default (every channel,
   * the budget's recipients).
   *
   * @throws RequestRefusedException FORBIDDEN unless ADMIN or BUDGET_MANAGER, NOT_FOUND for an
   *     unknown id, VALIDATION naming the field (recipients[i], slackChannel,
   *     thresholds[i].threshold for a threshold the budget does not have or one given twice,
   *     thresholds[i].recipients[j])
   */
  @Transactional
  public NotificationSettings changeNotifications(
      Actor actor, long id, NotificationSettings settings) {
    mayManageBudgets(actor.user());
    Budget budget = budgets.byIdForUpdate(id).orElseThrow(() -> notFound(id));
    validate(budget, settings);
    NotificationSettings before = complete(budget);
    budget.changeNotifications(settings, clock.instant());
    NotificationSettings after = complete(budget);
    BudgetAudit.notificationsChanged(id, before, after).ifPresent(c -> audit.record(actor, c));
    return after;
  }

  /**
   * Reads quiet hours as the API and the portal write them ({@code 22:00-07:00}); blank is none.
   *
   * @throws RequestRefusedException VALIDATION naming {@code quietHours}
   */
  public static Optional<QuietHours> quietHours(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(QuietHours.parse(text));
    } catch (IllegalArgumentException e) {
      throw invalid("quietHours", e.getMessage());
    }
  }

  private static void validate(Budget budget, NotificationSettings settings) {
    emails("recipients", settings.recipients());
    settings
        .slackChannel()
        .filter(c -> !SLACK_CHANNEL.matcher(c).matches())
        .ifPresent(
            c -> {
              throw invalid(
                  "slackChannel",
                  "a Slack channel id such as C0123ABCD (letters, digits, - and _, at most 80)");
            });
    List<Integer> thresholds = budget.thresholds().percents();
    List<Integer> seen = new ArrayList<>();
    for (int i = 0; i < settings.thresholds().size(); i++) {
      ThresholdNotification t = settings.thresholds().get(i);
      String field = "thresholds[" + i + "]";
      if (!thresholds.contains(t.threshold())) {
        throw invalid(
            field + ".threshold",
            "the budget has no threshold %d (its thresholds: %s)"
                .formatted(t.threshold(), thresholds));
      }
      if (seen.contains(t.threshold())) {
        throw invalid(field + ".threshold", "threshold %d is given twice".formatted(t.threshold()));
      }
      seen.add(t.threshold());
      emails(field + ".recipients", t.recipients());
    }
  }

  @Transactional
  public void delete(Actor actor, long id) {
    mayManageBudgets(actor.user());
    Budget budget = budgets.byIdForUpdate(id).orElseThrow(() -> notFound(id));
    budgets.remove(budget);
    audit.record(actor, BudgetAudit.deleted(budget));
  }

  /**
   * Starts a new period now: spend before it no longer counts. For a session or total budget the
   * period runs from now until the next reset; a daily, weekly or monthly period is split, and its
   * part from now on runs to the period's usual end; a rolling window starts again from now.
   */
  @Transactional
  public BudgetView reset(Actor actor, long id) {
    mayManageBudgets(actor.user());
    Budget budget = budgets.byIdForUpdate(id).orElseThrow(() -> notFound(id));
    Optional<Instant> before = budget.lastResetAt();
    budget.reset(clock.instant());
    audit.record(actor, BudgetAudit.reset(budget, before));
    alerts.evaluate(budget);
    return view(budget);
  }

  /**
   * The period type named {@code apiName}.
   *
   * @throws RequestRefusedException VALIDATION naming {@code period} for any other name
   */
  public static PeriodType period(String apiName) {
    return PeriodType.fromApiName(apiName)
        .orElseThrow(() -> invalid("period", "period must be one of " + PERIODS));
  }

  /**
   * Where a budget stands now; {@link BudgetAlerts} evaluates thresholds on exactly this. In a
   * period of whole days the finished jobs' accruals come from the daily rollups, and only the
   * unfinished jobs are costed from their events.
   */
  BudgetView view(Budget budget) {
    Instant now = clock.instant();
    BudgetCalendar calendar = new BudgetCalendar(configuration.timezone());
    BudgetPeriod period =
        calendar.periodContaining(budget.period(), now, budget.createdAt(), budget.lastResetAt());
    return view(budget, calendar, period, now, inScope(budget.scope(), period, now));
  }

  /**
   * A budget's view with what it was computed from: the period, the instant, and the jobs in scope
   * that ran in the period with their events, except those settled in it (their final costs are
   * summed by the database: {@link JobRepository#settledTotal}). {@link BudgetInsights#details}
   * lists those jobs beside the view instead of reading them a second time (issue 8: an alert's
   * Slack message waits for these reads).
   */
  record Reading(BudgetView view, BudgetPeriod period, Instant now, List<JobHistory> jobs) {}

  Reading reading(Budget budget) {
    Instant now = clock.instant();
    BudgetCalendar calendar = new BudgetCalendar(configuration.timezone());
    BudgetPeriod period =
        calendar.periodContaining(budget.period(), now, budget.createdAt(), budget.lastResetAt());
    List<JobHistory> during = jobs.unsettledDuring(period, budget.scope());
    InScope current =
        inScope(
            budget.scope(), period, jobs.settledTotal(period, budget.scope()).total(), during, now);
    return new Reading(view(budget, calendar, period, now, current), period, now, during);
  }

  private BudgetView view(
      Budget budget, BudgetCalendar calendar, BudgetPeriod period, Instant now, InScope current) {
    BudgetStatus status =
        BudgetStatus.of(
            budget.limit(),
            rolledOver(budget, calendar, period),
            current.spend().total(),
            current.reserved(),
            period);
    return new BudgetView(
        budget,
        status,
        Forecast.atPeriodEnd(
            budget.period(), period, now, calendar, current.spend(), current.activeJobs()));
  }

  /**
   * The budget's queued and running jobs now (its scope, its current period), most expensive first,
   * each with its cost so far: what an alert lists under "active jobs". Empty for a budget that no
   * longer exists. In a transaction of its own (or the caller's): the outbox dispatcher asks from a
   * scheduler thread, where the persistence context needs one.
   */
  @Transactional
  public List<AlertNotice.ActiveJob> activeJobs(long budgetId) {
    Optional<Budget> budget = budgets.byId(budgetId);
    if (budget.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    BudgetPeriod period =
        new BudgetCalendar(configuration.timezone())
            .periodContaining(
                budget.get().period(), now, budget.get().createdAt(), budget.get().lastResetAt());
    List<AlertNotice.ActiveJob> active = new ArrayList<>();
    for (JobHistory history : jobs.unfinishedDuring(period, budget.get().scope())) {
      Job job = history.job();
      if (!job.status().isFinished()) {
        BigDecimal cost =
            JobAccrual.of(job.spec(), history.jobEvents(), now).current().currentCost();
        active.add(new AlertNotice.ActiveJob(job.id(), job.name(), job.createdBy(), cost));
      }
    }
    active.sort(
        Comparator.comparing(AlertNotice.ActiveJob::currentCost)
            .reversed()
            .thenComparing(AlertNotice.ActiveJob::jobId));
    return active;
  }

  /**
   * The budget's spend on each local day from {@code first} to {@code last}, inclusive, oldest
   * first (a day without spend with zero): the history an anomaly is judged against ({@link
   * BudgetAlerts#evaluateAnomalyNow}).
   */
  List<DailySpend> daily(Budget budget, LocalDate first, LocalDate last) {
    BudgetCalendar calendar = new BudgetCalendar(configuration.timezone());
    List<DailySpend> days = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      days.add(new DailySpend(day, inScope(budget.scope(), calendar.day(day)).spend().total()));
    }
    return days;
  }

  /**
   * What counts against a budget in a period, gathered in this one place: the spend (SPEC §2: the
   * job costs accrued in the period plus the cost events in it that the scope matches), what queued
   * and running jobs in scope hold ({@link Reservation#heldBy}), and what active ones are still
   * projected to add ({@link RemainingJobCost}).
   *
   * <p>The database sums the cost events and picks the jobs in scope that ran in the period or are
   * still queued; the engine costs each job from its events ({@link JobAccrual}), except a finished
   * job whose events all lie inside the period: that one costs its final cost in it, which the
   * database sums ({@link JobRepository#settledTotal}). In a period of whole days (daily, weekly,
   * monthly) the daily rollups of finished jobs answer for every finished job instead ({@link
   * JobRepository#finishedByDay}), and only the unfinished ones are costed. Reservations and
   * remaining costs are what jobs hold now, so only the period containing now has them (a closed
   * period, measured for a rollover, is spend alone). A paused job still holds its reservation: it
   * has not ended and may resume.
   */
  private InScope inScope(BudgetScope scope, BudgetPeriod period) {
    return inScope(scope, period, clock.instant());
  }

  /**
   * As {@link #inScope(BudgetScope, BudgetPeriod)}: in a period of whole days with the finished
   * jobs' accruals from the daily rollups (what they accrued, not floored: {@link
   * JobDayTotal#net}), else with the final costs of the jobs settled in it.
   */
  private InScope inScope(BudgetScope scope, BudgetPeriod period, Instant now) {
    Optional<BigDecimal> finished = finishedIn(scope, period);
    if (finished.isPresent()) {
      return inScope(scope, period, finished.get(), jobs.unfinishedDuring(period, scope), now);
    }
    return inScope(
        scope,
        period,
        jobs.settledTotal(period, scope).total(),
        jobs.unsettledDuring(period, scope),
        now);
  }

  /** What the finished jobs in scope accrued in a period of whole days, by the daily rollups. */
  private Optional<BigDecimal> finishedIn(BudgetScope scope, BudgetPeriod period) {
    BudgetCalendar calendar = new BudgetCalendar(configuration.timezone());
    if (!calendar.isWholeDays(period)) {
      return Optional.empty();
    }
    LocalDate end = calendar.dayOf(period.end().orElseThrow());
    return jobs.finishedByDay(calendar, calendar.dayOf(period.start()), end.minusDays(1), scope)
        .map(
            days ->
                days.values().stream()
                    .map(JobDayTotal::net)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  /**
   * As {@link #inScope(BudgetScope, BudgetPeriod)}, from what the jobs not read here accrued
   * ({@code accrued}) and the jobs read with their events ({@code during}), each costed here.
   */
  private InScope inScope(
      BudgetScope scope,
      BudgetPeriod period,
      BigDecimal accrued,
      List<JobHistory> during,
      Instant now) {
    boolean holdsNow = period.contains(now);
    List<BigDecimal> reservations = new ArrayList<>();
    List<RemainingJobCost> activeJobs = new ArrayList<>();
    for (JobHistory history : during) {
      Job job = history.job();
      JobAccrual accrual = JobAccrual.of(job.spec(), history.jobEvents(), now);
      accrued = accrued.add(accrual.in(period));
      if (holdsNow) {
        if (!job.status().isFinished()) {
          reservations.add(Reservation.heldBy(job.estimateMax(), accrual.current().currentCost()));
        }
        RemainingJobCost.of(accrual.current()).ifPresent(activeJobs::add);
      }
    }
    return new InScope(
        new PeriodSpend(costEvents.total(period, scope), accrued), reservations, activeJobs);
  }

  private record InScope(
      PeriodSpend spend, List<BigDecimal> reservations, List<RemainingJobCost> activeJobs) {

    BigDecimal reserved() {
      return reservations.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /**
   * What rolls into {@code period} when the budget rolls unused limit over: the unused limit of the
   * period before, capped at one limit ({@link Rollover}), measured against today's limit (limits
   * have no history yet). Only daily, weekly and monthly periods follow one another: a rolling
   * window has no period before it, and a session or total period is ended by a reset, which starts
   * afresh: nothing rolls into a period a reset began, nor from a period that was over before the
   * budget was created.
   */
  private BigDecimal rolledOver(Budget budget, BudgetCalendar calendar, BudgetPeriod period) {
    PeriodType type = budget.period();
    boolean begunByReset = budget.lastResetAt().filter(period.start()::equals).isPresent();
    if (!budget.rollover() || !type.isCalendarAligned() || begunByReset) {
      return BigDecimal.ZERO;
    }
    BudgetPeriod previous =
        calendar.periodContaining(
            type, period.start().minusNanos(1), budget.createdAt(), budget.lastResetAt());
    if (!previous.end().orElseThrow().isAfter(budget.createdAt())) {
      return BigDecimal.ZERO;
    }
    BigDecimal spent = inScope(budget.scope(), previous).spend().total();
    return Rollover.carriedInto(
        budget.limit(), List.of(new Rollover.ClosedPeriod(budget.limit(), spent)));
  }

  /**
   * Whether {@code user} may create, change, reset and delete budgets: an ADMIN or a
   * BUDGET_MANAGER.
   */
  public static boolean canManage(User user) {
    return user.hasRole(Role.ADMIN) || user.hasRole(Role.BUDGET_MANAGER);
  }

  private static void mayManageBudgets(User actor) {
    if (!canManage(actor)) {
      throw new RequestRefusedException(
          RequestRefusedException.Reason.FORBIDDEN,
          null,
          "only an ADMIN or a BUDGET_MANAGER may change budgets");
    }
  }

  static RequestRefusedException notFound(long id) {
    return new RequestRefusedException(
        RequestRefusedException.Reason.NOT_FOUND, null, "there is no budget " + id);
  }

  private void validate(BudgetDefinition d) {
    CostEventService.text("name", Optional.ofNullable(d.name()), true);
    period(d.period());
    if (d.limit() == null) {
      throw invalid("limit", "limit is required");
    }
    if (d.limit().signum() <= 0) {
      throw invalid("limit", "must be greater than 0");
    }
    CostEventService.money("limit", d.limit());
    if (d.thresholds() == null) {
      throw invalid(
          "thresholds", "thresholds must be a list of whole percents, e.g. [80, 95, 100]");
    }
    for (int i = 0; i < d.thresholds().size(); i++) {
      Integer percent = d.thresholds().get(i);
      if (percent == null || percent < Thresholds.LOWEST || percent > Thresholds.HIGHEST) {
        throw invalid(
            "thresholds[" + i + "]",
            "a threshold is a whole percent from %d to %d"
                .formatted(Thresholds.LOWEST, Thresholds.HIGHEST));
      }
    }
    CostEventService.text("scope.client", d.scope().client(), false);
    CostEventService.text("scope.project", d.scope().project(), false);
    CostEventService.text("scope.team", d.scope().team(), false);
    CostEventService.text("scope.provider", d.scope().provider(), false);
    existingUser("approver", d.approver());
    existingUser("manager", d.manager());
    notifyEmails(d.notifyEmails());
    d.quietHours()
        .ifPresent(
            q -> {
              try {
                QuietHours.parse(q);
              } catch (IllegalArgumentException e) {
                throw invalid("quietHours", e.getMessage());
              }
            });
  }

  private static void notifyEmails(List<String> emails) {
    emails("notifyEmails", emails);
  }

  /** E-mail recipients under {@code name}: at most {@link #MAX_NOTIFY_EMAILS}, each an address. */
  private static void emails(String name, List<String> emails) {
    if (emails == null) {
      throw invalid(name, name + " must be a list of e-mail addresses");
    }
    if (emails.size() > MAX_NOTIFY_EMAILS) {
      throw invalid(name, "at most %d e-mail recipients".formatted(MAX_NOTIFY_EMAILS));
    }
    for (int i = 0; i < emails.size(); i++) {
      String email = emails.get(i);
      String field = name + "[" + i + "]";
      if (email == null || !EMAIL.matcher(email).matches()) {
        throw invalid(field, "an e-mail address such as finance@example.com");
      }
      if (email.length() > 90) {
        throw invalid(field, "at most 90 characters");
      }
    }
  }

  private void existingUser(String field, Optional<String> username) {
    username
        .filter(name -> users.byUsername(name).isEmpty())
        .ifPresent(
            name -> {
              throw invalid(field, "there is no user named '%s'".formatted(name));
            });
  }
}
