package com.costguard.portal.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Test payloads kept as resource files, with {@code ${name}} placeholders filled per test. */
public final class Fixtures {

  private Fixtures() {}

  public static String load(String name, Map<String, String> values) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (var entry : values.entrySet()) {
        text = text.replace("${" + entry.getKey() + "}", entry.getValue());
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
