package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.model.costevent.Attribution;
import com.costguard.model.costevent.NewCostEvent;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code {"events": [...]}} into cost events. Money is read as the exact decimal written
 * (JSON-P's {@code bigDecimalValue}), never through {@code double}; a value of the wrong type is
 * refused naming its field.
 */
final class CostEventJson {

  private CostEventJson() {}

  static List<NewCostEvent> batch(JsonObject body) {
    JsonValue events = body.get("events");
    if (events == null || events.getValueType() != JsonValue.ValueType.ARRAY) {
      throw invalid("events", "the body must be {\"events\": [ ... ]}");
    }
    List<NewCostEvent> batch = new ArrayList<>();
    var array = events.asJsonArray();
    for (int i = 0; i < array.size(); i++) {
      String path = "events[" + i + "].";
      if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        throw invalid("events[" + i + "]", "each event must be an object");
      }
      batch.add(event(path, array.getJsonObject(i)));
    }
    return batch;
  }

  private static NewCostEvent event(String path, JsonObject o) {
    return new NewCostEvent(
        text(o, path, "idempotencyKey").orElse(null),
        instant(o, path, "occurredAt").orElse(null),
        text(o, path, "operationType").orElse(null),
        decimal(o, path, "amount"),
        text(o, path, "currency"),
        decimal(o, path, "units"),
        text(o, path, "unitType"),
        new Attribution(
            text(o, path, "client"),
            text(o, path, "project"),
            text(o, path, "team"),
            text(o, path, "user"),
            text(o, path, "provider"),
            text(o, path, "mode"),
            text(o, path, "sessionId"),
            id(o, path, "jobId")),
        decimal(o, path, "listCost"),
        text(o, path, "reusedFrom"),
        metadata(o, path));
  }

  /** The value of {@code name}; empty when it is missing or null. */
  static Optional<JsonValue> value(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v == null || v.getValueType() == JsonValue.ValueType.NULL
        ? Optional.empty()
        : Optional.of(v);
  }

  /** A string; refused naming {@code path + name} when it is another type. */
  static Optional<String> text(JsonObject o, String path, String name) {
    return value(o, name)
        .map(
            v -> {
              if (!(v instanceof JsonString s)) {
                throw invalid(path + name, name + " must be a string");
              }
              return s.getString();
            });
  }

  /** A number read exactly; refused naming {@code path + name} when it is another type. */
  static Optional<BigDecimal> decimal(JsonObject o, String path, String name) {
    return value(o, name)
        .map(
            v -> {
              if (!(v instanceof JsonNumber n)) {
                throw invalid(path + name, name + " must be a number, e.g. 12.34");
              }
              return n.bigDecimalValue();
            });
  }

  private static Optional<Long> id(JsonObject o, String path, String name) {
    return decimal(o, path, name)
        .map(
            d -> {
              try {
                return d.longValueExact();
              } catch (ArithmeticException e) {
                throw invalid(path + name, name + " must be a whole number");
              }
            });
  }

  private static Optional<Instant> instant(JsonObject o, String path, String name) {
    return text(o, path, name)
        .map(
            s -> {
              try {
                return Instant.parse(s);
              } catch (DateTimeParseException e) {
                throw invalid(
                    path + name, name + " must be an ISO-8601 instant, e.g. 2026-11-23T10:15:30Z");
              }
            });
  }

  private static Optional<String> metadata(JsonObject o, String path) {
    return value(o, "metadata")
        .map(
            v -> {
              if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid(path + "metadata", "metadata must be an object");
              }
              return v.toString();
            });
  }
}
