package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;
import static com.costguard.portal.rest.Jsonp.JSON;

import com.costguard.application.BudgetView;
import com.costguard.cost.Money;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.budget.BudgetStatus;
import com.costguard.model.budget.Budget;
import com.costguard.model.budget.BudgetDefinition;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Budgets to and from JSON, with SPEC §5's field names.
 *
 * <p>A body is read over a definition: a field the body leaves out keeps that definition's value
 * (the defaults for POST, the budget as it is for PUT), and a field given replaces it. {@code null}
 * clears {@code approver}, {@code manager}, {@code notifyEmails}, {@code quietHours} and {@code
 * scope} (the whole organisation); {@code scope} is replaced whole, so {@code {"scope": {"client":
 * "Acme"}}} is client Acme and nothing else. {@code notifyEmails} lists who receives the budget's
 * alerts by e-mail, and {@code quietHours} ({@code "22:00-07:00"}, local time) when that e-mail
 * waits. The limit is read as the exact decimal written (JSON-P's {@code bigDecimalValue}); a value
 * of the wrong type is refused naming its field. Fields the API does not set (id, the computed
 * figures) are ignored, so a budget as read may be sent back changed.
 */
final class BudgetJson {

  private BudgetJson() {}

  static BudgetDefinition over(BudgetDefinition base, JsonObject body) {
    return new BudgetDefinition(
        given(body, "name", base.name(), () -> text(body, "name").orElse(null)),
        given(body, "period", base.period(), () -> text(body, "period").orElse(null)),
        given(
            body, "limit", base.limit(), () -> JsonFields.decimal(body, "", "limit").orElse(null)),
        given(body, "thresholds", base.thresholds(), () -> thresholds(body)),
        given(body, "enabled", base.enabled(), () -> flag(body, "enabled")),
        given(body, "scope", base.scope(), () -> scope(body)),
        given(body, "blockNewJobs", base.blockNewJobs(), () -> flag(body, "blockNewJobs")),
        given(body, "rollover", base.rollover(), () -> flag(body, "rollover")),
        given(body, "approver", base.approver(), () -> text(body, "approver")),
        given(body, "manager", base.manager(), () -> text(body, "manager")),
        given(body, "notifyEmails", base.notifyEmails(), () -> emails(body)),
        given(body, "quietHours", base.quietHours(), () -> text(body, "quietHours")));
  }

  /** A list of e-mail addresses; {@code null} clears it. */
  private static List<String> emails(JsonObject body) {
    Optional<JsonValue> value = JsonFields.value(body, "notifyEmails");
    if (value.isEmpty()) {
      return List.of();
    }
    if (value.get().getValueType() != JsonValue.ValueType.ARRAY) {
      throw invalid("notifyEmails", "notifyEmails must be a list of e-mail addresses");
    }
    List<String> emails = new ArrayList<>();
    var array = value.get().asJsonArray();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString s)) {
        throw invalid("notifyEmails[" + i + "]", "an e-mail address such as finance@example.com");
      }
      emails.add(s.getString().strip());
    }
    return emails;
  }

  private static <T> T given(JsonObject body, String name, T current, Supplier<T> read) {
    return body.containsKey(name) ? read.get() : current;
  }

  private static Optional<String> text(JsonObject body, String name) {
    return JsonFields.text(body, "", name);
  }

  private static boolean flag(JsonObject body, String name) {
    JsonValue v = body.get(name);
    if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
      throw invalid(name, name + " must be true or false");
    }
    return v == JsonValue.TRUE;
  }

  /** Whole percents; null (not given) for {@code null}, which the service refuses. */
  private static List<Integer> thresholds(JsonObject body) {
    Optional<JsonValue> value = JsonFields.value(body, "thresholds");
    if (value.isEmpty()) {
      return null;
    }
    if (value.get().getValueType() != JsonValue.ValueType.ARRAY) {
      throw invalid(
          "thresholds", "thresholds must be a list of whole percents, e.g. [80, 95, 100]");
    }
    List<Integer> percents = new ArrayList<>();
    var array = value.get().asJsonArray();
    for (int i = 0; i < array.size(); i++) {
      try {
        if (!(array.get(i) instanceof JsonNumber n)) {
          throw new ArithmeticException();
        }
        percents.add(n.bigDecimalValue().intValueExact());
      } catch (RuntimeException e) {
        // not a whole number that fits, or (Parsson) a number past its limits
        throw invalid("thresholds[" + i + "]", "a threshold is a whole percent, e.g. 80");
      }
    }
    return percents;
  }

  private static BudgetScope scope(JsonObject body) {
    Optional<JsonValue> value = JsonFields.value(body, "scope");
    if (value.isEmpty()) {
      return BudgetScope.wholeOrganisation();
    }
    if (value.get().getValueType() != JsonValue.ValueType.OBJECT) {
      throw invalid(
          "scope", "scope must be an object with any of client, project, team and provider");
    }
    JsonObject scope = value.get().asJsonObject();
    return new BudgetScope(
        JsonFields.text(scope, "scope.", "client"),
        JsonFields.text(scope, "scope.", "project"),
        JsonFields.text(scope, "scope.", "team"),
        JsonFields.text(scope, "scope.", "provider"));
  }

  /** A budget with its computed figures; money exact ({@link Money#exact}). */
  static JsonObject of(BudgetView view) {
    Budget budget = view.budget();
    BudgetStatus status = view.status();
    JsonArrayBuilder thresholds = JSON.createArrayBuilder();
    budget.thresholds().percents().forEach(thresholds::add);
    JsonObjectBuilder scope = JSON.createObjectBuilder();
    orNull(scope, "client", budget.scope().client());
    orNull(scope, "project", budget.scope().project());
    orNull(scope, "team", budget.scope().team());
    orNull(scope, "provider", budget.scope().provider());
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", budget.id())
            .add("name", budget.name())
            .add("period", budget.period().apiName())
            .add("limit", Money.exact(budget.limit()))
            .add("thresholds", thresholds)
            .add("enabled", budget.enabled())
            .add("scope", scope)
            .add("blockNewJobs", budget.blockNewJobs())
            .add("rollover", budget.rollover());
    orNull(json, "approver", budget.approver());
    orNull(json, "manager", budget.manager());
    JsonArrayBuilder emails = JSON.createArrayBuilder();
    budget.notifyEmails().forEach(emails::add);
    json.add("notifyEmails", emails);
    orNull(json, "quietHours", budget.quietHours().map(Object::toString));
    orNull(json, "lastResetAt", budget.lastResetAt().map(Object::toString));
    json.add("createdAt", budget.createdAt().toString())
        .add("updatedAt", budget.updatedAt().toString())
        .add("spent", Money.exact(status.spent()))
        .add("reserved", Money.exact(status.reserved()))
        .add("rolledOver", Money.exact(status.rollover()))
        .add("usagePercentage", status.usagePercentage())
        .add("remaining", Money.exact(status.remaining()))
        .add("isExceeded", status.isExceeded())
        .add("periodStart", status.periodStart().toString());
    orNull(json, "periodEnd", status.periodEnd().map(Object::toString));
    view.forecast()
        .ifPresentOrElse(
            f ->
                json.add(
                    "forecast",
                    JSON.createObjectBuilder()
                        .add("low", Money.exact(f.low()))
                        .add("high", Money.exact(f.high()))),
            () -> json.addNull("forecast"));
    return json.build();
  }

  /** Absent text is written as {@code null}, so that every budget has the same fields. */
  private static void orNull(JsonObjectBuilder json, String name, Optional<String> value) {
    value.ifPresentOrElse(v -> json.add(name, v), () -> json.addNull(name));
  }
}
