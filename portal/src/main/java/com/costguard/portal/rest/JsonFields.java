package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads one field of a JSON object exactly: strings as strings, numbers as the decimal written
 * (JSON-P's {@code bigDecimalValue}, never {@code double}). A missing field or {@code null} is
 * empty; a value of the wrong type is refused naming the field.
 */
final class JsonFields {

  private JsonFields() {}

  static Optional<JsonValue> value(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v == null || v.getValueType() == JsonValue.ValueType.NULL
        ? Optional.empty()
        : Optional.of(v);
  }

  static Optional<String> text(JsonObject o, String name) {
    return value(o, name)
        .map(
            v -> {
              if (!(v instanceof JsonString s)) {
                throw invalid(name, name + " must be a string");
              }
              return s.getString();
            });
  }

  static Optional<BigDecimal> decimal(JsonObject o, String name) {
    return value(o, name)
        .map(
            v -> {
              if (!(v instanceof JsonNumber n)) {
                throw invalid(name, name + " must be a number, e.g. 12.34");
              }
              return n.bigDecimalValue();
            });
  }

  static Optional<Long> whole(JsonObject o, String name) {
    return decimal(o, name)
        .map(
            d -> {
              try {
                return d.longValueExact();
              } catch (ArithmeticException e) {
                throw invalid(name, name + " must be a whole number");
              }
            });
  }

  static Optional<Instant> instant(JsonObject o, String name) {
    return text(o, name)
        .map(
            s -> {
              try {
                return Instant.parse(s);
              } catch (DateTimeParseException e) {
                throw invalid(
                    name, name + " must be an ISO-8601 instant, e.g. 2026-11-23T10:15:30Z");
              }
            });
  }
}
