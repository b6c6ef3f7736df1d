package com.costguard.application;

import com.costguard.cost.Money;
import com.costguard.model.audit.AuditAction;
import com.costguard.model.audit.AuditedChange;
import com.costguard.model.client.Client;
import com.costguard.model.client.Project;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the audit log records of clients, projects and priority tiers: their fields under the API's
 * names, money written exactly ({@link Money#exact}), absent values as {@code null}; for a change
 * only the fields that changed.
 */
final class ClientAudit {

  private ClientAudit() {}

  static AuditedChange created(Client client) {
    return created(AuditAction.CLIENT_CREATED, AuditedChange.CLIENT, client.id(), fields(client));
  }

  static AuditedChange created(Project project) {
    return created(
        AuditAction.PROJECT_CREATED, AuditedChange.PROJECT, project.id(), fields(project));
  }

  private static AuditedChange created(
      AuditAction action, String type, Object id, Map<String, JsonValue> fields) {
    return AuditedChange.of(
        action, type, id, Optional.empty(), Optional.of(AuditedFields.object(fields).toString()));
  }

  /** The client's fields as they are now, to compare with after a change. */
  static Map<String, JsonValue> fields(Client c) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("name", Json.createValue(c.name()));
    fields.put("code", Json.createValue(c.code()));
    fields.put("industry", AuditedFields.text(c.industry()));
    fields.put("priorityTier", Json.createValue(c.priorityTier().name()));
    return fields;
  }

  /** The project's fields as they are now, to compare with after a change. */
  static Map<String, JsonValue> fields(Project p) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("name", Json.createValue(p.name()));
    fields.put("clientId", Json.createValue(p.clientId()));
    fields.put("code", Json.createValue(p.code()));
    fields.put("startDate", AuditedFields.text(p.startDate().map(LocalDate::toString)));
    fields.put("endDate", AuditedFields.text(p.endDate().map(LocalDate::toString)));
    fields.put("projectedRevenue", money(p.projectedRevenue()));
    fields.put("otherCosts", money(Optional.of(p.otherCosts())));
    return fields;
  }

  /** A change of the client since {@code before}; none when nothing changed. */
  static Optional<AuditedChange> updated(Map<String, JsonValue> before, Client after) {
    return changed(
        AuditAction.CLIENT_UPDATED, AuditedChange.CLIENT, after.id(), before, fields(after));
  }

  /** A change of the project since {@code before}; none when nothing changed. */
  static Optional<AuditedChange> updated(Map<String, JsonValue> before, Project after) {
    return changed(
        AuditAction.PROJECT_UPDATED, AuditedChange.PROJECT, after.id(), before, fields(after));
  }

  private static Optional<AuditedChange> changed(
      AuditAction action,
      String type,
      Object id,
      Map<String, JsonValue> before,
      Map<String, JsonValue> after) {
    return AuditedFields.between(before, after)
        .map(
            f ->
                AuditedChange.of(
                    action,
                    type,
                    id,
                    Optional.of(f.before().toString()),
                    Optional.of(f.after().toString())));
  }

  /** Exactly, as a JSON number compared by value (19.5 and 19.500000 are the same amount). */
  private static JsonValue money(Optional<BigDecimal> amount) {
    return amount.<JsonValue>map(a -> Json.createValue(Money.exact(a))).orElse(JsonValue.NULL);
  }
}
