package com.costguard.portal.rest;

import com.costguard.cost.Money;
import com.costguard.model.increase.IncreaseRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;

/**
 * A budget increase request on the wire (SPEC §5): {@code id}, {@code budgetId}, {@code
 * currentLimit}, {@code newLimit} (money exact), {@code justification}, {@code requestedBy}, {@code
 * approver} (null: any APPROVER), {@code status}, and {@code decidedBy}, {@code reason}, {@code
 * createdAt}, {@code expiresAt}, {@code decidedAt}.
 */
final class IncreaseRequestJson {

  private IncreaseRequestJson() {}

  static JsonObject of(IncreaseRequest r) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", r.id())
            .add("budgetId", r.budgetId())
            .add("currentLimit", Money.exact(r.currentLimit()))
            .add("newLimit", Money.exact(r.newLimit()))
            .add("justification", r.justification())
            .add("requestedBy", r.requestedBy());
    text(json, "approver", r.approver());
    json.add("status", r.status().apiName());
    text(json, "decidedBy", r.decidedBy());
    text(json, "reason", r.reason());
    json.add("createdAt", r.createdAt().toString()).add("expiresAt", r.expiresAt().toString());
    text(json, "decidedAt", r.decidedAt().map(Object::toString));
    return json.build();
  }

  private static void text(JsonObjectBuilder json, String name, Optional<String> value) {
    value.ifPresentOrElse(v -> json.add(name, v), () -> json.addNull(name));
  }
}
