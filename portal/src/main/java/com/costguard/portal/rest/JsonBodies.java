package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;
import static com.costguard.portal.rest.Jsonp.JSON;

import com.costguard.application.RequestRefusedException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

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

  /**
   * The body read by {@code reader} as it is parsed, without building its tree: {@code reader} gets
   * the parser just past the object's {@code START_OBJECT} and must read up to and including its
   * {@code END_OBJECT}. The body is refused as {@link #object} refuses it (not one JSON object,
   * something after it, too large), whatever {@code reader} has read by then, so a reader keeps
   * what it finds and leaves refusing values to the caller, once the whole body has parsed.
   */
  static <T> T stream(InputStream body, Function<JsonParser, T> reader) {
    return parse(read(body), reader);
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

  /**
   * One JSON object and nothing after it. Whatever the parser refuses is the sender's fault: not
   * only {@link jakarta.json.JsonException} but also the plain {@link RuntimeException}s Parsson
   * throws past its limits (nesting deeper than 1,000, numbers longer than 1,100 characters).
   */
  private static JsonObject parse(byte[] bytes) {
    return parse(bytes, JsonParser::getObject);
  }

  private static <T> T parse(byte[] bytes, Function<JsonParser, T> reader) {
    try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(bytes))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw invalid(null, "the body is not a JSON object");
      }
      T object = reader.apply(parser);
      if (parser.hasNext()) {
        throw invalid(null, "the body has more after its JSON object");
      }
      return object;
    } catch (RequestRefusedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw invalid(null, "the body is not a JSON object");
    }
  }
}
