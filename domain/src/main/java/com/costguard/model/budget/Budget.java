package com.costguard.model.budget;

import com.costguard.alerting.NotificationSettings;
import com.costguard.alerting.QuietHours;
import com.costguard.alerting.ThresholdNotification;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.budget.PeriodType;
import com.costguard.cost.budget.Thresholds;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A spending limit per period over a scope of spend (SPEC §2). What was spent is not stored: it is
 * computed from the period's spend whenever it is asked for, so it is never stale.
 */
@Entity
@Table(name = "budgets")
public class Budget {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  /** The {@link PeriodType#apiName()}. */
  @Column(name = "period_type", nullable = false)
  private String period;

  @Column(name = "limit_amount", nullable = false, precision = 19, scale = 6)
  private BigDecimal limit;

  /** Whole percents, ascending and comma-separated; empty for none. */
  @Column(nullable = false)
  private String thresholds;

  private boolean enabled;

  @Column(name = "scope_client")
  private String scopeClient;

  @Column(name = "scope_project")
  private String scopeProject;

  @Column(name = "scope_team")
  private String scopeTeam;

  @Column(name = "scope_provider")
  private String scopeProvider;

  @Column(name = "block_new_jobs")
  private boolean blockNewJobs;

  private boolean rollover;
  private String approver;
  private String manager;

  /** E-mail addresses, comma-separated; empty for none. */
  @Column(name = "notify_emails", nullable = false)
  private String notifyEmails = "";

  /** {@code HH:mm-HH:mm} ({@link QuietHours}); null for none. */
  @Column(name = "quiet_hours")
  private String quietHours;

  /** The Slack channel id of the budget's alerts; null: {@code SLACK_ALERT_CHANNEL}. */
  @Column(name = "slack_channel")
  private String slackChannel;

  /** The thresholds with notification settings of their own ({@link NotificationSettings}). */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "budget_notifications", joinColumns = @JoinColumn(name = "budget_id"))
  private List<NotificationRule> notificationRules = new ArrayList<>();

  @Column(name = "last_reset_at")
  private Instant lastResetAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Budget() {}

  /**
   * A budget with a valid definition.
   *
   * @throws IllegalArgumentException for an unknown period or a threshold out of range
   */
  public Budget(BudgetDefinition definition, Instant createdAt) {
    define(definition);
    this.createdAt = stored(createdAt);
    this.updatedAt = this.createdAt;
  }

  /** Takes a new valid definition in place of the current one. */
  public void redefine(BudgetDefinition definition, Instant at) {
    define(definition);
    this.updatedAt = stored(at);
  }

  /** Starts a new period now (seed 004: "reset period"); spend before it no longer counts. */
  public void reset(Instant at) {
    this.lastResetAt = stored(at);
    this.updatedAt = this.lastResetAt;
  }

  /**
   * To the microsecond, as {@code DATETIME(6)} keeps it, so that a budget answered before it was
   * stored and the same budget read back agree (the clock may tell nanoseconds).
   */
  private static Instant stored(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  private void define(BudgetDefinition d) {
    this.name = d.name();
    this.period =
        PeriodType.fromApiName(d.period())
            .orElseThrow(() -> new IllegalArgumentException("no period type " + d.period()))
            .apiName();
    this.limit = d.limit();
    this.thresholds =
        new Thresholds(d.thresholds())
            .percents().stream().map(String::valueOf).collect(Collectors.joining(","));
    this.enabled = d.enabled();
    this.scopeClient = d.scope().client().orElse(null);
    this.scopeProject = d.scope().project().orElse(null);
    this.scopeTeam = d.scope().team().orElse(null);
    this.scopeProvider = d.scope().provider().orElse(null);
    this.blockNewJobs = d.blockNewJobs();
    this.rollover = d.rollover();
    this.approver = d.approver().orElse(null);
    this.manager = d.manager().orElse(null);
    this.notifyEmails = String.join(",", d.notifyEmails() == null ? List.of() : d.notifyEmails());
    this.quietHours = d.quietHours().map(QuietHours::parse).map(QuietHours::toString).orElse(null);
  }

  public BudgetDefinition definition() {
    return new BudgetDefinition(
        name,
        period,
        limit,
        thresholds().percents(),
        enabled,
        scope(),
        blockNewJobs,
        rollover,
        approver(),
        manager(),
        notifyEmails(),
        quietHours().map(QuietHours::toString));
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public PeriodType period() {
    return PeriodType.fromApiName(period).orElseThrow();
  }

  public BigDecimal limit() {
    return limit;
  }

  public Thresholds thresholds() {
    return new Thresholds(
        thresholds.isEmpty()
            ? List.of()
            : Arrays.stream(thresholds.split(",")).map(Integer::valueOf).toList());
  }

  public boolean enabled() {
    return enabled;
  }

  public BudgetScope scope() {
    return BudgetScope.ofNullable(scopeClient, scopeProject, scopeTeam, scopeProvider);
  }

  /** Whether new jobs in scope are refused while the budget is at or over its limit. */
  public boolean blockNewJobs() {
    return blockNewJobs;
  }

  /** Whether unused limit rolls into the next period. */
  public boolean rollover() {
    return rollover;
  }

  public Optional<String> approver() {
    return Optional.ofNullable(approver);
  }

  public Optional<String> manager() {
    return Optional.ofNullable(manager);
  }

  /** Who receives the budget's alerts by e-mail, in the order given. */
  public List<String> notifyEmails() {
    return notifyEmails == null || notifyEmails.isEmpty()
        ? List.of()
        : List.of(notifyEmails.split(","));
  }

  /** When the budget's alert e-mail waits, if ever. */
  public Optional<QuietHours> quietHours() {
    return Optional.ofNullable(quietHours).map(QuietHours::parse);
  }

  /** The Slack channel id of the budget's alerts, when it has one of its own. */
  public Optional<String> slackChannel() {
    return Optional.ofNullable(slackChannel);
  }

  /** Who the budget's alerts reach, and how ({@link NotificationSettings}). */
  public NotificationSettings notificationSettings() {
    return new NotificationSettings(
        notifyEmails(),
        quietHours(),
        slackChannel(),
        notificationRules.stream()
            .map(NotificationRule::setting)
            // a threshold the budget no longer has keeps its row until settings are saved again
            .filter(t -> thresholds().percents().contains(t.threshold()))
            .sorted(Comparator.comparingInt(ThresholdNotification::threshold))
            .toList());
  }

  /**
   * Takes valid notification settings in place of the current ones (recipients, quiet hours, Slack
   * channel, per-threshold settings); a threshold set as its default stores no row.
   */
  public void changeNotifications(NotificationSettings settings, Instant at) {
    this.notifyEmails = String.join(",", settings.recipients());
    this.quietHours = settings.quietHours().map(QuietHours::toString).orElse(null);
    this.slackChannel = settings.slackChannel().orElse(null);
    this.notificationRules.clear();
    settings.thresholds().stream()
        .filter(t -> !t.isDefault())
        .map(NotificationRule::new)
        .forEach(notificationRules::add);
    this.updatedAt = stored(at);
  }

  public Optional<Instant> lastResetAt() {
    return Optional.ofNullable(lastResetAt);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
