package com.costguard.portal.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Slack's Web API, faked at the HTTP boundary on the port failsafe gives the application as {@code
 * SLACK_API_URL}: answers every method {@code ok}, as {@code auth.test} would for our bot, and
 * records which methods were called.
 */
public final class FakeSlackApi implements AutoCloseable {

  private final HttpServer server;
  private final List<String> calls = new CopyOnWriteArrayList<>();

  private FakeSlackApi(HttpServer server) {
    this.server = server;
  }

  public static FakeSlackApi start() throws IOException {
    int port = Integer.parseInt(System.getProperty("it.slack.port"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    FakeSlackApi fake = new FakeSlackApi(server);
    server.createContext("/api/", fake::answer);
    server.start();
    return fake;
  }

  private void answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    calls.add(method);
    byte[] body =
        ("{\"ok\":true,\"url\":\"https://costguard-it.slack.com/\",\"team\":\"Costguard IT\","
                + "\"user\":\"costguard\",\"team_id\":\"T0COSTGUARD\",\"user_id\":\"U0BOT\","
                + "\"bot_id\":\"B0BOT\"}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  public List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
