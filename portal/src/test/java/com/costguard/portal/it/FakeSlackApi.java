package com.costguard.portal.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Slack's Web API, faked at the HTTP boundary on the port failsafe gives the application as {@code
 * SLACK_API_URL}. It records every call with its parameters and answers as Slack does: {@code
 * auth.test} for our bot, {@code chat.postMessage} with a fresh {@code ts}, the users a test put in
 * its directory for {@code users.lookupByEmail} and {@code users.info} (others are {@code
 * users_not_found} / {@code user_not_found}), {@code conversations.history} and {@code
 * conversations.replies} from the messages posted so far (with their metadata), and {@code ok} for
 * the rest. A test can make the next calls of a method fail: an error answer, a 5xx, or a 429 with
 * {@code Retry-After}; and it can make a method slow: the call takes effect when it arrives, as in
 * Slack, and is answered only later.
 */
public final class FakeSlackApi implements AutoCloseable {

  /**
   * One call as received, the HTTP status it was answered with and, for {@code chat.postMessage},
   * the {@code ts} the new message got (else null).
   */
  public record Call(String method, Map<String, String> params, int status, String ts) {

    public String param(String name) {
      return params.get(name);
    }

    /**
     * A JSON parameter such as {@code blocks} or {@code view}, as text ("" when absent), with the
     * escapes Slack's client writes ({@code \u003c} for {@code <}) read back as characters.
     */
    public String json(String name) {
      String json = params.get(name);
      return json == null ? "" : Json.createReader(new StringReader(json)).readValue().toString();
    }

    public JsonObject view() {
      return Json.createReader(new StringReader(params.get("view"))).readObject();
    }
  }

  /**
   * A scripted failure, for calls with a parameter containing {@code when} ("" for any), answered
   * after {@code delayMillis}.
   */
  private record Failure(
      int status, String error, Optional<Integer> retryAfter, String when, long delayMillis) {

    Failure(int status, String error, Optional<Integer> retryAfter, String when) {
      this(status, error, retryAfter, when, 0);
    }

    boolean applies(Map<String, String> params) {
      return when.isEmpty() || params.values().stream().anyMatch(v -> v.contains(when));
    }
  }

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, String> emailsById = new ConcurrentHashMap<>();
  private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();

  /**
   * Message timestamps, unique in the whole test run as Slack's are in a channel: the fakes of
   * several test classes post to the same channels of one database, where the application finds a
   * message by channel and ts.
   */
  private static final AtomicLong TS = new AtomicLong(1_800_000_000_000_000L);

  private final Map<String, Duration> slow = new ConcurrentHashMap<>();

  private FakeSlackApi(HttpServer server) {
    this.server = server;
  }

  public static FakeSlackApi start() throws IOException {
    return start(Integer.parseInt(System.getProperty("it.slack.port")));
  }

  /** A fake on another port, for an application instance of a test's own. */
  public static FakeSlackApi start(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    FakeSlackApi fake = new FakeSlackApi(server);
    server.createContext("/api/", fake::answer);
    // A daemon thread per call: one slow answer must not hold up the others.
    server.setExecutor(
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "fake-slack");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
    return fake;
  }

  /** Slack knows a user with this id and e-mail. */
  public void knows(String slackUserId, String email) {
    emailsById.put(slackUserId, email);
  }

  /**
   * The next {@code times} calls of {@code method} that carry {@code when} in a parameter answer
   * HTTP 429 with this Retry-After.
   */
  public void rateLimitNext(String method, int times, int retryAfterSeconds, String when) {
    for (int i = 0; i < times; i++) {
      queue(method).add(new Failure(429, "ratelimited", Optional.of(retryAfterSeconds), when));
    }
  }

  /**
   * The next {@code times} calls of {@code method} that carry {@code when} answer with this status
   * (e.g. 503).
   */
  public void failNext(String method, int times, int status, String when) {
    for (int i = 0; i < times; i++) {
      queue(method).add(new Failure(status, "fatal_error", Optional.empty(), when));
    }
  }

  /**
   * The next {@code times} calls of {@code method} that carry {@code when} are answered only after
   * {@code delay}, with a 503 (a Slack that crawls and then fails: the message was not posted).
   */
  public void slowNext(String method, int times, Duration delay, String when) {
    for (int i = 0; i < times; i++) {
      queue(method)
          .add(new Failure(503, "service_unavailable", Optional.empty(), when, delay.toMillis()));
    }
  }

  /**
   * Calls of {@code method} take effect when they arrive but are answered {@code delay} later (or
   * never, should the caller die meanwhile); {@link Duration#ZERO} makes them quick again.
   */
  public void answerSlowly(String method, Duration delay) {
    slow.put(method, delay);
  }

  private Deque<Failure> queue(String method) {
    return failures.computeIfAbsent(method, m -> new ArrayDeque<>());
  }

  private void answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    Map<String, String> params =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Failure failure;
    synchronized (failures) {
      Deque<Failure> queued = failures.get(method);
      failure =
          queued == null
              ? null
              : queued.stream().filter(f -> f.applies(params)).findFirst().orElse(null);
      if (failure != null) {
        queued.remove(failure);
      }
    }
    if (failure != null) {
      calls.add(new Call(method, params, failure.status(), null));
      pause(failure.delayMillis());
      failure
          .retryAfter()
          .ifPresent(s -> exchange.getResponseHeaders().add("Retry-After", String.valueOf(s)));
      send(exchange, failure.status(), "{\"ok\":false,\"error\":\"" + failure.error() + "\"}");
      return;
    }
    String messageTs = method.equals("chat.postMessage") ? nextTs() : params.get("ts");
    calls.add(new Call(method, params, 200, messageTs));
    Duration delay = slow.getOrDefault(method, Duration.ZERO);
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    send(exchange, 200, body(method, params, messageTs));
  }

  private String body(String method, Map<String, String> params, String messageTs) {
    return switch (method) {
      case "chat.postMessage", "chat.update" ->
          "{\"ok\":true,\"channel\":\"%s\",\"ts\":\"%s\"}"
              .formatted(params.getOrDefault("channel", ""), messageTs);
      case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + nextTs() + "\"}";
      case "conversations.history" ->
          messages(
              params,
              c ->
                  c.param("channel").equals(params.get("channel")) && c.param("thread_ts") == null);
      case "conversations.replies" ->
          messages(
              params,
              c ->
                  c.param("channel").equals(params.get("channel"))
                      && (params.get("ts").equals(c.param("thread_ts"))
                          || params.get("ts").equals(c.ts())));
      case "users.lookupByEmail" ->
          emailsById.entrySet().stream()
              .filter(e -> e.getValue().equalsIgnoreCase(params.getOrDefault("email", "")))
              .findFirst()
              .map(e -> "{\"ok\":true,\"user\":{\"id\":\"" + e.getKey() + "\"}}")
              .orElse("{\"ok\":false,\"error\":\"users_not_found\"}");
      case "users.info" ->
          Optional.ofNullable(emailsById.get(params.getOrDefault("user", "")))
              .map(
                  email ->
                      "{\"ok\":true,\"user\":{\"id\":\"%s\",\"profile\":{\"email\":\"%s\"}}}"
                          .formatted(params.get("user"), email))
              .orElse("{\"ok\":false,\"error\":\"user_not_found\"}");
      default ->
          "{\"ok\":true,\"url\":\"https://costguard-it.slack.com/\",\"team\":\"Costguard IT\","
              + "\"user\":\"costguard\",\"team_id\":\"T0COSTGUARD\",\"user_id\":\"U0BOT\","
              + "\"bot_id\":\"B0BOT\"}";
    };
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The posted messages that pass {@code filter} and are newer than {@code oldest}, newest first.
   */
  private String messages(Map<String, String> params, Predicate<Call> filter) {
    BigDecimal oldest = new BigDecimal(params.getOrDefault("oldest", "0"));
    List<Call> posted = accepted("chat.postMessage");
    List<String> found = new ArrayList<>();
    for (int i = posted.size() - 1; i >= 0; i--) {
      Call c = posted.get(i);
      if (filter.test(c) && new BigDecimal(c.ts()).compareTo(oldest) >= 0) {
        JsonObjectBuilder message =
            Json.createObjectBuilder()
                .add("type", "message")
                .add("ts", c.ts())
                .add("text", c.params().getOrDefault("text", ""));
        if (c.param("thread_ts") != null) {
          message.add("thread_ts", c.param("thread_ts"));
        }
        if (c.param("metadata") != null) {
          message.add(
              "metadata", Json.createReader(new StringReader(c.param("metadata"))).readObject());
        }
        found.add(message.build().toString());
      }
    }
    return "{\"ok\":true,\"has_more\":false,\"messages\":[" + String.join(",", found) + "]}";
  }

  private String nextTs() {
    long n = TS.incrementAndGet();
    return (n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> params = new LinkedHashMap<>();
    if (body.isEmpty() || body.startsWith("{")) {
      return params;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  /** The methods called so far, in order. */
  public List<String> calls() {
    return calls.stream().map(Call::method).toList();
  }

  /** Every call of {@code method} so far, failed ones included, in order. */
  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** The calls of {@code method} that were answered 200 and took effect. */
  public List<Call> accepted(String method) {
    return calls(method).stream().filter(c -> c.status() == 200).toList();
  }

  @Override
  public void close() {
    slow.clear();
    server.stop(0);
  }
}
