package com.costguard.infrastructure.startup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A MariaDB named lock ({@code GET_LOCK}) on a connection of its own, held by one starting instance
 * at a time while it creates the bootstrap admin, token and demo data: two instances started
 * together on a fresh database would otherwise both create the admin, and one would fail to deploy
 * on the duplicate (SPEC §7: nothing may assume a single instance). The lock goes with its
 * connection, so an instance that dies holding it frees it.
 */
final class BootstrapLock implements AutoCloseable {

  static final String NAME = "costguard.bootstrap";

  private final Connection connection;

  private BootstrapLock(Connection connection) {
    this.connection = connection;
  }

  /** Waits up to {@code wait} for the lock; throws if another instance holds it longer. */
  static BootstrapLock acquire(DataSource database, Duration wait) throws SQLException {
    Connection connection = database.getConnection();
    try (PreparedStatement lock = connection.prepareStatement("select get_lock(?, ?)")) {
      lock.setString(1, NAME);
      lock.setLong(2, wait.toSeconds());
      try (ResultSet r = lock.executeQuery()) {
        if (r.next() && r.getInt(1) == 1) {
          return new BootstrapLock(connection);
        }
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    connection.close();
    throw new IllegalStateException(
        "another instance has held the bootstrap lock for " + wait + "; giving up");
  }

  @Override
  public void close() throws SQLException {
    try (connection;
        PreparedStatement release = connection.prepareStatement("select release_lock(?)")) {
      release.setString(1, NAME);
      release.execute();
    }
  }
}
