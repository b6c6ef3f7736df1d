package com.costguard.portal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Payara Micro child process serving a WAR at {@code /} on a free port, started the way the
 * launcher starts it ({@code --deploy war --contextroot / --nocluster --port P --rootdir fresh}).
 * It inherits this JVM's environment, which failsafe fills with the application's configuration
 * (database, SMTP, Slack): every instance works on the one test MariaDB. Its output goes to {@code
 * target/it-payara/<name>/payara.log}. Tests normally use {@link SharedDeployment}; a test that
 * needs an instance of its own (a second one on the same database) starts it here and stops it.
 */
public final class PayaraMicroProcess {

  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);

  private final String name;
  private final Process process;
  private final Path log;
  private final URL url;

  private PayaraMicroProcess(String name, Process process, Path log, URL url) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.url = url;
  }

  /**
   * Starts {@code war} and waits until its {@code /health} answers 200.
   *
   * @param name names the instance's directory under {@code target/it-payara/}; unique per JVM
   * @throws IllegalStateException with the log's tail if it does not come up
   */
  public static PayaraMicroProcess start(String name, Path war) {
    return start(name, war, Map.of());
  }

  /**
   * As {@link #start(String, Path)}, with some of the inherited environment replaced, e.g. {@code
   * COSTGUARD_DB_URL} for a database of the instance's own.
   */
  public static PayaraMicroProcess start(String name, Path war, Map<String, String> environment) {
    Path dir = Path.of("target", "it-payara", name).toAbsolutePath();
    try {
      // A fresh root directory: Payara Micro redeploys what an old one remembers (see launcher/).
      deleteRecursively(dir);
      Files.createDirectories(dir);
      int port = freePort();
      Path log = dir.resolve("payara.log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-Xmx768m",
                      "-jar",
                      System.getProperty("payara.microJar"),
                      "--deploy",
                      war.toString(),
                      "--contextroot",
                      "/",
                      "--nocluster",
                      "--port",
                      Integer.toString(port),
                      "--rootdir",
                      dir.resolve("root").toString()))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      PayaraMicroProcess started =
          new PayaraMicroProcess(
              name, builder.start(), log, URI.create("http://127.0.0.1:" + port + "/").toURL());
      started.awaitHealthy();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start Payara Micro '" + name + "'", e);
    }
  }

  /** The server's log so far (e.g. to check that it logged no SEVERE). */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL, ending in {@code /}, as Arquillian's {@code @ArquillianResource URL} is. */
  public URL url() {
    return url;
  }

  /** Asks Payara to stop (SIGTERM) and waits; kills it if it takes longer than 30 s. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitHealthy() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(url + "health")).timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    try {
      // Payara stays up when the WAR fails to deploy; only its log says so.
      while (Instant.now().isBefore(deadline)
          && process.isAlive()
          && !logSays("Exception while loading the app")) {
        try {
          if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop();
    throw new IllegalStateException(
        "Payara Micro '"
            + name
            + "' did not become healthy; the end of "
            + log
            + ":\n"
            + logTail());
  }

  private boolean logSays(String text) {
    try {
      return Files.readString(log).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * A port free right now, which Payara binds a moment later (Arquillian's adapter does the same);
   * never one the build reserved for the database, the fake Slack or GreenMail, which tests bind
   * only while they run.
   */
  private static int freePort() throws IOException {
    List<String> reserved =
        Stream.of("it.db.port", "it.slack.port", "it.smtp.port").map(System::getProperty).toList();
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        if (!reserved.contains(Integer.toString(socket.getLocalPort()))) {
          return socket.getLocalPort();
        }
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "Payara Micro '" + name + "' at " + url;
  }
}
