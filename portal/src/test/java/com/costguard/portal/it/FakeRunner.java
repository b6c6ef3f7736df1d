package com.costguard.portal.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job runner's control endpoint on a free local port: records the bodies POSTed to {@code
 * /control} and answers the first {@code failures} of them with 503, to exercise retries.
 */
public final class FakeRunner implements AutoCloseable {

  private final HttpServer server;
  private final int failures;
  private final AtomicInteger calls = new AtomicInteger();
  private final List<String> bodies = new CopyOnWriteArrayList<>();

  private FakeRunner(HttpServer server, int failures) {
    this.server = server;
    this.failures = failures;
  }

  public static FakeRunner start(int failures) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    FakeRunner runner = new FakeRunner(server, failures);
    server.createContext("/control", runner::answer);
    server.start();
    return runner;
  }

  private void answer(HttpExchange exchange) throws IOException {
    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    exchange.sendResponseHeaders(calls.incrementAndGet() <= failures ? 503 : 204, -1);
    exchange.close();
  }

  public String controlUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/control";
  }

  /** Every body POSTed so far, failed attempts included. */
  public List<String> bodies() {
    return List.copyOf(bodies);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
