package com.costguard.infrastructure.health;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a failure caused by the database being unreachable (stopped, restarting, network gone) from
 * any other: the first is answered "try again later" (HTTP 503 with {@code Retry-After}) and heals
 * by itself once MariaDB is back, the second is a bug (HTTP 500, logged with its stack).
 *
 * <p>What it recognises, wherever it sits in the cause chain (EclipseLink, JTA and the pool each
 * wrap the driver's exception): the JDBC connection exceptions, SQL states of class {@code 08}
 * (connection exception), and the pool's "could not allocate a connection", which is all a request
 * sees once the pool has given up on a dead server.
 */
public final class DatabaseOutage {

  /** How long a client is asked to wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseOutage() {}

  public static boolean causedBy(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (connectionLost(t)) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        if (connectionLost(sql.getNextException())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean connectionLost(Throwable t) {
    if (t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLRecoverableException) {
      return true;
    }
    if (t instanceof SQLException sql) {
      String state = sql.getSQLState();
      if (state != null && state.startsWith("08")) {
        return true;
      }
    }
    String message = t.getMessage();
    // Payara's pool, once no connection can be made: "Error in allocating a connection".
    return message != null && message.contains("Error in allocating a connection");
  }
}
