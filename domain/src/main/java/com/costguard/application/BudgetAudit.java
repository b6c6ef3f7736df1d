package com.costguard.application;

import com.costguard.alerting.NotificationSettings;
import com.costguard.cost.Money;
import com.costguard.model.audit.AuditAction;
import com.costguard.model.audit.AuditedChange;
import com.costguard.model.budget.Budget;
import com.costguard.model.budget.BudgetDefinition;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the audit log records of a budget's changes: its fields under the API's names (SPEC §5), the
 * limit written exactly ({@link Money#exact}), absent values as {@code null}; for an update only
 * the fields that changed, and the change percent when the limit did.
 */
final class BudgetAudit {

  private BudgetAudit() {}

  static AuditedChange created(Budget budget) {
    return AuditedChange.of(
        AuditAction.BUDGET_CREATED,
        AuditedChange.BUDGET,
        budget.id(),
        Optional.empty(),
        Optional.of(object(fields(budget.definition())).toString()));
  }

  static AuditedChange deleted(Budget budget) {
    return AuditedChange.of(
        AuditAction.BUDGET_DELETED,
        AuditedChange.BUDGET,
        budget.id(),
        Optional.of(object(fields(budget.definition())).toString()),
        Optional.empty());
  }

  /**
   * The fields that differ between {@code before} and {@code after} (both as the budget holds
   * them); none when nothing changed. A change that includes the limit is a {@code
   * budget.limit_changed} with its percent, any other a {@code budget.updated}.
   */
  static Optional<AuditedChange> updated(
      long budgetId, BudgetDefinition before, BudgetDefinition after) {
    Optional<AuditedFields> changed = AuditedFields.between(fields(before), fields(after));
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    boolean limitChanged = before.limit().compareTo(after.limit()) != 0;
    return Optional.of(
        AuditedChange.of(
                limitChanged ? AuditAction.BUDGET_LIMIT_CHANGED : AuditAction.BUDGET_UPDATED,
                AuditedChange.BUDGET,
                budgetId,
                Optional.of(changed.get().before().toString()),
                Optional.of(changed.get().after().toString()))
            .withChangePercent(
                limitChanged
                    ? Optional.of(changePercent(before.limit(), after.limit()))
                    : Optional.empty()));
  }

  static AuditedChange reset(Budget budget, Optional<Instant> before) {
    return AuditedChange.of(
        AuditAction.BUDGET_RESET,
        AuditedChange.BUDGET,
        budget.id(),
        Optional.of(instant("lastResetAt", before)),
        Optional.of(instant("lastResetAt", budget.lastResetAt())));
  }

  /**
   * A change of the budget's notification settings, old and new written whole (they are read as one
   * page of settings); none when nothing changed.
   */
  static Optional<AuditedChange> notificationsChanged(
      long budgetId, NotificationSettings before, NotificationSettings after) {
    if (before.equals(after)) {
      return Optional.empty();
    }
    return Optional.of(
        AuditedChange.of(
            AuditAction.BUDGET_NOTIFICATIONS_CHANGED,
            AuditedChange.BUDGET,
            budgetId,
            Optional.of(NotificationSettingsJson.of(before).toString()),
            Optional.of(NotificationSettingsJson.of(after).toString())));
  }

  /** {@code (new − old) / old × 100}, two decimals, HALF_UP: 500 → 750 is {@code 50.00}. */
  static BigDecimal changePercent(BigDecimal oldLimit, BigDecimal newLimit) {
    return Money.percent(newLimit.subtract(oldLimit), oldLimit);
  }

  private static String instant(String name, Optional<Instant> value) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    value.ifPresentOrElse(v -> json.add(name, v.toString()), () -> json.addNull(name));
    return json.build().toString();
  }

  private static Map<String, JsonValue> fields(BudgetDefinition d) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("name", text(Optional.ofNullable(d.name())));
    fields.put("period", text(Optional.ofNullable(d.period())));
    fields.put("limit", Json.createValue(Money.exact(d.limit())));
    JsonArrayBuilder thresholds = Json.createArrayBuilder();
    d.thresholds().forEach(thresholds::add);
    fields.put("thresholds", thresholds.build());
    fields.put("enabled", d.enabled() ? JsonValue.TRUE : JsonValue.FALSE);
    fields.put(
        "scope",
        Json.createObjectBuilder()
            .add("client", text(d.scope().client()))
            .add("project", text(d.scope().project()))
            .add("team", text(d.scope().team()))
            .add("provider", text(d.scope().provider()))
            .build());
    fields.put("blockNewJobs", d.blockNewJobs() ? JsonValue.TRUE : JsonValue.FALSE);
    fields.put("rollover", d.rollover() ? JsonValue.TRUE : JsonValue.FALSE);
    fields.put("approver", text(d.approver()));
    fields.put("manager", text(d.manager()));
    return fields;
  }

  private static JsonObject object(Map<String, JsonValue> fields) {
    return AuditedFields.object(fields);
  }

  private static JsonValue text(Optional<String> value) {
    return AuditedFields.text(value);
  }
}
