package com.costguard.portal.rest;

import com.costguard.application.AuditPage;
import com.costguard.model.audit.AuditEntry;
import com.costguard.model.audit.ChainVerification;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/** Audit entries and the chain's check as JSON, with SPEC §5's camelCase names. */
final class AuditEntryJson {

  private AuditEntryJson() {}

  static JsonObject page(AuditPage page) {
    JsonArrayBuilder entries = Json.createArrayBuilder();
    page.entries().forEach(e -> entries.add(of(e)));
    return Json.createObjectBuilder()
        .add("entries", entries)
        .add("total", page.total())
        .add("offset", page.offset())
        .add("limit", page.limit())
        .build();
  }

  /**
   * An entry; {@code oldValue} and {@code newValue} are the changed fields as JSON objects (or
   * {@code null}), {@code changePercent} an exact number (or {@code null}).
   */
  static JsonObject of(AuditEntry e) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("seq", e.seq())
            .add("at", e.at().toString())
            .add("actor", e.actor())
            .add("channel", e.channel())
            .add("action", e.action())
            .add("subjectType", e.subjectType())
            .add("subjectId", e.subjectId())
            .add("oldValue", value(e.oldValue()))
            .add("newValue", value(e.newValue()));
    e.changePercent()
        .ifPresentOrElse(
            p -> json.add("changePercent", PlainDecimal.of(p)),
            () -> json.addNull("changePercent"));
    orNull(json, "justification", e.justification());
    orNull(json, "approver", e.approver());
    return json.add("prevHash", e.prevHash()).add("hash", e.hash()).build();
  }

  /**
   * {@code {"ok": true, "entries": n}} or {@code {"ok": false, "brokenAt", "reason", "entries"}}.
   */
  static JsonObject verification(ChainVerification v) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("ok", v.ok());
    v.brokenAt().ifPresent(seq -> json.add("brokenAt", seq));
    v.reason().ifPresent(reason -> json.add("reason", reason));
    return json.add("entries", v.entries()).build();
  }

  /** The stored JSON object; text that is not one (not written by Costguard) as a string. */
  private static JsonValue value(Optional<String> stored) {
    if (stored.isEmpty()) {
      return JsonValue.NULL;
    }
    try (JsonReader reader = Json.createReader(new StringReader(stored.get()))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return Json.createValue(stored.get());
    }
  }

  private static void orNull(JsonObjectBuilder json, String name, Optional<String> value) {
    value.ifPresentOrElse(v -> json.add(name, v), () -> json.addNull(name));
  }
}
