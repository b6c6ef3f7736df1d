package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.model.user.PasswordHash;
import com.costguard.model.user.Secrets;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Users and their API tokens over REST against the real WAR in Payara Micro and a real MariaDB. The
 * database is shared with the other tests, so every user here has an e-mail and a Slack id of its
 * own. The rule that the last ADMIN keeps the role cannot be shown here without taking the role
 * from everyone else's ADMINs; {@code UserServiceTest} shows it.
 */
@SharedDeployment
class UsersIT {

  private static final String USERS = "api/v1/users";
  private static final String PASSWORD = "it-password-of-ada";

  @ArquillianResource URL base;

  private Api api;
  private String email;
  private String slack;

  @BeforeEach
  void setUp() {
    api = new Api(base);
    String run = UUID.randomUUID().toString();
    email = "it-" + run + "@example.com";
    slack = "U" + run.replace("-", "").toUpperCase(Locale.ROOT);
  }

  private String user() {
    return Fixtures.load("user.json", Map.of("email", email, "password", PASSWORD, "slack", slack));
  }

  private JsonObject created() {
    Api.Answer created = api.post(USERS, user());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  private static long id(JsonObject user) {
    return user.getJsonNumber("id").longValue();
  }

  private JsonObject read(long id) {
    Api.Answer answer = api.get(USERS + "/" + id);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private String issued(long id, String body) {
    Api.Answer token = api.post(USERS + "/" + id + "/tokens", body);
    assertThat(token.status()).as(token.body()).isEqualTo(201);
    return token.json().getString("token");
  }

  private Api.Answer reportCost(String token) {
    return api.post(
        "api/v1/cost-events",
        Fixtures.load(
            "cost-event.json",
            Map.of(
                "key",
                "it-users-" + UUID.randomUUID(),
                "at",
                Instant.now().toString(),
                "amount",
                "0.01",
                "client",
                "it-users")),
        token);
  }

  private static List<String> roles(JsonObject user) {
    return user.getJsonArray("roles").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  @Test
  void anAdminAddsAUserAndIssuesATokenThatActsAsThem() throws SQLException {
    Api.Answer created = api.post(USERS, user());

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonObject json = created.json();
    long id = id(json);
    assertThat(created.location())
        .hasValueSatisfying(l -> assertThat(l).endsWith(USERS + "/" + id));
    assertThat(json.keySet())
        .containsExactlyInAnyOrder(
            "id", "username", "email", "name", "roles", "slackUserId", "createdAt");
    assertThat(json.getString("username")).isEqualTo(email);
    assertThat(json.getString("email")).isEqualTo(email);
    assertThat(json.getString("name")).isEqualTo("Ada Lovelace");
    assertThat(roles(json)).containsExactly("VIEWER");
    assertThat(json.getString("slackUserId")).isEqualTo(slack);
    assertThat(Instant.parse(json.getString("createdAt"))).isBeforeOrEqualTo(Instant.now());
    assertThat(api.get(created.location().orElseThrow()).body()).isEqualTo(created.body());

    Api.Answer token = api.post(USERS + "/" + id + "/tokens", "{\"label\": \"it runner\"}");

    assertThat(token.status()).as(token.body()).isEqualTo(201);
    assertThat(token.json().keySet()).containsExactlyInAnyOrder("token", "label", "createdAt");
    assertThat(token.json().getString("label")).isEqualTo("it runner");
    assertThat(token.header("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    String viewer = token.json().getString("token");

    Api.Answer me = api.get(USERS + "/me", viewer);
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.json()).isEqualTo(json);
    Api.Answer refused = reportCost(viewer);
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.json().getString("error")).isEqualTo("forbidden");

    // Roles are the user's as they are now, whichever token acts for them.
    Api.Answer engineer = api.put(USERS + "/" + id, "{\"roles\": [\"ENGINEER\"]}", Api.TOKEN);
    assertThat(engineer.status()).as(engineer.body()).isEqualTo(200);
    assertThat(reportCost(viewer).status()).isEqualTo(202);
    assertThat(roles(api.get(USERS + "/me", viewer).json())).containsExactly("ENGINEER");

    // The token and the password are kept only as hashes, and never answered.
    for (String answer :
        List.of(
            api.get(USERS).body(), read(id).toString(), api.get(USERS + "/me", viewer).body())) {
      assertThat(answer)
          .doesNotContain(viewer)
          .doesNotContain(Secrets.tokenHash(viewer))
          .doesNotContain(PASSWORD)
          .doesNotContain("pbkdf2")
          .doesNotContainIgnoringCase("password");
    }
    assertThat(listedIds()).contains(id);
    try (Connection db = TestDatabase.connect()) {
      assertThat(column(db, "select password_hash from users where id = ?", id))
          .singleElement()
          .satisfies(h -> assertThat(PasswordHash.matches(PASSWORD.toCharArray(), h)).isTrue());
      assertThat(column(db, "select token_hash from api_tokens where user_id = ?", id))
          .containsExactly(Secrets.tokenHash(viewer));
      assertThat(column(db, "select label from api_tokens where user_id = ?", id))
          .containsExactly("it runner");
    }
  }

  @Test
  void aUserMayHoldSeveralTokensAndALabelIsOptional() {
    long id = id(created());

    String first = issued(id, "");
    String second = issued(id, "{}");

    assertThat(first).isNotEqualTo(second);
    assertThat(api.get(USERS + "/me", first).json().getString("email")).isEqualTo(email);
    assertThat(api.get(USERS + "/me", second).json().getString("email")).isEqualTo(email);
    Api.Answer labelled = api.post(USERS + "/" + id + "/tokens", "{\"label\": null}");
    assertThat(labelled.json().getString("label")).isEqualTo("api");
    Api.Answer tooLong =
        api.post(USERS + "/" + id + "/tokens", "{\"label\": \"" + "l".repeat(201) + "\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().getString("field")).isEqualTo("label");
  }

  @Test
  void nonAdminsAreRefusedOnEveryUsersEndpointButReadThemselves() throws SQLException {
    long id = id(created());
    JsonObject before = read(id);

    for (String role : List.of("VIEWER", "ENGINEER", "APPROVER", "BUDGET_MANAGER")) {
      String token = TestUsers.tokenFor(role);
      String other = "it-" + UUID.randomUUID() + "@example.com";
      List<Api.Answer> refused =
          List.of(
              api.get(USERS, token),
              api.get(USERS + "/" + id, token),
              api.get(USERS + "/" + Long.MAX_VALUE, token),
              api.post(USERS, user().replace(email, other).replace(slack, "W" + slack), token),
              api.put(USERS + "/" + id, "{\"roles\": [\"ADMIN\"]}", token),
              api.post(USERS + "/" + id + "/tokens", "{}", token));

      assertThat(refused).as(role).extracting(Api.Answer::status).containsOnly(403);
      assertThat(refused).extracting(a -> a.json().getString("error")).containsOnly("forbidden");
      assertThat(refused).extracting(Api.Answer::body).noneMatch(b -> b.contains(email));
      Api.Answer me = api.get(USERS + "/me", token);
      assertThat(me.status()).as(role).isEqualTo(200);
      assertThat(roles(me.json())).containsExactly(role);
      assertThat(listedEmails()).doesNotContain(other);
    }
    assertThat(read(id)).isEqualTo(before);
    try (Connection db = TestDatabase.connect()) {
      assertThat(column(db, "select label from api_tokens where user_id = ?", id)).isEmpty();
    }
  }

  @Test
  void anEmailUsernameOrSlackIdAnotherUserHasIsAConflict() {
    created();
    String otherEmail = "it-" + UUID.randomUUID() + "@example.com";

    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(user().replace(slack, "W" + slack.substring(1)), "email");
    cases.put(
        user()
            .replace(email, email.toUpperCase(Locale.ROOT))
            .replace(slack, "W" + slack.substring(1)),
        "email");
    cases.put(user().replace(email, otherEmail), "slackUserId");
    cases.put(
        user()
            .replace(email, otherEmail)
            .replace(slack, "W" + slack.substring(1))
            .replace("{", "{\"username\": \"admin\","),
        "username");

    for (var taken : cases.entrySet()) {
      Api.Answer refused = api.post(USERS, taken.getKey());
      assertThat(refused.status()).as(taken.getKey()).isEqualTo(409);
      assertThat(refused.json().getString("error")).isEqualTo("conflict");
      assertThat(refused.json().getString("field")).as(taken.getKey()).isEqualTo(taken.getValue());
    }
    assertThat(listedEmails()).doesNotContain(otherEmail).containsOnlyOnce(email);
  }

  @Test
  void badBodiesAreRefusedNamingTheField() {
    String good = user();
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(good.replace("\"email\": \"" + email + "\",", ""), "email");
    cases.put(good.replace(email, "not-an-address"), "email");
    cases.put(good.replace("\"" + email + "\"", "42"), "email");
    cases.put(good.replace("\"name\": \"Ada Lovelace\",", ""), "name");
    cases.put(good.replace("Ada Lovelace", "n".repeat(201)), "name");
    cases.put(good.replace("\"roles\": [\"VIEWER\"],", ""), "roles");
    cases.put(good.replace("[\"VIEWER\"]", "[]"), "roles");
    cases.put(good.replace("[\"VIEWER\"]", "\"VIEWER\""), "roles");
    cases.put(good.replace("[\"VIEWER\"]", "[\"VIEWER\", 7]"), "roles[1]");
    cases.put(good.replace("[\"VIEWER\"]", "[\"VIEWER\", \"ROOT\"]"), "roles[1]");
    cases.put(good.replace(PASSWORD, "too-short"), "password");
    cases.put(good.replace(slack, slack.toLowerCase(Locale.ROOT)), "slackUserId");
    cases.put(good.replace("{", "{\"username\": \" \","), "username");

    for (var bad : cases.entrySet()) {
      Api.Answer refused = api.post(USERS, bad.getKey());
      assertThat(refused.status()).as(bad.getKey()).isEqualTo(400);
      assertThat(refused.json().getString("error")).isEqualTo("validation");
      assertThat(refused.json().getString("field")).as(bad.getKey()).isEqualTo(bad.getValue());
    }
    assertThat(listedEmails()).doesNotContain(email);
    assertThat(api.post(USERS, "{\"email\": ").status()).isEqualTo(400);

    long id = id(created());
    JsonObject before = read(id);
    Map<String, String> badChanges = new LinkedHashMap<>();
    badChanges.put("{\"name\": null}", "name");
    badChanges.put("{\"name\": \"\"}", "name");
    badChanges.put("{\"roles\": null}", "roles");
    badChanges.put("{\"roles\": []}", "roles");
    badChanges.put("{\"roles\": [\"OWNER\"]}", "roles[0]");
    badChanges.put("{\"password\": \"short\"}", "password");
    badChanges.put("{\"password\": null}", "password");
    badChanges.put("{\"slackUserId\": \"someone\"}", "slackUserId");
    for (var bad : badChanges.entrySet()) {
      Api.Answer refused = api.put(USERS + "/" + id, bad.getKey(), Api.TOKEN);
      assertThat(refused.status()).as(bad.getKey()).isEqualTo(400);
      assertThat(refused.json().getString("field")).as(bad.getKey()).isEqualTo(bad.getValue());
    }
    assertThat(read(id)).isEqualTo(before);
  }

  @Test
  void aChangeReplacesTheFieldsGivenAndKeepsTheOthers() throws SQLException {
    JsonObject user = created();
    long id = id(user);

    Api.Answer renamed = api.put(USERS + "/" + id, "{\"name\": \"Ada King\"}", Api.TOKEN);

    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.json().getString("name")).isEqualTo("Ada King");
    assertThat(renamed.json().getString("slackUserId")).isEqualTo(slack);
    assertThat(roles(renamed.json())).containsExactly("VIEWER");
    assertThat(renamed.json().getString("createdAt")).isEqualTo(user.getString("createdAt"));
    assertThat(read(id)).isEqualTo(renamed.json());

    Api.Answer changed =
        api.put(
            USERS + "/" + id,
            "{\"roles\": [\"ADMIN\", \"APPROVER\"], \"slackUserId\": null,"
                + " \"password\": \"a new passphrase\"}",
            Api.TOKEN);

    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(roles(changed.json())).containsExactly("ADMIN", "APPROVER");
    assertThat(changed.json().isNull("slackUserId")).isTrue();
    assertThat(changed.json().getString("name")).isEqualTo("Ada King");
    try (Connection db = TestDatabase.connect()) {
      assertThat(column(db, "select password_hash from users where id = ?", id))
          .singleElement()
          .satisfies(
              h -> assertThat(PasswordHash.matches("a new passphrase".toCharArray(), h)).isTrue());
    }

    // A user as read, sent back changed: what cannot change is ignored.
    String readBack =
        changed.body().replace("\"Ada King\"", "\"Ada\"").replace(email, "other@example.com");
    Api.Answer sentBack = api.put(USERS + "/" + id, readBack, Api.TOKEN);

    assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
    assertThat(sentBack.json().getString("name")).isEqualTo("Ada");
    assertThat(sentBack.json().getString("email")).isEqualTo(email);
    assertThat(sentBack.json().getString("username")).isEqualTo(email);

    // Other ADMINs remain (the bootstrap admin at least), so this one may stop being one.
    Api.Answer demoted = api.put(USERS + "/" + id, "{\"roles\": [\"VIEWER\"]}", Api.TOKEN);
    assertThat(demoted.status()).as(demoted.body()).isEqualTo(200);
    assertThat(roles(demoted.json())).containsExactly("VIEWER");
  }

  @Test
  void aSlackIdMapsOneUserOnly() {
    long first = id(created());
    String firstSlack = slack;
    setUp();
    long second = id(created());

    Api.Answer taken =
        api.put(USERS + "/" + second, "{\"slackUserId\": \"" + firstSlack + "\"}", Api.TOKEN);

    assertThat(taken.status()).as(taken.body()).isEqualTo(409);
    assertThat(taken.json().getString("field")).isEqualTo("slackUserId");
    assertThat(api.put(USERS + "/" + first, "{\"slackUserId\": null}", Api.TOKEN).status())
        .isEqualTo(200);
    Api.Answer moved =
        api.put(USERS + "/" + second, "{\"slackUserId\": \"" + firstSlack + "\"}", Api.TOKEN);
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().getString("slackUserId")).isEqualTo(firstSlack);
  }

  @Test
  void anUnknownUserIsNotFound() {
    String unknown = USERS + "/" + Long.MAX_VALUE;

    List<Api.Answer> answers =
        List.of(
            api.get(unknown),
            api.put(unknown, "{\"name\": \"Nobody\"}", Api.TOKEN),
            api.post(unknown + "/tokens", "{}"),
            api.get(USERS + "/not-a-number"));

    assertThat(answers).extracting(Api.Answer::status).containsOnly(404);
    assertThat(answers).extracting(a -> a.json().getString("error")).containsOnly("not_found");
  }

  @Test
  void meAnswersTheTokensUserAndNeedsAToken() {
    Api.Answer me = api.get(USERS + "/me");

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getString("username")).isEqualTo("admin");
    assertThat(roles(me.json())).containsExactly("ADMIN");
    assertThat(api.get(USERS + "/me", null).status()).isEqualTo(401);
    assertThat(api.get(USERS + "/me", "cg_not-a-token").status()).isEqualTo(401);
    assertThat(api.get(USERS, null).status()).isEqualTo(401);
  }

  @Test
  void theOpenApiDocumentDescribesUsers() {
    assertThat(api.get("openapi", null).body())
        .contains("/api/v1/users/{id}/tokens")
        .contains("/api/v1/users/me")
        .contains("Add a user (ADMIN)");
  }

  private List<Long> listedIds() {
    return listed().stream().map(UsersIT::id).toList();
  }

  private List<String> listedEmails() {
    return listed().stream().map(u -> u.getString("email")).toList();
  }

  private List<JsonObject> listed() {
    Api.Answer list = api.get(USERS);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.json().keySet()).containsExactly("users");
    return list.json().getJsonArray("users").getValuesAs(JsonObject.class);
  }

  private static List<String> column(Connection db, String sql, long id) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setLong(1, id);
      List<String> values = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }
}
