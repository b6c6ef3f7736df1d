package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Typed fields of a request's JSON object. A missing field or {@code null} is empty; a value of the
 * wrong type is refused naming its field ({@code path + name}). Money is read as the exact decimal
 * written (JSON-P's {@code bigDecimalValue}), never through {@code double}.
 */
final class JsonFields {

  private JsonFields() {}

  static Optional<JsonValue> value(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v == null || v.getValueType() == JsonValue.ValueType.NULL
        ? Optional.empty()
        : Optional.of(v);
  }

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

  static Optional<BigDecimal> decimal(JsonObject o, String path, String name) {
    return value(o, name)
        .map(
            v -> {
              if (!(v instanceof JsonNumber n)) {
                throw invalid(path + name, name + " must be a number, e.g. 12.34");
              }
              try {
                return n.bigDecimalValue();
              } catch (RuntimeException e) {
                // Parsson reads numbers lazily and refuses, with a plain RuntimeException, one
                // past its limits (e.g. 1e2147483648, or more than 1,100 digits).
                throw invalid(path + name, name + " must be a number, e.g. 12.34");
              }
            });
  }

  static Optional<Long> whole(JsonObject o, String path, String name) {
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

  static Optional<Instant> instant(JsonObject o, String path, String name) {
    return text(o, path, name)
        .map(
            s -> {
              return Instants.instant(path + name, s);
            });
  }

  /** A top-level string field; see {@link #text(JsonObject, String, String)}. */
  static Optional<String> text(JsonObject o, String name) {
    return text(o, "", name);
  }

  /** A top-level number field; see {@link #decimal(JsonObject, String, String)}. */
  static Optional<BigDecimal> decimal(JsonObject o, String name) {
    return decimal(o, "", name);
  }

  /** A top-level whole number; see {@link #whole(JsonObject, String, String)}. */
  static Optional<Long> whole(JsonObject o, String name) {
    return whole(o, "", name);
  }

  /** A top-level instant; see {@link #instant(JsonObject, String, String)}. */
  static Optional<Instant> instant(JsonObject o, String name) {
    return instant(o, "", name);
  }
}
