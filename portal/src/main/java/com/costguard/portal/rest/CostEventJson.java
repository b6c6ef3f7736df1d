package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;
import static com.costguard.portal.rest.JsonFields.decimal;
import static com.costguard.portal.rest.JsonFields.instant;
import static com.costguard.portal.rest.JsonFields.text;
import static com.costguard.portal.rest.JsonFields.value;
import static com.costguard.portal.rest.JsonFields.whole;

import com.costguard.model.costevent.Attribution;
import com.costguard.model.costevent.NewCostEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code {"events": [...]}} into cost events, through {@link JsonFields}: money exactly, a
 * value of the wrong type refused naming its field.
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
            whole(o, path, "jobId")),
        decimal(o, path, "listCost"),
        text(o, path, "reusedFrom"),
        metadata(o, path));
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
