package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;
import static com.costguard.portal.rest.Jsonp.JSON;

import com.costguard.application.RequestRefusedException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Parses request bodies ourselves, so malformed JSON gets SPEC §5's error, not a stack trace, and
 * an oversized body is refused before it is parsed.
 */
final class JsonBodies {

  /** Room for a full batch of 10,000 events with attribution and metadata. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  private JsonBodies() {}

  static JsonObject object(InputStream body) {
    return parse(read(body));
  }

  /** A body that may be left out: empty (or only white space) reads as {@code {}}. */
  static JsonObject objectOrEmpty(InputStream body) {
    byte[] bytes = read(body);
    return new String(bytes, StandardCharsets.UTF_8).isBlank()
        ? JsonValue.EMPTY_JSON_OBJECT
        : parse(bytes);
  }

  private static byte[] read(InputStream body) {
    byte[] bytes;
    try {
      bytes = body.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new RequestRefusedException(
          RequestRefusedException.Reason.TOO_LARGE,
          null,
          "the body is larger than %d MiB".formatted(MAX_BYTES / 1024 / 1024));
    }
    return bytes;
  }

  private static JsonObject parse(byte[] bytes) {
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw invalid(null, "the body is not a JSON object");
    }
  }
}
