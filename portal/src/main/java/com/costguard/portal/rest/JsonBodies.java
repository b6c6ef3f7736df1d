package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;

/** Parses request bodies ourselves, so malformed JSON gets SPEC §5's error, not a stack trace. */
final class JsonBodies {

  private JsonBodies() {}

  static JsonObject object(InputStream body) {
    try (JsonReader reader = Json.createReader(body)) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw invalid(null, "the body is not a JSON object");
    }
  }
}
