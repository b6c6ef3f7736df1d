package com.costguard.application;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of something changed that differ before and after the change, as the audit log writes
 * them (SPEC §4: old and new values): two JSON objects of only those fields, under the API's names.
 */
record AuditedFields(JsonObject before, JsonObject after) {

  /** The fields whose value differs; none when nothing changed. Both maps hold the same names. */
  static Optional<AuditedFields> between(Map<String, JsonValue> was, Map<String, JsonValue> is) {
    JsonObjectBuilder before = Json.createObjectBuilder();
    JsonObjectBuilder after = Json.createObjectBuilder();
    boolean changed = false;
    for (String name : was.keySet()) {
      if (!was.get(name).equals(is.get(name))) {
        before.add(name, was.get(name));
        after.add(name, is.get(name));
        changed = true;
      }
    }
    return changed
        ? Optional.of(new AuditedFields(before.build(), after.build()))
        : Optional.empty();
  }

  static JsonObject object(Map<String, JsonValue> fields) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    fields.forEach(json::add);
    return json.build();
  }

  /** A text field, {@code null} when absent. */
  static JsonValue text(Optional<String> value) {
    return value.<JsonValue>map(Json::createValue).orElse(JsonValue.NULL);
  }
}
