package com.costguard.model.budget;

import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.budget.PeriodType;
import com.costguard.cost.budget.Thresholds;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the people who manage a budget set: everything but its id, its timestamps and the figures
 * computed from spend. Values are as given, not yet checked: {@code name}, {@code period}, {@code
 * limit} and {@code thresholds} may be null, and {@code BudgetService} validates a definition
 * before a budget takes it.
 *
 * @param period the period type's API name ({@link PeriodType#apiName()})
 * @param thresholds whole percents of the limit
 * @param approver a username: who approves increases of this budget
 * @param manager a username: who is mentioned in its 95% alerts
 * @param notifyEmails who receives its alerts by e-mail (when SMTP is configured); null when not
 *     given, which the service refuses
 * @param quietHours when its alert e-mail waits, as {@code HH:mm-HH:mm} in the installation's time
 *     zone ({@link com.costguard.alerting.QuietHours})
 */
public record BudgetDefinition(
    String name,
    String period,
    BigDecimal limit,
    List<Integer> thresholds,
    boolean enabled,
    BudgetScope scope,
    boolean blockNewJobs,
    boolean rollover,
    Optional<String> approver,
    Optional<String> manager,
    List<String> notifyEmails,
    Optional<String> quietHours) {

  public BudgetDefinition {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(approver, "approver");
    Objects.requireNonNull(manager, "manager");
    Objects.requireNonNull(quietHours, "quietHours");
  }

  /** A definition without alert e-mail settings. */
  public BudgetDefinition(
      String name,
      String period,
      BigDecimal limit,
      List<Integer> thresholds,
      boolean enabled,
      BudgetScope scope,
      boolean blockNewJobs,
      boolean rollover,
      Optional<String> approver,
      Optional<String> manager) {
    this(
        name,
        period,
        limit,
        thresholds,
        enabled,
        scope,
        blockNewJobs,
        rollover,
        approver,
        manager,
        List.of(),
        Optional.empty());
  }

  /** The same definition with another limit: what an increase changes. */
  public BudgetDefinition withLimit(BigDecimal newLimit) {
    return new BudgetDefinition(
        name,
        period,
        newLimit,
        thresholds,
        enabled,
        scope,
        blockNewJobs,
        rollover,
        approver,
        manager,
        notifyEmails,
        quietHours);
  }

  /**
   * A new budget before anything is given (SPEC §2): monthly, thresholds 80, 95 and 100, enabled,
   * the whole organisation, not blocking, no rollover, no e-mail recipients nor quiet hours; no
   * name or limit yet.
   */
  public static BudgetDefinition defaults() {
    return new BudgetDefinition(
        null,
        PeriodType.DEFAULT.apiName(),
        null,
        Thresholds.DEFAULT.percents(),
        true,
        BudgetScope.wholeOrganisation(),
        false,
        false,
        Optional.empty(),
        Optional.empty());
  }
}
