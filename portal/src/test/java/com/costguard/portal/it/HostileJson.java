package com.costguard.portal.it;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Hostile JSON for {@link HostileApiIT}, as raw text so that it can also be what JSON-P would never
 * write: numbers past every limit ({@code 1e999999}), {@code NaN}, lone surrogates, keys given
 * twice, nesting deeper than any parser's stack, values of the wrong type, huge strings.
 */
final class HostileJson {

  private HostileJson() {}

  /** A JSON object written field by field, in order: the same key may appear twice. */
  record Body(List<Map.Entry<String, String>> fields) {

    static Body of(Object... namesAndRawValues) {
      List<Map.Entry<String, String>> fields = new ArrayList<>();
      for (int i = 0; i < namesAndRawValues.length; i += 2) {
        fields.add(Map.entry((String) namesAndRawValues[i], (String) namesAndRawValues[i + 1]));
      }
      return new Body(fields);
    }

    List<String> names() {
      return fields.stream().map(Map.Entry::getKey).toList();
    }

    Body with(String name, String raw) {
      List<Map.Entry<String, String>> changed = new ArrayList<>();
      boolean replaced = false;
      for (var field : fields) {
        if (field.getKey().equals(name)) {
          changed.add(Map.entry(name, raw));
          replaced = true;
        } else {
          changed.add(field);
        }
      }
      if (!replaced) {
        changed.add(Map.entry(name, raw));
      }
      return new Body(changed);
    }

    Body without(String name) {
      return new Body(fields.stream().filter(f -> !f.getKey().equals(name)).toList());
    }

    Body twice(String name, String raw) {
      List<Map.Entry<String, String>> changed = new ArrayList<>(fields);
      changed.add(Map.entry(name, raw));
      return new Body(changed);
    }

    String json() {
      StringBuilder json = new StringBuilder("{");
      for (var field : fields) {
        if (json.length() > 1) {
          json.append(", ");
        }
        json.append(quote(field.getKey())).append(": ").append(field.getValue());
      }
      return json.append('}').toString();
    }
  }

  /** One way to spoil a valid body, described (briefly) for the failure report. */
  record Mutation(String description, java.util.function.UnaryOperator<Body> change) {
    Body apply(Body body) {
      return change.apply(body);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /** What a report shows of a value: huge ones cut. */
  static String brief(String raw) {
    return raw.length() <= 80 ? raw : raw.substring(0, 60) + "... (" + raw.length() + " chars)";
  }

  /** A string as a JSON literal, escaping what JSON requires and nothing else. */
  static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c)) {
            // Lone surrogates are written as escapes: raw, they would not survive UTF-8.
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  /** Any hostile value: numbers, strings, other types, deep or huge values, invalid tokens. */
  static Arbitrary<String> value() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, numbers()),
        Tuple.of(4, strings()),
        Tuple.of(2, otherTypes()),
        Tuple.of(1, deep()),
        Tuple.of(1, huge()),
        Tuple.of(1, invalidTokens()));
  }

  static Arbitrary<String> numbers() {
    Arbitrary<String> edges =
        Arbitraries.of(
            "1e999999",
            "-1e999999",
            "1e-999999",
            "1E+2147483647",
            "1e-2147483648",
            "1e2147483648",
            "0",
            "-0",
            "-0.0",
            "-1",
            "0.0000001",
            "0.000001",
            "1e13",
            "9999999999999.999999",
            "10000000000000",
            "999999999999.9999999",
            "1000000000000.000001",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "2147483648",
            "-2147483649",
            "1.5",
            "80",
            "100",
            "1001",
            "4.9e-324",
            "1.7976931348623157e308",
            "1234567890123456789012345678901234567890.123456789");
    Arbitrary<String> exponents =
        Combinators.combine(
                Arbitraries.integers().between(-99, 99),
                Arbitraries.integers().between(-2_000_000_000, 2_000_000_000))
            .as((m, e) -> m + "e" + e);
    Arbitrary<String> decimals =
        Combinators.combine(
                Arbitraries.bigIntegers()
                    .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)),
                Arbitraries.integers().between(0, 20))
            .as((unscaled, scale) -> new java.math.BigDecimal(unscaled, scale).toPlainString());
    return Arbitraries.oneOf(edges, exponents, decimals, Arbitraries.longs().map(String::valueOf));
  }

  static Arbitrary<String> strings() {
    return rawStrings().map(HostileJson::quote);
  }

  /** Hostile text as a query parameter or path segment would carry it (before URL encoding). */
  static Arbitrary<String> queryValues() {
    return Arbitraries.oneOf(rawStrings(), numbers(), Arbitraries.of("x".repeat(4_000)));
  }

  private static Arbitrary<String> rawStrings() {
    Arbitrary<String> words =
        Arbitraries.of(
            "",
            " ",
            "\t\n",
            "spot",
            "on_demand",
            "calendar_month",
            "rolling_30_days",
            "total",
            "training",
            "progress",
            "paused",
            "interrupted",
            "storage",
            "A",
            "Z",
            "ADMIN",
            "VIEWER",
            "email",
            "slack",
            "in_app",
            "22:00-07:00",
            "25:61-99:99",
            "2026-11-23T10:00:00Z",
            "2026-11-23",
            "2026-02-30",
            "0000-01-01",
            "9999-12-31",
            "+10000-01-01",
            "+999999999-12-31",
            "-999999999-01-01",
            "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "-1000000000-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "1e999999",
            "NaN",
            "-1",
            "http://127.0.0.1:1/",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "'; DROP TABLE budgets; --",
            "\" OR 1=1 --",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}",
            "#{7*7}",
            "\u0000",
            "a\u0000b",
            "\ud800",
            "\udfff\ud800",
            "😀💰",
            "\u202etxt.exe",
            "Ω≈ç√∫˜µ≤≥÷",
            "𝕿𝖍𝖊",
            "it@example.com",
            "not an e-mail",
            "U0123ABCD");
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
    Arbitrary<String> long_ = Arbitraries.strings().withCharRange('a', 'z').ofLength(201);
    return Arbitraries.oneOf(words, words, any, long_);
  }

  static Arbitrary<String> otherTypes() {
    return Arbitraries.of(
        "true",
        "false",
        "null",
        "[]",
        "{}",
        "[null]",
        "[1, \"a\", null, {}]",
        "{\"\": null}",
        "{\"a\": {\"b\": [1e999999]}}",
        "[\"1e999999\"]",
        "[80, 80, 80]",
        "[-1, 0, 1000000]",
        "[\"ADMIN\", \"ADMIN\", \"GOD\"]");
  }

  static Arbitrary<String> deep() {
    return Arbitraries.of(100, 2_000, 100_000)
        .flatMap(
            depth ->
                Arbitraries.of(
                    "[".repeat(depth) + "]".repeat(depth),
                    "{\"a\":".repeat(depth) + "1" + "}".repeat(depth),
                    "[".repeat(depth)));
  }

  static Arbitrary<String> huge() {
    return Arbitraries.of(
        quote("x".repeat(70_000)),
        quote("é😀".repeat(40_000)),
        "9".repeat(100_000),
        "0." + "0".repeat(100_000) + "1",
        "[" + "1,".repeat(100_000) + "1]");
  }

  static Arbitrary<String> invalidTokens() {
    return Arbitraries.of(
        "NaN",
        "Infinity",
        "-Infinity",
        "undefined",
        "'single'",
        "0x1F",
        "01",
        ".5",
        "1.",
        "+1",
        "1e",
        "--1",
        "tru",
        "\"unterminated",
        "\"bad escape \\x41\"",
        "\"\\ud83d\"",
        "[1,]",
        "{\"a\" 1}");
  }

  /** Whole bodies that are no JSON object at all. */
  static Arbitrary<String> wholeBodies() {
    return Arbitraries.of(
        "",
        " ",
        "null",
        "[]",
        "[{}]",
        "\"text\"",
        "42",
        "{",
        "{\"a\": 1",
        "{\"a\": 1}}",
        "{} {}",
        "\ufeff{}",
        "<xml/>",
        "{\"a\": 1,}",
        "[".repeat(100_000));
  }

  /**
   * The mutations of a body with the given field names: set one (known or new) to a hostile value,
   * leave one out, give one twice, or replace the whole body.
   */
  static Arbitrary<Mutation> mutations(List<String> names) {
    Arbitrary<String> name =
        Arbitraries.oneOf(
            Arbitraries.of(names),
            Arbitraries.of(names),
            Arbitraries.of("id", "", "__proto__", "version", "createdAt", "ünïcødé", "a.b")
                .map(String::valueOf));
    Arbitrary<Mutation> set =
        Combinators.combine(name, value())
            .as((n, v) -> new Mutation("set " + n + " = " + brief(v), b -> b.with(n, v)));
    Arbitrary<Mutation> remove =
        Arbitraries.of(names).map(n -> new Mutation("leave out " + n, b -> b.without(n)));
    Arbitrary<Mutation> duplicate =
        Combinators.combine(Arbitraries.of(names), value())
            .as(
                (n, v) ->
                    new Mutation("give " + n + " twice, then " + brief(v), b -> b.twice(n, v)));
    return Arbitraries.frequencyOf(Tuple.of(6, set), Tuple.of(2, remove), Tuple.of(2, duplicate));
  }
}
