package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests to {@code /slack/events} (issue 9): a bad signature, a stale timestamp, a
 * replayed delivery, a payload for another workspace and a click by someone without the role are
 * all refused, and the database shows that nothing changed (no increase request made, none decided,
 * no limit changed, no audit entry written).
 *
 * <p>Replays: Slack's signature stays valid for 5 minutes, so the same signed bytes can be sent
 * again within that window. The bot acts on each {@code trigger_id} (commands, clicks, submissions)
 * and {@code event_id} once, across instances; a repeat is acknowledged with an empty 200 and
 * changes nothing ({@code SlackRequestGuard}).
 */
@SharedDeployment
class SlackHostileIT {

  private static final String CHANNEL = "C0ALERTS";

  private static FakeSlackApi slack;

  @ArquillianResource URL base;

  private Api api;
  private URI endpoint;
  private Person manager;
  private Person approver;
  private Person engineer;
  private Person viewer;
  private long budget;

  @BeforeAll
  static void startFakeSlack() throws Exception {
    slack = FakeSlackApi.start();
  }

  @AfterAll
  static void stopFakeSlack() {
    slack.close();
  }

  /** A Costguard user and the Slack user they are (mapped by an ADMIN). */
  private record Person(String username, String token, String slackId) {}

  @BeforeEach
  void setUp() throws Exception {
    api = new Api(base);
    endpoint = URI.create(base.toString()).resolve("slack/events");
    manager = person("BUDGET_MANAGER");
    approver = person("APPROVER");
    engineer = person("ENGINEER");
    viewer = person("VIEWER");
    String client = "it-slack-hostile-" + UUID.randomUUID();
    Api.Answer created =
        api.post(
            "api/v1/budgets",
            Fixtures.load(
                "slack-budget.json",
                Map.of(
                    "name",
                    "Hostile " + client.substring(17, 25),
                    "limit",
                    "200",
                    "client",
                    client,
                    "manager",
                    manager.username(),
                    "approver",
                    approver.username())));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    budget = created.json().getJsonNumber("id").longValueExact();
  }

  private Person person(String role) throws Exception {
    TestUsers.TestUser user = TestUsers.create(role);
    StringBuilder slackId = new StringBuilder("U");
    for (int i = 0; i < 10; i++) {
      slackId.append(
          "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".charAt(ThreadLocalRandom.current().nextInt(32)));
    }
    long id = api.get("api/v1/users/me", user.token()).json().getJsonNumber("id").longValueExact();
    Api.Answer mapped =
        api.put("api/v1/users/" + id, "{\"slackUserId\": \"" + slackId + "\"}", Api.TOKEN);
    assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
    return new Person(user.username(), user.token(), slackId.toString());
  }

  // ---- requests as Slack sends them --------------------------------------------------------

  private HttpRequest signed(String body, Instant at) {
    return SlackRequests.signed(endpoint, body, at, SlackRequests.SIGNING_SECRET);
  }

  private Api.Answer send(HttpRequest request) {
    return api.send(request);
  }

  private String increaseCommand(Person who, String reason) {
    return SlackRequests.slashCommand("increase " + budget + " 400 " + reason, who.slackId());
  }

  /** A click on {@code actionId} with {@code value}, on a message the bot posted. */
  private static String click(Person who, String actionId, String value) {
    String json =
        Fixtures.load(
            "slack/block-action.json",
            Map.of(
                "user",
                who.slackId(),
                "messageTs",
                "1800000000.000001",
                "channel",
                CHANNEL,
                "containerThread",
                "",
                "messageThread",
                "",
                "text",
                Json.createValue("Approval needed").toString(),
                "blocks",
                "[]",
                "actionId",
                actionId,
                "blockId",
                "approval_actions",
                "value",
                value));
    return SlackRequests.interaction(json);
  }

  /** The increase modal submitted by {@code who} for the budget. */
  private String increaseSubmission(Person who, String newLimit, String justification) {
    String values =
        Json.createObjectBuilder()
            .add("new_limit", block("new_limit", newLimit))
            .add("justification", block("justification", justification))
            .build()
            .toString();
    return submission(who, "increase_modal", budget + "|" + CHANNEL + "||", values);
  }

  private static String submission(Person who, String callback, String metadata, String values) {
    return SlackRequests.interaction(
        Fixtures.load(
            "slack/view-submission.json",
            Map.of(
                "user",
                who.slackId(),
                "callbackId",
                callback,
                "metadata",
                Json.createValue(metadata).toString(),
                "values",
                values)));
  }

  private static jakarta.json.JsonObject block(String id, String typed) {
    return Json.createObjectBuilder()
        .add(
            id + "_input",
            Json.createObjectBuilder().add("type", "plain_text_input").add("value", typed))
        .build();
  }

  /** A pending request for the budget (400 of 200 needs approval), made by the manager. */
  private long pendingRequest() {
    Api.Answer made =
        api.post(
            "api/v1/budgets/" + budget + "/increase-requests",
            "{\"newLimit\": 400, \"justification\": \"Quarter end\"}",
            manager.token());
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    assertThat(made.json().getString("status")).isEqualTo("pending");
    return made.json().getJsonNumber("id").longValueExact();
  }

  // ---- what the database says --------------------------------------------------------------

  private long requests() throws Exception {
    return count("select count(*) from increase_requests where budget_id = " + budget);
  }

  private String status(long request) {
    return api.get("api/v1/increase-requests/" + request).json().getString("status");
  }

  private String limit() {
    return api.get("api/v1/budgets/" + budget)
        .json()
        .getJsonNumber("limit")
        .bigDecimalValue()
        .toPlainString();
  }

  private static long count(String sql) throws Exception {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query = db.prepareStatement(sql);
        ResultSet r = query.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  private static long auditEntries() throws Exception {
    return count("select count(*) from audit_log");
  }

  private static List<String> ephemeralTo(Person who) {
    return slack.accepted("chat.postEphemeral").stream()
        .filter(c -> who.slackId().equals(c.param("user")))
        .map(c -> c.param("text"))
        .toList();
  }

  // ---- the tests -------------------------------------------------------------------------

  @Test
  void aBadSignatureOrNoneIsRefusedAndChangesNothing() throws Exception {
    long request = pendingRequest();
    long audit = auditEntries();
    String command = increaseCommand(manager, "Unsigned");
    List<HttpRequest> forged =
        List.of(
            SlackRequests.signed(endpoint, command, Instant.now(), "not-our-secret"),
            SlackRequests.unsigned(endpoint, command),
            // signed, then the body changed: the signature no longer matches
            tampered(signed(command, Instant.now()), command.replace("400", "40000")),
            SlackRequests.signed(
                endpoint,
                click(approver, "approve_increase", String.valueOf(request)),
                Instant.now(),
                "not-our-secret"));
    for (HttpRequest hostile : forged) {
      assertThat(send(hostile).status()).isEqualTo(401);
    }
    assertThat(requests()).isEqualTo(1);
    assertThat(status(request)).isEqualTo("pending");
    assertThat(limit()).isEqualTo("200.00");
    assertThat(auditEntries()).isEqualTo(audit);
  }

  @Test
  void aStaleOrFarFutureTimestampIsRefused() throws Exception {
    long request = pendingRequest();
    String click = click(approver, "approve_increase", String.valueOf(request));
    assertThat(send(signed(click, Instant.now().minus(Duration.ofMinutes(6)))).status())
        .isEqualTo(401);
    assertThat(send(signed(click, Instant.now().minus(Duration.ofHours(30)))).status())
        .isEqualTo(401);
    assertThat(
            send(signed(increaseCommand(manager, "Stale"), Instant.now().minusSeconds(301)))
                .status())
        .isEqualTo(401);
    assertThat(status(request)).isEqualTo("pending");
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void aReplayedCommandMakesOneRequest() throws Exception {
    HttpRequest once = signed(increaseCommand(manager, "Replayed command"), Instant.now());

    Api.Answer first = send(once);
    Api.Answer replay = send(once);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body()).contains("pending");
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.body()).doesNotContain("pending");
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void aReplayedModalSubmissionMakesOneRequest() throws Exception {
    HttpRequest once =
        signed(increaseSubmission(manager, "450", "Replayed submission"), Instant.now());

    assertThat(send(once).status()).isEqualTo(200);
    assertThat(send(once).status()).isEqualTo(200);

    assertThat(requests()).isEqualTo(1);
    assertThat(
            count(
                "select count(*) from increase_requests where budget_id = "
                    + budget
                    + " and justification = 'Replayed submission'"))
        .isEqualTo(1);
  }

  @Test
  void aReplayedApprovalIsDecidedOnceAndAnsweredOnce() throws Exception {
    long request = pendingRequest();
    HttpRequest once =
        signed(click(approver, "approve_increase", String.valueOf(request)), Instant.now());

    assertThat(send(once).status()).isEqualTo(200);
    assertThat(status(request)).isEqualTo("approved");
    long audit = auditEntries();
    assertThat(send(once).status()).isEqualTo(200);

    assertThat(status(request)).isEqualTo("approved");
    assertThat(limit()).isEqualTo("400.00");
    // nothing more audited; the repeat was not even refused (no ephemeral answer)
    assertThat(auditEntries()).isEqualTo(audit);
    assertThat(ephemeralTo(approver)).isEmpty();
  }

  @Test
  void aPayloadForAnotherWorkspaceIsRefusedAndChangesNothing() throws Exception {
    long request = pendingRequest();
    long audit = auditEntries();
    String click = click(approver, "approve_increase", String.valueOf(request));
    List<String> foreign =
        List.of(
            increaseCommand(manager, "Foreign").replace("team_id=T0COSTGUARD", "team_id=T0OTHER"),
            click.replace("%22T0COSTGUARD%22", "%22T0OTHER%22"),
            // our team's message, clicked by a user of another organisation (a shared channel)
            click.replaceFirst(
                "%22team_id%22%3A\\+%22T0COSTGUARD%22", "%22team_id%22%3A+%22T0OTHER%22"),
            increaseSubmission(manager, "450", "Foreign")
                .replace("%22T0COSTGUARD%22", "%22T0OTHER%22"));
    for (String body : foreign) {
      assertThat(body).contains("T0OTHER");
      assertThat(send(signed(body, Instant.now())).status()).as(body).isEqualTo(401);
    }
    String event =
        Fixtures.load(
                "slack/app-home-opened.json",
                Map.of("user", manager.slackId(), "nonce", UUID.randomUUID().toString()))
            .replace("T0COSTGUARD", "T0OTHER");
    assertThat(
            send(SlackRequests.signedEvent(
                    endpoint, event, Instant.now(), SlackRequests.SIGNING_SECRET))
                .status())
        .isEqualTo(401);
    assertThat(requests()).isEqualTo(1);
    assertThat(status(request)).isEqualTo("pending");
    assertThat(limit()).isEqualTo("200.00");
    assertThat(auditEntries()).isEqualTo(audit);
  }

  @Test
  void aClickOrSubmissionByARoleThatMayNotIsRefusedAlone() throws Exception {
    long request = pendingRequest();
    long audit = auditEntries();

    for (Person who : List.of(engineer, viewer, manager)) {
      // the manager asked: a requester never approves their own request
      assertThat(
              send(signed(click(who, "approve_increase", String.valueOf(request)), Instant.now()))
                  .status())
          .isEqualTo(200);
      assertThat(
              send(signed(click(who, "reject_increase", String.valueOf(request)), Instant.now()))
                  .status())
          .isEqualTo(200);
      assertThat(ephemeralTo(who)).hasSize(2).allMatch(t -> t.startsWith("You can't"));
    }
    // a forged reason modal, never opened for them
    Api.Answer rejected =
        send(
            signed(
                submission(
                    engineer,
                    "reject_modal",
                    String.valueOf(request),
                    Json.createObjectBuilder()
                        .add("reason", block("reason", "No"))
                        .build()
                        .toString()),
                Instant.now()));
    assertThat(rejected.json().getString("response_action")).isEqualTo("errors");
    // a VIEWER may not ask for an increase, by command or by modal
    Api.Answer asked = send(signed(increaseCommand(viewer, "Viewer asks"), Instant.now()));
    assertThat(asked.body()).doesNotContain("pending");
    Api.Answer submitted =
        send(signed(increaseSubmission(viewer, "450", "Viewer asks"), Instant.now()));
    assertThat(submitted.json().getString("response_action")).isEqualTo("errors");

    assertThat(status(request)).isEqualTo("pending");
    assertThat(requests()).isEqualTo(1);
    assertThat(limit()).isEqualTo("200.00");
    assertThat(auditEntries()).isEqualTo(audit);
  }

  @Test
  void valuesWeNeverWroteAreRefusedWithoutAnError() throws Exception {
    long audit = auditEntries();
    for (String action : List.of("approve_increase", "reject_increase", "increase_budget")) {
      for (String value : List.of("abc", "-1", "99999999999999999999", "", "1e3")) {
        Api.Answer answer = send(signed(click(approver, action, value), Instant.now()));
        assertThat(answer.status()).as(action + " " + value).isEqualTo(200);
      }
    }
    for (String metadata : List.of("", "garbage", "x|y|z|w", budget + "|")) {
      Api.Answer answer =
          send(
              signed(
                  submission(
                      manager,
                      "increase_modal",
                      metadata,
                      Json.createObjectBuilder()
                          .add("new_limit", block("new_limit", "450"))
                          .add("justification", block("justification", "Forged"))
                          .build()
                          .toString()),
                  Instant.now()));
      assertThat(answer.status()).as(metadata).isEqualTo(200);
      assertThat(answer.json().getString("response_action")).isEqualTo("errors");
    }
    assertThat(requests()).isZero();
    assertThat(auditEntries()).isEqualTo(audit);
    assertThat(slack.accepted("views.open"))
        .noneMatch(c -> c.param("view").contains("\"private_metadata\":\"" + budget + "|"));
  }

  /** {@code signed} with its body replaced, headers kept. */
  private static HttpRequest tampered(HttpRequest signed, String body) {
    HttpRequest.Builder copy = HttpRequest.newBuilder(signed.uri());
    signed.headers().map().forEach((name, values) -> values.forEach(v -> copy.header(name, v)));
    return copy.POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }
}
