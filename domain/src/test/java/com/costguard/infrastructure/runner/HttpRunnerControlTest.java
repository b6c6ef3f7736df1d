package com.costguard.infrastructure.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.application.CancelRequest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpRunnerControlTest {

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  private final HttpRunnerControl control = new HttpRunnerControl();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();
  private HttpServer runner;

  @BeforeEach
  void wire() {
    control.executor = executor;
    control.firstBackoff = Duration.ofMillis(20);
  }

  @AfterEach
  void stop() {
    executor.shutdownNow();
    if (runner != null) {
      runner.stop(0);
    }
  }

  /** A runner whose n-th call (from 1) is answered with {@code statusOfCall}. */
  private URI runner(IntSupplier statusOfCall) throws IOException {
    runner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    runner.createContext(
        "/control",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
          exchange.sendResponseHeaders(statusOfCall.getAsInt(), -1);
          exchange.close();
        });
    runner.start();
    return URI.create(
        "http://127.0.0.1:" + runner.getAddress().getPort() + "/control?token=s3cret");
  }

  private void awaitCalls(int calls) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (bodies.size() < calls && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  @Test
  void postsTheCancelAndRetriesUntilTheRunnerAnswers() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    URI url = runner(() -> calls.incrementAndGet() < 3 ? 503 : 204);

    control.requestCancel(new CancelRequest(7, "run \"7\"", url));
    awaitCalls(3);
    Thread.sleep(200);

    assertThat(bodies)
        .hasSize(3)
        .containsOnly("{\"jobId\":7,\"externalId\":\"run \\\"7\\\"\",\"action\":\"cancel\"}");
    assertThat(contentTypes).containsOnly("application/json");
  }

  @Test
  void givesUpAfterItsAttempts() throws Exception {
    URI url = runner(() -> 500);

    control.requestCancel(new CancelRequest(7, "run-7", url));
    awaitCalls(HttpRunnerControl.ATTEMPTS);
    Thread.sleep(300);

    assertThat(bodies).hasSize(HttpRunnerControl.ATTEMPTS);
  }

  @Test
  void anUnreachableRunnerNeverFailsTheCaller() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    control.requestCancel(
        new CancelRequest(7, "run-7", URI.create("http://127.0.0.1:" + closedPort + "/control")));
    Thread.sleep(300);

    assertThat(executor.isShutdown()).isFalse();
  }

  @Test
  void logsShowNeitherUserInfoNorQuery() {
    assertThat(HttpRunnerControl.where(URI.create("https://u:p@runner.example:8443/c/1?t=x#f")))
        .isEqualTo("https://runner.example:8443/c/1");
  }
}
