package com.costguard.benchmark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slack's Web API on a local port ({@code SLACK_API_URL} points the application at it): answers
 * {@code auth.test} for the bot and {@code chat.postMessage} with a fresh {@code ts}, and notes
 * when each message arrived ({@link System#nanoTime}, the clock the benchmark times answers with).
 */
final class FakeSlack implements AutoCloseable {

  /** A {@code chat.postMessage} as received: when, and its text. */
  record Post(long receivedNanos, String text) {

    /**
     * Whether it is an alert itself, not the breakdown Costguard replies with in its thread (so
     * that each alert is counted once).
     */
    boolean alert() {
      return !text.startsWith("Breakdown of ");
    }
  }

  private final HttpServer server;
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final AtomicLong ts = new AtomicLong(1_800_000_000_000_000L);

  private FakeSlack(HttpServer server) {
    this.server = server;
  }

  static FakeSlack start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    FakeSlack fake = new FakeSlack(server);
    server.createContext("/api/", fake::answer);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return fake;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  List<Post> posts() {
    return posts;
  }

  private void answer(HttpExchange exchange) throws IOException {
    long received = System.nanoTime();
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String answer;
    if (method.equals("chat.postMessage")) {
      posts.add(new Post(received, param(body, "text")));
      long n = ts.incrementAndGet();
      answer =
          "{\"ok\":true,\"channel\":\"C0BENCH\",\"ts\":\"%d.%06d\"}"
              .formatted(n / 1_000_000, n % 1_000_000);
    } else {
      answer =
          "{\"ok\":true,\"url\":\"https://costguard-bench.slack.com/\",\"team\":\"Bench\","
              + "\"user\":\"costguard\",\"team_id\":\"T0BENCH\",\"user_id\":\"U0BOT\","
              + "\"bot_id\":\"B0BOT\"}";
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A form or JSON parameter's value ("" when absent); only the text is needed here. */
  private static String param(String body, String name) {
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    // Some clients post JSON: good enough to find a budget's name in it.
    return body;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
