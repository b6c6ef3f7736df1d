package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.model.costevent.Attribution;
import com.costguard.model.costevent.NewCostEvent;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code {"events": [...]}} into cost events: money exactly, a value of the wrong type
 * refused naming its field, as {@link JsonFields} reads other bodies.
 *
 * <p>A batch is read as it is parsed, without building its tree: for bodies of 1,000 events the
 * tree (a map per event, a value object per field) and the look-ups in it took about as many of the
 * request threads' CPU samples as storing the events did (issue 8, JFR). What the tree would give
 * is kept: of equal keys the last counts, unknown fields are ignored, and a body that does not
 * parse is refused as such before any of its fields is.
 */
final class CostEventJson {

  /** The fields read, in the order their values are checked. */
  private enum Field {
    idempotencyKey,
    occurredAt,
    operationType,
    amount,
    currency,
    units,
    unitType,
    client,
    project,
    team,
    user,
    provider,
    mode,
    sessionId,
    jobId,
    listCost,
    reusedFrom,
    metadata;

    private static final Field[] ALL = values();

    /** The field named {@code name}, or null for one not read. */
    static Field named(String name) {
      return switch (name) {
        case "idempotencyKey" -> idempotencyKey;
        case "occurredAt" -> occurredAt;
        case "operationType" -> operationType;
        case "amount" -> amount;
        case "currency" -> currency;
        case "units" -> units;
        case "unitType" -> unitType;
        case "client" -> client;
        case "project" -> project;
        case "team" -> team;
        case "user" -> user;
        case "provider" -> provider;
        case "mode" -> mode;
        case "sessionId" -> sessionId;
        case "jobId" -> jobId;
        case "listCost" -> listCost;
        case "reusedFrom" -> reusedFrom;
        case "metadata" -> metadata;
        default -> null;
      };
    }
  }

  /** What the body held, before its values are checked. */
  private record Body(boolean eventsIsList, List<Object[]> events) {}

  private CostEventJson() {}

  static List<NewCostEvent> batch(InputStream body) {
    Body read = JsonBodies.stream(body, CostEventJson::body);
    if (!read.eventsIsList()) {
      throw invalid("events", "the body must be {\"events\": [ ... ]}");
    }
    List<NewCostEvent> batch = new ArrayList<>(read.events().size());
    for (int i = 0; i < read.events().size(); i++) {
      Object[] values = read.events().get(i);
      if (values == null) {
        throw invalid("events[" + i + "]", "each event must be an object");
      }
      batch.add(event("events[" + i + "].", values));
    }
    return batch;
  }

  /** The top-level object's fields: its (last) {@code events}, the others skipped. */
  private static Body body(JsonParser parser) {
    Body body = new Body(false, List.of());
    while (parser.next() == Event.KEY_NAME) {
      String key = parser.getString();
      Event value = parser.next();
      if (key.equals("events") && value == Event.START_ARRAY) {
        body = new Body(true, events(parser));
      } else {
        parser.getValue();
        if (key.equals("events")) {
          body = new Body(false, List.of());
        }
      }
    }
    return body;
  }

  /** An array's elements: each object's values, null for an element that is no object. */
  private static List<Object[]> events(JsonParser parser) {
    List<Object[]> events = new ArrayList<>();
    for (Event element = parser.next(); element != Event.END_ARRAY; element = parser.next()) {
      if (element == Event.START_OBJECT) {
        events.add(values(parser));
      } else {
        parser.getValue();
        events.add(null);
      }
    }
    return events;
  }

  /**
   * An event's values by {@link Field}: a String, a BigDecimal, or for any other type the
   * JsonValue; null when missing or null. Numbers are read as the tree reads them, at once, so one
   * past the parser's limits refuses the body wherever it is.
   */
  private static Object[] values(JsonParser parser) {
    Object[] values = new Object[Field.ALL.length];
    while (parser.next() == Event.KEY_NAME) {
      Field field = Field.named(parser.getString());
      Object value =
          switch (parser.next()) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER -> parser.getBigDecimal();
            case VALUE_NULL -> null;
            default -> parser.getValue();
          };
      if (field != null) {
        values[field.ordinal()] = value;
      }
    }
    return values;
  }

  private static NewCostEvent event(String path, Object[] values) {
    return new NewCostEvent(
        text(values, path, Field.idempotencyKey).orElse(null),
        text(values, path, Field.occurredAt)
            .map(s -> Instants.instant(path + Field.occurredAt, s))
            .orElse(null),
        text(values, path, Field.operationType).orElse(null),
        decimal(values, path, Field.amount),
        text(values, path, Field.currency),
        decimal(values, path, Field.units),
        text(values, path, Field.unitType),
        new Attribution(
            text(values, path, Field.client),
            text(values, path, Field.project),
            text(values, path, Field.team),
            text(values, path, Field.user),
            text(values, path, Field.provider),
            text(values, path, Field.mode),
            text(values, path, Field.sessionId),
            whole(values, path, Field.jobId)),
        decimal(values, path, Field.listCost),
        text(values, path, Field.reusedFrom),
        metadata(values, path));
  }

  private static Optional<String> text(Object[] values, String path, Field field) {
    Object value = values[field.ordinal()];
    if (value == null || value instanceof String) {
      return Optional.ofNullable((String) value);
    }
    throw invalid(path + field, field + " must be a string");
  }

  private static Optional<BigDecimal> decimal(Object[] values, String path, Field field) {
    Object value = values[field.ordinal()];
    if (value == null || value instanceof BigDecimal) {
      return Optional.ofNullable((BigDecimal) value);
    }
    throw invalid(path + field, field + " must be a number, e.g. 12.34");
  }

  private static Optional<Long> whole(Object[] values, String path, Field field) {
    return decimal(values, path, field)
        .map(
            d -> {
              try {
                return d.longValueExact();
              } catch (ArithmeticException e) {
                throw invalid(path + field, field + " must be a whole number");
              }
            });
  }

  private static Optional<String> metadata(Object[] values, String path) {
    Object value = values[Field.metadata.ordinal()];
    if (value == null || value instanceof JsonObject) {
      return Optional.ofNullable(value).map(Object::toString);
    }
    throw invalid(path + Field.metadata, "metadata must be an object");
  }
}
