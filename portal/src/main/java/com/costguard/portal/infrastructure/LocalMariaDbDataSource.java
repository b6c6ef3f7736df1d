package com.costguard.portal.infrastructure;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * MariaDB's data source as a plain {@link DataSource}, so that Payara pools it for local
 * transactions (issue 8). Payara picks the pool's kind from the interfaces of the class it is
 * given, and {@link MariaDbDataSource} is also an {@code XADataSource}: every transaction then ran
 * as XA ({@code XA START}, {@code XA END}, {@code XA COMMIT ... ONE PHASE}), and each further
 * connection a transaction took (a plain JDBC read beside EclipseLink's) was a separate XA branch
 * on its own physical connection, which promoted the transaction to JTS. A local pool shares the
 * transaction's one connection with every reader in it, and commits it with one {@code COMMIT}.
 * Costguard has one database, so it needs no two-phase commit.
 */
public class LocalMariaDbDataSource implements DataSource {

  private final MariaDbDataSource mariaDb = new MariaDbDataSource();

  public void setUrl(String url) throws SQLException {
    mariaDb.setUrl(url);
  }

  public String getUrl() {
    return mariaDb.getUrl();
  }

  public void setUser(String user) throws SQLException {
    mariaDb.setUser(user);
  }

  public String getUser() {
    return mariaDb.getUser();
  }

  public void setPassword(String password) throws SQLException {
    mariaDb.setPassword(password);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return mariaDb.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return mariaDb.getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return mariaDb.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    mariaDb.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    mariaDb.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return mariaDb.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return mariaDb.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
