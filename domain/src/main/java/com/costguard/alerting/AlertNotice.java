package com.costguard.alerting;

import com.costguard.cost.Money;
import com.costguard.cost.budget.PeriodType;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a delivery says: one fired budget alert with the figures it fired at, to its recipients.
 * Channels render it; {@link #reason()} is the sentence every channel leads with.
 *
 * @param threshold the percent that was crossed; 0 for kinds without one
 * @param budgetName the budget's name as its managers wrote it (channels escape it)
 * @param spent the period's spend when the alert fired
 * @param limit what that spend was measured against (limit + rollover); for an anomaly alert the
 *     trailing 14-day mean of daily spend
 * @param recipients e-mail addresses; empty for channels that do not address people
 * @param job the job of a job alert (kind {@link AlertKind#ESTIMATE}): then {@code budgetId} is 0,
 *     {@code budgetName} is the job's name, {@code spent} its cost and {@code limit} the estimate
 *     amount the threshold is measured against
 * @param activeJobs the queued and running jobs in the budget's scope when the alert is delivered,
 *     for channels that list them (the e-mail)
 */
public record AlertNotice(
    long alertId,
    AlertKind kind,
    int threshold,
    long budgetId,
    String budgetName,
    PeriodType periodType,
    Instant periodStart,
    Instant firedAt,
    BigDecimal spent,
    BigDecimal limit,
    Currency currency,
    List<String> recipients,
    Optional<JobSubject> job,
    List<ActiveJob> activeJobs) {

  /** The job a job alert is about. */
  public record JobSubject(long jobId, String name, String createdBy) {
    public JobSubject {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(createdBy, "createdBy");
    }
  }

  /** A queued or running job in the budget's scope, with what it has cost so far. */
  public record ActiveJob(long jobId, String name, String createdBy, BigDecimal currentCost) {
    public ActiveJob {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(createdBy, "createdBy");
      Objects.requireNonNull(currentCost, "currentCost");
    }
  }

  /** A budget alert without its active jobs (as it comes out of the outbox). */
  public AlertNotice(
      long alertId,
      AlertKind kind,
      int threshold,
      long budgetId,
      String budgetName,
      PeriodType periodType,
      Instant periodStart,
      Instant firedAt,
      BigDecimal spent,
      BigDecimal limit,
      Currency currency,
      List<String> recipients) {
    this(
        alertId,
        kind,
        threshold,
        budgetId,
        budgetName,
        periodType,
        periodStart,
        firedAt,
        spent,
        limit,
        currency,
        recipients,
        Optional.empty(),
        List.of());
  }

  public AlertNotice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(budgetName, "budgetName");
    Objects.requireNonNull(periodType, "periodType");
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(firedAt, "firedAt");
    Objects.requireNonNull(spent, "spent");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(currency, "currency");
    recipients = List.copyOf(recipients);
    Objects.requireNonNull(job, "job");
    activeJobs = List.copyOf(activeJobs);
  }

  /** The same notice listing {@code jobs} as the budget's active jobs. */
  public AlertNotice withActiveJobs(List<ActiveJob> jobs) {
    return new AlertNotice(
        alertId,
        kind,
        threshold,
        budgetId,
        budgetName,
        periodType,
        periodStart,
        firedAt,
        spent,
        limit,
        currency,
        recipients,
        job,
        jobs);
  }

  /**
   * The one sentence that says what happened, e.g. "You've used 80% of the monthly budget ($400.00
   * of $500.00)" (SPEC §3).
   */
  public String reason() {
    String amounts = "(%s of %s)".formatted(money(spent), money(limit));
    String budget = "the " + adjective(periodType) + " budget";
    return switch (kind) {
      case THRESHOLD -> "You've used %d%% of %s %s".formatted(threshold, budget, amounts);
      case BLOCKED ->
          "A new job was refused: %s blocks new jobs it cannot cover %s".formatted(budget, amounts);
      case FORECAST ->
          "The end-of-period forecast of %s passes its limit (%s spent of %s so far)"
              .formatted(budget, money(spent), money(limit));
      case ANOMALY ->
          ("Unusual spend against %s: %s in one day, more than three standard deviations above"
                  + " the trailing 14-day mean of %s a day")
              .formatted(budget, money(spent), money(limit));
      case ESTIMATE ->
          "Job \"%s\" reached %d%% of its estimate (%s, against %s)"
              .formatted(budgetName, threshold, money(spent), money(limit));
    };
  }

  /** Spend as a percent of the limit, two decimals, for the status bar ({@code 80.00}). */
  public BigDecimal usagePercent() {
    return Money.percent(spent, limit);
  }

  /** What was left of the limit when the alert fired, never below zero. */
  public BigDecimal remaining() {
    return limit.subtract(spent).max(BigDecimal.ZERO);
  }

  /** An amount as a person reads it: {@code $1,234.50}, rounded to cents once ({@link Money}). */
  public String money(BigDecimal amount) {
    return money(amount, currency);
  }

  /** {@link #money(BigDecimal)} in any currency, for figures that are not the alert's own. */
  public static String money(BigDecimal amount, Currency currency) {
    String symbol = currency.getSymbol(Locale.US);
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    String figure = format.format(Money.cents(amount));
    return symbol.length() == 1 ? symbol + figure : symbol + " " + figure;
  }

  /** "monthly", "rolling 30-day", …: the budget's period as an adjective. */
  public static String adjective(PeriodType type) {
    return switch (type) {
      case DAILY -> "daily";
      case WEEKLY -> "weekly";
      case CALENDAR_MONTH -> "monthly";
      case ROLLING_30_DAYS -> "rolling 30-day";
      case SESSION -> "session";
      case TOTAL -> "total";
    };
  }

  /** The threshold as the API shows it: absent for kinds without one. */
  public Optional<Integer> shownThreshold() {
    return kind.hasThreshold() ? Optional.of(threshold) : Optional.empty();
  }
}
