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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One Payara Micro child process serving a WAR at {@code /} on a free port, started the way the
 * launcher starts it ({@code --deploy war --contextroot / --nocluster --port P --rootdir fresh}),
 * or as a member of a {@link Cluster} on the loopback interface. It inherits this JVM's
 * environment, which failsafe fills with the application's configuration (database, SMTP, Slack):
 * every instance works on the one test MariaDB. Its output goes to {@code
 * target/it-payara/<name>/payara.log}. Tests normally use {@link SharedDeployment}; a test that
 * needs an instance of its own (a second one on the same database) starts it here and stops it.
 */
public final class PayaraMicroProcess {

  /** Generous: on a machine shared by many builds a start has taken over four minutes. */
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(8);

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
    return start(name, war, List.of("--nocluster"), Map.of());
  }

  /**
   * As {@link #start(String, Path)}, with some of the inherited environment replaced, e.g. {@code
   * COSTGUARD_DB_URL} for a database of the instance's own.
   */
  public static PayaraMicroProcess start(String name, Path war, Map<String, String> environment) {
    return start(name, war, List.of("--nocluster"), environment);
  }

  /**
   * Starts {@code war} as a member of {@code cluster} (see {@link Cluster#member}) and waits until
   * its {@code /health} answers 200; whether the others see it, its log tells ({@link #logSays}).
   */
  public static PayaraMicroProcess start(String name, Path war, Cluster cluster, int member) {
    return start(name, war, cluster.member(member), Map.of());
  }

  private static PayaraMicroProcess start(
      String name, Path war, List<String> clustering, Map<String, String> environment) {
    Path dir = Path.of("target", "it-payara", name).toAbsolutePath();
    try {
      // A fresh root directory: Payara Micro redeploys what an old one remembers (see launcher/).
      deleteRecursively(dir);
      Files.createDirectories(dir);
      int port = freePort();
      Path log = dir.resolve("payara.log");
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx768m",
                  "-jar",
                  System.getProperty("payara.microJar"),
                  "--deploy",
                  war.toString(),
                  "--contextroot",
                  "/",
                  "--port",
                  Integer.toString(port),
                  "--rootdir",
                  dir.resolve("root").toString()));
      command.addAll(clustering);
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
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

  /**
   * Writes the stacks of every thread of the server to {@code file} ({@code jcmd Thread.print}, the
   * JDK's own tool beside the running {@code java}): what a request that never answered waits for.
   */
  public void threadDump(Path file) throws IOException, InterruptedException {
    Path jcmd =
        Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
    Process dump =
        new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print", "-l")
            .redirectErrorStream(true)
            .redirectOutput(file.toFile())
            .start();
    dump.waitFor(60, TimeUnit.SECONDS);
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

  /**
   * Ends the JVM at once with SIGKILL, as a crash or the OOM killer would: no shutdown hook, no
   * transaction finished, no response completed.
   */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Payara Micro's own Hazelcast data grid on 127.0.0.1 for a test's instances: a cluster name no
   * other test run on the machine uses, TCP/IP discovery of two neighbouring free ports (no
   * multicast, so nothing else on the host joins), one port per member.
   */
  public record Cluster(String name, int firstPort, int members) {

    public static Cluster onLoopback(int members) {
      try {
        return new Cluster("costguard-it-" + UUID.randomUUID(), freePorts(members), members);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The Payara Micro arguments of member {@code index} (0-based). */
    List<String> member(int index) {
      return List.of(
          "--clustername",
          name,
          "--clustermode",
          "tcpip:"
              + IntStream.range(firstPort, firstPort + members)
                  .mapToObj(port -> "127.0.0.1:" + port)
                  .collect(Collectors.joining(",")),
          "--interfaces",
          "127.0.0.1",
          "--startport",
          Integer.toString(firstPort + index),
          "--name",
          name + "-" + index);
    }
  }

  /** Whether the log has this text yet (e.g. the data grid state, {@code DG Size: 2}). */
  public boolean logSays(String text) {
    try {
      return Files.readString(log).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private void awaitHealthy() {
    // HTTP/1.1: with the default HTTP/2 upgrade attempt every /health timed out for minutes once
    // (Payara up, "Connection is closed" in its log), as the launcher's wait did (issue 8).
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(url + "health")).timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    String lastHealth = "no answer";
    try {
      // Payara stays up when the WAR fails to deploy; only its log says so.
      while (Instant.now().isBefore(deadline)
          && process.isAlive()
          && !logSays("Exception while loading the app")) {
        try {
          HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() == 200) {
            return;
          }
          lastHealth = answer.statusCode() + " " + answer.body();
        } catch (IOException notYet) {
          lastHealth = notYet.toString(); // not listening yet, or too slow to answer
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
            + "' did not become healthy (last /health: "
            + lastHealth
            + "); the end of "
            + log
            + ":\n"
            + logTail());
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
    List<String> reserved = reservedPorts();
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        if (!reserved.contains(Integer.toString(socket.getLocalPort()))) {
          return socket.getLocalPort();
        }
      }
    }
  }

  /** {@code count} neighbouring ports free right now, none the build reserved. */
  private static int freePorts(int count) throws IOException {
    while (true) {
      int first = freePort();
      if (first + count > 65535) {
        continue;
      }
      boolean allFree = true;
      for (int port = first + 1; port < first + count && allFree; port++) {
        try (ServerSocket socket = new ServerSocket(port)) {
          allFree = !reservedPorts().contains(Integer.toString(port));
        } catch (IOException taken) {
          allFree = false;
        }
      }
      if (allFree) {
        return first;
      }
    }
  }

  private static List<String> reservedPorts() {
    return Stream.of("it.db.port", "it.slack.port", "it.smtp.port")
        .map(System::getProperty)
        .toList();
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
