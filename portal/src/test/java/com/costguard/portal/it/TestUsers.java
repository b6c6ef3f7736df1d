package com.costguard.portal.it;

import com.costguard.model.user.PasswordHash;
import com.costguard.model.user.Secrets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Users of each role for authorisation tests, written straight into the test database so that tests
 * of other resources do not depend on {@code /users} (which {@code UsersIT} tests): returns an API
 * token of a new user with {@code roles}.
 */
public final class TestUsers {

  private TestUsers() {}

  /** A new user's name and API token. */
  public record TestUser(String username, String token) {}

  public static String tokenFor(String... roles) throws SQLException {
    return create(roles).token();
  }

  /** A new user with {@code roles}, when a test needs to know who acted. */
  public static TestUser create(String... roles) throws SQLException {
    String name = "it-" + UUID.randomUUID();
    String token = Secrets.generate("it_", 24);
    ServerLogs.used(token);
    try (Connection db = TestDatabase.connect()) {
      long userId;
      try (PreparedStatement user =
          db.prepareStatement(
              "insert into users (username, email, name, roles, created_at) values (?, ?, ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        user.setString(1, name);
        user.setString(2, name + "@example.com");
        user.setString(3, name);
        user.setString(4, String.join(",", roles));
        user.setObject(5, LocalDateTime.now(ZoneOffset.UTC));
        user.executeUpdate();
        try (ResultSet keys = user.getGeneratedKeys()) {
          keys.next();
          userId = keys.getLong(1);
        }
      }
      try (PreparedStatement tokens =
          db.prepareStatement(
              "insert into api_tokens (user_id, token_hash, label, created_at) values (?, ?, ?, ?)")) {
        tokens.setLong(1, userId);
        tokens.setString(2, Secrets.tokenHash(token));
        tokens.setString(3, "test");
        tokens.setObject(4, LocalDateTime.now(ZoneOffset.UTC));
        tokens.executeUpdate();
      }
    }
    return new TestUser(name, token);
  }

  /**
   * A new user with {@code roles} who signs in to the portal with {@code password}; returns the
   * username.
   */
  public static String withPassword(String password, String... roles) throws SQLException {
    String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
    ServerLogs.used(password);
    try (Connection db = TestDatabase.connect();
        PreparedStatement user =
            db.prepareStatement(
                "insert into users (username, email, name, roles, password_hash, created_at)"
                    + " values (?, ?, ?, ?, ?, ?)")) {
      user.setString(1, name);
      user.setString(2, name + "@example.com");
      user.setString(3, name);
      user.setString(4, String.join(",", roles));
      user.setString(5, PasswordHash.of(password.toCharArray()));
      user.setObject(6, LocalDateTime.now(ZoneOffset.UTC));
      user.executeUpdate();
    }
    return name;
  }
}
