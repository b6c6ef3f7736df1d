package com.costguard.launcher;

import java.io.IOException;
import java.net.URI;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Payara Micro in a child process, serving the WAR at {@code /}, its output in a log file. */
public final class PayaraMicro {

  private final Process process;
  private final Path log;
  private final int port;

  private PayaraMicro(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** The run command's JVM options: a heap cap with room for a busy portal. */
  static final List<String> JVM_OPTIONS = List.of("-Xmx1g");

  static PayaraMicro start(Path runtime, int port, Map<String, String> environment, Path log)
      throws IOException {
    return start(runtime, port, environment, log, JVM_OPTIONS);
  }

  /**
   * Starts Payara Micro with these JVM options (the benchmark caps the heap lower and logs the GC).
   */
  public static PayaraMicro start(
      Path runtime, int port, Map<String, String> environment, Path log, List<String> jvmOptions)
      throws IOException {
    Files.createDirectories(log.getParent());
    // Payara Micro remembers in its root directory what it deployed and deploys that again at
    // boot; --deploy then undeploys and redeploys it. /health says UP in between, so the portal
    // would vanish for seconds after the banner. Each start begins with a fresh root directory.
    Path rootDir = log.getParent().resolveSibling("payara");
    deleteRecursively(rootDir);
    ProcessBuilder builder =
        new ProcessBuilder(command(runtime, port, rootDir, jvmOptions))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return new PayaraMicro(builder.start(), log, port);
  }

  private static List<String> command(
      Path runtime, int port, Path rootDir, List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            runtime.resolve("payara-micro.jar").toString(),
            "--deploy",
            runtime.resolve("costguard.war").toString(),
            "--contextroot",
            "/",
            "--port",
            Integer.toString(port),
            "--nocluster",
            "--rootdir",
            rootDir.toString()));
    return command;
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /** Waits until {@code /health} answers 200, or the process dies, or the time is up. */
  public boolean awaitHealthy(Duration timeout) throws InterruptedException {
    // HTTP/1.1: the default HTTP/2 upgrade attempt on a plain connection once hung a send for
    // minutes, its request timeout notwithstanding (Payara up, /health UP, the benchmark waiting).
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline) && process.isAlive() && !deploymentFailed()) {
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(1000);
    }
    return false;
  }

  /** Payara stays up when the WAR fails to deploy; its log says so. */
  private boolean deploymentFailed() {
    try {
      return Files.readString(log).contains("Exception while loading the app");
    } catch (IOException e) {
      return false;
    }
  }

  /** The process id of Payara's JVM, for jcmd. */
  public long pid() {
    return process.pid();
  }

  int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Asks Payara to stop (SIGTERM) and waits; kills it if it takes longer than 30 s. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** The last lines of the log, to show why a start failed. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(could not read " + log + ": " + e.getMessage() + ")";
    }
  }
}
