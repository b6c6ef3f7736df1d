package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.model.user.PasswordHash;
import com.costguard.model.user.Secrets;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Secrets (issue 9, SPEC §7): API tokens and passwords are kept only as hashes, and no token,
 * password or Slack secret reaches a log. The logs are checked here for what ran before this class,
 * and again when the whole run has ended ({@link ServerLogsAtEnd}).
 */
@SharedDeployment
class SecretsIT {

  @ArquillianResource URL base;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(base);
  }

  @Test
  void tokensAndPasswordsAreStoredOnlyAsHashes() throws Exception {
    String password = "pw-" + UUID.randomUUID();
    ServerLogs.used(password);
    String email = "it-secrets-" + UUID.randomUUID() + "@example.com";
    Api.Answer created =
        api.post(
            "api/v1/users",
            "{\"email\": \"%s\", \"name\": \"Secretive\", \"roles\": [\"VIEWER\"], \"password\": \"%s\"}"
                .formatted(email, password));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValueExact();
    Api.Answer issued = api.post("api/v1/users/" + id + "/tokens", "{\"label\": \"runner\"}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    String token = issued.json().getString("token");
    assertThat(token).startsWith("cg_");
    assertThat(api.get("api/v1/users/me", token).status()).isEqualTo(200);

    String passwordHash = one("select password_hash from users where id = " + id);
    assertThat(passwordHash).isNotEqualTo(password).doesNotContain(password);
    assertThat(PasswordHash.matches(password.toCharArray(), passwordHash)).isTrue();
    assertThat(column("select token_hash from api_tokens where user_id = " + id))
        .containsExactly(Secrets.tokenHash(token));
    // nowhere in the tables that hold users, tokens and what was done to them
    for (String table : List.of("users", "api_tokens", "audit_log")) {
      assertThat(dump(table))
          .as(table)
          .doesNotContain(password)
          .doesNotContain(token)
          .doesNotContain("it-api-token")
          .doesNotContain("it-admin-password");
    }
    // nor in what the API answers about the user
    for (String read : List.of("api/v1/users/" + id, "api/v1/users")) {
      assertThat(api.get(read).body()).doesNotContain(password).doesNotContain(passwordHash);
    }
  }

  @Test
  void refusedSecretsAreNotLoggedEither() throws Exception {
    String wrongToken = Secrets.generate("cg_", 24);
    assertThat(api.get("api/v1/users/me", wrongToken).status()).isEqualTo(401);
    String wrongSecret = "it-wrong-signing-" + UUID.randomUUID();
    ServerLogs.used(wrongSecret);
    URI slack = URI.create(base.toString()).resolve("slack/events");
    // Bolt calls auth.test when it serves its first request: Slack must answer.
    try (FakeSlackApi fake = FakeSlackApi.start()) {
      assertThat(
              api.send(
                      SlackRequests.signed(
                          slack, SlackRequests.slashCommand("help"), Instant.now(), wrongSecret))
                  .status())
          .isEqualTo(401);
    }

    assertThat(ServerLogs.findings()).isEmpty();
  }

  private static String one(String sql) throws Exception {
    return column(sql).get(0);
  }

  private static List<String> column(String sql) throws Exception {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query = db.prepareStatement(sql);
        ResultSet r = query.executeQuery()) {
      java.util.ArrayList<String> values = new java.util.ArrayList<>();
      while (r.next()) {
        values.add(r.getString(1));
      }
      return values;
    }
  }

  /** Every column of every row of {@code table}, as text. */
  private static String dump(String table) throws Exception {
    StringBuilder text = new StringBuilder();
    try (Connection db = TestDatabase.connect();
        PreparedStatement query = db.prepareStatement("select * from " + table);
        ResultSet r = query.executeQuery()) {
      ResultSetMetaData columns = r.getMetaData();
      while (r.next()) {
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          text.append(r.getString(i)).append('\t');
        }
        text.append('\n');
      }
    }
    return text.toString();
  }
}
