package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.costguard.portal.it.FakeSlackApi.Call;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack bot's story over HTTP (issue 5): alerts delivered through the outbox to the fake Slack
 * Web API, then clicks and modal submissions posted to {@code /slack/events} as Slack sends them
 * (resource files, signed), acting through the same services as the API.
 */
@SharedDeployment
class SlackBotIT {

  /** The alert channel failsafe gives the application (SLACK_ALERT_CHANNEL). */
  private static final String CHANNEL = "C0ALERTS";

  private static FakeSlackApi slack;

  @ArquillianResource URL base;

  private Api api;
  private URI endpoint;
  private AlertFixtures fixtures;

  @BeforeAll
  static void startFakeSlack() throws Exception {
    slack = FakeSlackApi.start();
  }

  @AfterAll
  static void stopFakeSlack() {
    slack.close();
  }

  @BeforeEach
  void setUp() {
    api = new Api(base);
    endpoint = URI.create(base.toString()).resolve("slack/events");
    fixtures = new AlertFixtures(api);
  }

  /** A Costguard user and the Slack user they are. */
  private record Person(String username, String token, String slackId) {}

  /** A user mapped to Slack by an ADMIN through {@code PUT /users/{id}}. */
  private Person mappedById(String role) throws Exception {
    TestUsers.TestUser user = TestUsers.create(role);
    String slackId = slackId();
    long id = api.get("api/v1/users/me", user.token()).json().getJsonNumber("id").longValueExact();
    Api.Answer mapped =
        api.put("api/v1/users/" + id, "{\"slackUserId\": \"" + slackId + "\"}", Api.TOKEN);
    assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
    return new Person(user.username(), user.token(), slackId);
  }

  /** A user Slack knows by the same e-mail (users.lookupByEmail / users.info). */
  private Person mappedByEmail(String role) throws Exception {
    TestUsers.TestUser user = TestUsers.create(role);
    String slackId = slackId();
    slack.knows(slackId, user.username() + "@example.com");
    return new Person(user.username(), user.token(), slackId);
  }

  private static String slackId() {
    StringBuilder id = new StringBuilder("U");
    for (int i = 0; i < 10; i++) {
      id.append("ABCDEFGHJKLMNPQRSTUVWXYZ23456789".charAt(ThreadLocalRandom.current().nextInt(32)));
    }
    return id.toString();
  }

  /**
   * A budget over the fixtures' client, over a rolling 30 days: such a window has no forecast
   * alert, which a calendar month fires beside the first threshold alert; the two are sent by
   * overlapping dispatcher runs, and either may then be the thread the budget's later alerts go in.
   */
  private long budget(String limit, Person manager, Person approver) {
    Api.Answer created =
        api.post(
            "api/v1/budgets",
            Fixtures.load(
                "slack-budget.json",
                Map.of(
                    "name",
                    "Training " + fixtures.client.substring(10, 18),
                    "limit",
                    limit,
                    "client",
                    fixtures.client,
                    "manager",
                    manager.username(),
                    "approver",
                    approver.username())));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValueExact();
  }

  private Api.Answer signed(String body) {
    return api.send(
        SlackRequests.signed(endpoint, body, Instant.now(), SlackRequests.SIGNING_SECRET));
  }

  /** The first message posted (and accepted) that matches, waiting for the dispatcher. */
  private static Call posted(Predicate<Call> which) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> slack.accepted("chat.postMessage").stream().filter(which).findFirst(),
            Optional::isPresent)
        .get();
  }

  /**
   * Asks for an increase of {@code budget} to 300 with {@code /budget increase}, then moves the
   * request's expiry an hour into the past in the database; answers the approval request posted.
   */
  private Call lapsedApproval(long budget, Person requester, String reason) throws Exception {
    signed(
        SlackRequests.slashCommand("increase " + budget + " 300 " + reason, requester.slackId()));
    Call approval =
        posted(
            c ->
                c.json("blocks").contains("approve_increase") && c.json("blocks").contains(reason));
    try (Connection db = TestDatabase.connect();
        PreparedStatement lapse =
            db.prepareStatement("update increase_requests set expires_at = ? where id = ?")) {
      // Lapsed a minute ago: well inside the hour in which an untold expiry is retried.
      lapse.setObject(1, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1));
      lapse.setLong(2, Long.parseLong(requestIdOf(approval)));
      lapse.executeUpdate();
    }
    return approval;
  }

  private static String requestIdOf(Call approval) {
    return approval
        .json("blocks")
        .replaceAll("(?s).*\"action_id\":\"approve_increase\".*?\"value\":\"(\\d+)\".*", "$1");
  }

  private static Predicate<Call> mentioning(String text) {
    return c -> c.param("text").contains(text) || c.json("blocks").contains(text);
  }

  /** Clicks the button {@code actionId} with {@code value} in a posted message, as {@code who}. */
  private Api.Answer click(
      String who, Call message, String actionId, String blockId, String value) {
    Optional<String> thread = Optional.ofNullable(message.param("thread_ts"));
    String json =
        Fixtures.load(
            "slack/block-action.json",
            Map.of(
                "user", who,
                "messageTs", message.ts(),
                "channel", message.param("channel"),
                "containerThread", thread.map(t -> ", \"thread_ts\": \"" + t + "\"").orElse(""),
                "messageThread", thread.map(t -> ", \"thread_ts\": \"" + t + "\"").orElse(""),
                "text", Json.createValue(message.param("text")).toString(),
                "blocks", message.json("blocks"),
                "actionId", actionId,
                "blockId", blockId,
                "value", value));
    return signed(SlackRequests.interaction(json));
  }

  /** Submits a modal as {@code who}: {@code values} maps block ids to what was typed. */
  private Api.Answer submit(
      String who, String callbackId, String metadata, Map<String, String> values) {
    var state = Json.createObjectBuilder();
    values.forEach(
        (block, typed) ->
            state.add(
                block,
                Json.createObjectBuilder()
                    .add(
                        block + "_input",
                        Json.createObjectBuilder()
                            .add("type", "plain_text_input")
                            .add("value", typed))));
    String json =
        Fixtures.load(
            "slack/view-submission.json",
            Map.of(
                "user",
                who,
                "callbackId",
                callbackId,
                "metadata",
                Json.createValue(metadata).toString(),
                "values",
                state.build().toString()));
    return signed(SlackRequests.interaction(json));
  }

  /** Submits the increase modal as {@code who}. */
  private Api.Answer increase(Person who, String metadata, String newLimit, String justification) {
    return submit(
        who.slackId(),
        "increase_modal",
        metadata,
        Map.of("new_limit", newLimit, "justification", justification));
  }

  /** The ephemeral messages shown to {@code slackId}. */
  private static List<String> ephemeralTo(String slackId) {
    return slack.accepted("chat.postEphemeral").stream()
        .filter(c -> slackId.equals(c.param("user")))
        .map(c -> c.param("text"))
        .toList();
  }

  private JsonObject increaseRequest(long id) {
    return api.get("api/v1/increase-requests/" + id).json();
  }

  @Test
  void alertToIncreaseApprovedInTheThread() throws Exception {
    Person manager = mappedById("BUDGET_MANAGER");
    Person approver = mappedByEmail("APPROVER");
    Person engineer = mappedByEmail("ENGINEER");
    long budget = budget("100", manager, approver);

    // 85 of 100: the 80% alert, a plain message (no mention) with its breakdown in its thread
    fixtures.spend("85");
    Call first =
        posted(
            c ->
                CHANNEL.equals(c.param("channel"))
                    && c.param("text").contains(fixtures.client.substring(10, 18))
                    && c.param("text").contains("80%"));
    assertThat(first.param("thread_ts")).isNull();
    assertThat(first.param("text")).doesNotContain("<@").doesNotContain("<!channel>");
    assertThat(first.json("blocks"))
        .contains("\"action_id\":\"increase_budget\"")
        .contains("\"action_id\":\"cancel_active_jobs\"")
        .contains("http://portal.it.example/dashboard/training-budget?budget=" + budget)
        .contains("$85.00")
        .contains("$100.00");
    Call breakdown =
        posted(
            c ->
                first.ts().equals(c.param("thread_ts")) && c.param("text").startsWith("Breakdown"));
    assertThat(breakdown.json("blocks")).contains(fixtures.client).contains("$85.00");

    // 96 of 100: the 95% alert mentions the manager, in the first alert's thread
    fixtures.spend("11");
    Call alert =
        posted(c -> first.ts().equals(c.param("thread_ts")) && c.param("text").contains("95%"));
    assertThat(alert.param("text")).contains("<@" + manager.slackId() + ">");

    // the manager opens the increase modal: current limit read-only, 1.2 x suggested
    Api.Answer opened =
        click(manager.slackId(), alert, "increase_budget", "alert_actions", String.valueOf(budget));
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    Call modal =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    slack.accepted("views.open").stream()
                        .filter(
                            c -> c.view().getString("private_metadata").startsWith(budget + "|"))
                        .findFirst(),
                Optional::isPresent)
            .get();
    JsonObject view = modal.view();
    assertThat(view.getString("callback_id")).isEqualTo("increase_modal");
    assertThat(view.toString())
        .contains("Current limit: *$100.00* (read-only)")
        .contains("\"initial_value\":\"120.00\"");
    String metadata = view.getString("private_metadata");

    // a bad value is shown in the modal, and nothing is requested
    Api.Answer bad = increase(manager, metadata, "lots", "GPU demo");
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.json().getString("response_action")).isEqualTo("errors");
    assertThat(bad.json().getJsonObject("errors").getString("new_limit")).contains("amount");
    Api.Answer belowSpend = increase(manager, metadata, "90", "GPU demo");
    assertThat(belowSpend.json().getJsonObject("errors").getString("new_limit"))
        .contains("above the current limit");
    Api.Answer noReason = increase(manager, metadata, "140", " ");
    assertThat(noReason.json().getJsonObject("errors").getString("justification"))
        .contains("required");

    // +40%: an approval request in the alert's thread, mentioning the approver
    Api.Answer submitted =
        increase(manager, metadata, "140", "Customer demo <Friday> & retraining");
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    assertThat(submitted.body()).doesNotContain("errors");
    Call approval =
        posted(
            c ->
                first.ts().equals(c.param("thread_ts"))
                    && c.json("blocks").contains("approve_increase"));
    assertThat(approval.param("text")).contains("Approval needed");
    assertThat(approval.json("blocks"))
        .contains("<@" + approver.slackId() + ">")
        .contains("<@" + manager.slackId() + ">")
        .contains("$140.00")
        .contains("+40.00%")
        .contains("Customer demo &lt;Friday&gt; &amp; retraining");
    long requestId =
        Long.parseLong(
            approval
                .json("blocks")
                .replaceAll(
                    "(?s).*\"action_id\":\"approve_increase\".*?\"value\":\"(\\d+)\".*", "$1"));
    assertThat(increaseRequest(requestId).getString("status")).isEqualTo("pending");

    // the requester, an engineer and an unlinked Slack user may not decide: told alone, nothing
    // changes
    click(
        manager.slackId(),
        approval,
        "approve_increase",
        "approval_actions",
        String.valueOf(requestId));
    click(
        engineer.slackId(),
        approval,
        "approve_increase",
        "approval_actions",
        String.valueOf(requestId));
    click(
        engineer.slackId(),
        approval,
        "reject_increase",
        "approval_actions",
        String.valueOf(requestId));
    String stranger = slackId();
    click(stranger, approval, "approve_increase", "approval_actions", String.valueOf(requestId));
    assertThat(ephemeralTo(manager.slackId())).anyMatch(t -> t.contains("their own"));
    assertThat(ephemeralTo(engineer.slackId()))
        .hasSize(2)
        .allMatch(t -> t.contains("only " + approver.username()));
    assertThat(ephemeralTo(stranger)).singleElement().asString().contains("not linked");
    assertThat(increaseRequest(requestId).getString("status")).isEqualTo("pending");
    assertThat(api.get("api/v1/budgets/" + budget).json().getJsonNumber("limit").bigDecimalValue())
        .isEqualByComparingTo("100");

    // the approver approves: limit applied, thread told, approval and alert messages updated,
    // audited
    Api.Answer approved =
        click(
            approver.slackId(),
            approval,
            "approve_increase",
            "approval_actions",
            String.valueOf(requestId));
    assertThat(approved.status()).isEqualTo(200);
    assertThat(increaseRequest(requestId).getString("status")).isEqualTo("approved");
    assertThat(api.get("api/v1/budgets/" + budget).json().getJsonNumber("limit").bigDecimalValue())
        .isEqualByComparingTo("140");
    Call told =
        posted(
            c ->
                first.ts().equals(c.param("thread_ts"))
                    && c.json("blocks").contains("Approved by"));
    assertThat(told.json("blocks"))
        .contains("<@" + approver.slackId() + ">")
        .contains("increased to $140.00");
    List<Call> updates = slack.accepted("chat.update");
    assertThat(updates)
        .anyMatch(
            u ->
                u.param("ts").equals(approval.ts())
                    && !u.json("blocks").contains("approve_increase")
                    && u.json("blocks").contains("Approved by"));
    assertThat(updates)
        .anyMatch(
            u ->
                u.param("ts").equals(alert.ts())
                    && u.json("blocks").contains("increased to $140.00")
                    && u.json("blocks").contains("increase_budget"));
    JsonObject entry =
        api
            .get("api/v1/audit-log?action=increase.approved&limit=500")
            .json()
            .getJsonArray("entries")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(e -> e.getString("subjectId").equals(String.valueOf(budget)))
            .findFirst()
            .orElseThrow();
    assertThat(entry.getString("channel")).isEqualTo("slack");
    assertThat(entry.getString("actor")).isEqualTo(approver.username());
    // one message per threshold alert, all in one thread
    assertThat(rows(THRESHOLD_MESSAGES + budget)).isEqualTo(2);
    assertThat(rows(THRESHOLD_MESSAGES + budget + " and m.thread_ts is null")).isEqualTo(1);
  }

  @Test
  void rejectedWithAReasonFromTheSlashCommand() throws Exception {
    Person manager = mappedById("BUDGET_MANAGER");
    Person approver = mappedByEmail("APPROVER");
    long budget = budget("200", manager, approver);

    Api.Answer asked =
        signed(
            SlackRequests.slashCommand(
                "increase " + budget + " 400 Bigger model run", manager.slackId()));
    assertThat(asked.status()).as(asked.body()).isEqualTo(200);
    assertThat(asked.body()).contains("pending");
    Call approval =
        posted(
            c ->
                c.json("blocks").contains("approve_increase")
                    && c.json("blocks").contains("Bigger model run"));
    assertThat(approval.param("channel")).isEqualTo(CHANNEL);
    long requestId =
        Long.parseLong(
            approval
                .json("blocks")
                .replaceAll(
                    "(?s).*\"action_id\":\"reject_increase\".*?\"value\":\"(\\d+)\".*", "$1"));

    Api.Answer reject =
        click(
            approver.slackId(),
            approval,
            "reject_increase",
            "approval_actions",
            String.valueOf(requestId));
    assertThat(reject.status()).isEqualTo(200);
    Call modal =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    slack.accepted("views.open").stream()
                        .filter(
                            c ->
                                c.view()
                                    .getString("private_metadata")
                                    .equals(String.valueOf(requestId)))
                        .findFirst(),
                Optional::isPresent)
            .get();
    assertThat(modal.view().getString("callback_id")).isEqualTo("reject_modal");
    Api.Answer noReason =
        submit(approver.slackId(), "reject_modal", String.valueOf(requestId), Map.of("reason", ""));
    assertThat(noReason.json().getJsonObject("errors").getString("reason")).contains("required");

    Api.Answer rejected =
        submit(
            approver.slackId(),
            "reject_modal",
            String.valueOf(requestId),
            Map.of("reason", "Use spot instances first"));
    assertThat(rejected.status()).isEqualTo(200);
    JsonObject request = increaseRequest(requestId);
    assertThat(request.getString("status")).isEqualTo("rejected");
    Call told =
        posted(
            c ->
                approval.ts().equals(c.param("thread_ts"))
                    && c.json("blocks").contains("Rejected by"));
    assertThat(told.json("blocks"))
        .contains("Use spot instances first")
        .contains("stays at $200.00");
    assertThat(api.get("api/v1/budgets/" + budget).json().getJsonNumber("limit").bigDecimalValue())
        .isEqualByComparingTo("200");
  }

  @Test
  void anExpiredRequestIsToldInItsThreadOnce() throws Exception {
    Person manager = mappedById("BUDGET_MANAGER");
    Person approver = mappedByEmail("APPROVER");
    long budget = budget("200", manager, approver);
    Call approval = lapsedApproval(budget, manager, "Quarter end");
    String requestId = requestIdOf(approval);

    click(approver.slackId(), approval, "approve_increase", "approval_actions", requestId);
    click(approver.slackId(), approval, "approve_increase", "approval_actions", requestId);

    assertThat(increaseRequest(Long.parseLong(requestId)).getString("status")).isEqualTo("expired");
    assertThat(ephemeralTo(approver.slackId())).hasSize(2).allMatch(t -> t.contains("expired"));
    assertThat(
            slack.accepted("chat.postMessage").stream()
                .filter(c -> approval.ts().equals(c.param("thread_ts")))
                .map(c -> c.json("blocks")))
        .singleElement()
        .asString()
        .contains("expired without a decision");
    assertThat(slack.accepted("chat.update"))
        .anyMatch(
            u ->
                u.param("ts").equals(approval.ts())
                    && !u.json("blocks").contains("approve_increase"));
    assertThat(api.get("api/v1/budgets/" + budget).json().getJsonNumber("limit").bigDecimalValue())
        .isEqualByComparingTo("200");
  }

  @Test
  void theExpirySweepTellsTheThreadOnce() throws Exception {
    Person manager = mappedById("BUDGET_MANAGER");
    Person approver = mappedByEmail("APPROVER");
    long budget = budget("200", manager, approver);
    Call approval = lapsedApproval(budget, manager, "Sweep me");
    String requestId = requestIdOf(approval);

    for (int sweep = 0; sweep < 2; sweep++) {
      sweepAll();
    }

    Call told =
        posted(
            c ->
                approval.ts().equals(c.param("thread_ts"))
                    && c.json("blocks").contains("expired without a decision"));
    assertThat(told).isNotNull();
    assertThat(increaseRequest(Long.parseLong(requestId)).getString("status")).isEqualTo("expired");
    assertThat(
            slack.accepted("chat.postMessage").stream()
                .filter(c -> approval.ts().equals(c.param("thread_ts"))))
        .hasSize(1);
    assertThat(slack.accepted("chat.update"))
        .anyMatch(
            u ->
                u.param("ts").equals(approval.ts())
                    && !u.json("blocks").contains("approve_increase"));
  }

  /** The replies Slack took in the thread of {@code message}. */
  private static List<Call> repliesIn(Call message) {
    return slack.accepted("chat.postMessage").stream()
        .filter(c -> message.ts().equals(c.param("thread_ts")))
        .toList();
  }

  private void sweepAll() {
    assertThat(
            api.send(
                    java.net.http.HttpRequest.newBuilder(
                            URI.create(base + "it/alert-schedule?action=sweep-all"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build())
                .status())
        .isEqualTo(200);
  }

  @Test
  void anExpiryReplySlackRefusedIsToldByALaterSweepOnce() throws Exception {
    Person manager = mappedById("BUDGET_MANAGER");
    Person approver = mappedByEmail("APPROVER");
    long budget = budget("200", manager, approver);
    Call approval = lapsedApproval(budget, manager, "Slack was down");
    String requestId = requestIdOf(approval);
    // Only replies in this request's thread fail: other tests share the application.
    slack.failNext("chat.postMessage", 1, 503, approval.ts());

    sweepAll();

    assertThat(increaseRequest(Long.parseLong(requestId)).getString("status")).isEqualTo("expired");
    assertThat(slack.calls("chat.postMessage"))
        .anyMatch(c -> c.status() == 503 && approval.ts().equals(c.param("thread_ts")));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              sweepAll();
              assertThat(repliesIn(approval).stream().map(c -> c.json("blocks")))
                  .singleElement()
                  .asString()
                  .contains("expired without a decision");
            });
    sweepAll();
    assertThat(repliesIn(approval)).hasSize(1);
  }

  @Test
  void aJobIsCancelledFromItsAlertAndItsRunnerIsTold() throws Exception {
    Person manager = mappedById("BUDGET_MANAGER");
    Person approver = mappedByEmail("APPROVER");
    Person engineer = mappedByEmail("ENGINEER");
    long budget = budget("100", manager, approver);
    try (FakeRunner runner = FakeRunner.start(0)) {
      String job =
          Fixtures.load(
                  "job-in-scope.json",
                  Map.of("externalId", "it-slack-" + UUID.randomUUID(), "client", fixtures.client))
              .replace(
                  "\"totalSteps\": 1000",
                  "\"totalSteps\": 1000, \"controlUrl\": \"" + runner.controlUrl() + "\"");
      Api.Answer created = api.post("api/v1/jobs", job);
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      long jobId = created.json().getJsonNumber("id").longValueExact();
      Api.Answer started =
          api.post(
              "api/v1/jobs/" + jobId + "/events",
              "{\"type\": \"started\", \"at\": \""
                  + Instant.now().minusSeconds(600)
                  + "\", \"idempotencyKey\": \"start-"
                  + jobId
                  + "\"}");
      assertThat(started.status()).as(started.body()).isEqualTo(200);

      fixtures.spend("90");
      Call alert =
          posted(
              c ->
                  CHANNEL.equals(c.param("channel"))
                      && c.json("blocks").contains("?budget=" + budget + "\""));
      assertThat(alert.json("blocks")).contains("*Active jobs*\\n1");

      click(
          manager.slackId(), alert, "cancel_active_jobs", "alert_actions", String.valueOf(budget));
      Call picker =
          posted(
              c ->
                  alert.ts().equals(c.param("thread_ts"))
                      && c.json("blocks").contains("\"action_id\":\"cancel_job\""));
      assertThat(picker.json("blocks"))
          .contains("Budget check")
          .contains("\"value\":\"" + jobId + "\"");

      // not the creator, not a manager: refused alone, the job runs on
      click(engineer.slackId(), picker, "cancel_job", "job_" + jobId, String.valueOf(jobId));
      assertThat(ephemeralTo(engineer.slackId()))
          .singleElement()
          .asString()
          .contains("only an ADMIN, a BUDGET_MANAGER or the job's creator");
      assertThat(api.get("api/v1/jobs/" + jobId).json().getString("status")).isEqualTo("running");

      Api.Answer cancelled =
          click(manager.slackId(), picker, "cancel_job", "job_" + jobId, String.valueOf(jobId));
      assertThat(cancelled.status()).isEqualTo(200);
      JsonObject stopped = api.get("api/v1/jobs/" + jobId).json();
      assertThat(stopped.getString("status")).isEqualTo("cancelled");
      assertThat(stopped.getString("cancelledBy")).isEqualTo(manager.username());
      Call update =
          slack.accepted("chat.update").stream()
              .filter(u -> u.param("ts").equals(picker.ts()))
              .findFirst()
              .orElseThrow();
      assertThat(update.json("blocks"))
          .contains("cancelled by <@" + manager.slackId() + ">")
          .contains("final cost $")
          .doesNotContain("\"value\":\"" + jobId + "\"");
      await().atMost(Duration.ofSeconds(30)).until(() -> !runner.bodies().isEmpty());
      assertThat(runner.bodies().get(0)).contains("\"jobId\"");
    }
  }

  @Test
  void aJobPastItsEstimateIsToldToItsCreatorWhoCancelsIt() throws Exception {
    Person engineer = mappedById("ENGINEER");
    Person stranger = mappedByEmail("ENGINEER");
    String job =
        Fixtures.load(
            "alert-job.json",
            Map.of(
                "externalId",
                "it-slack-estimate-" + UUID.randomUUID(),
                "client",
                fixtures.client,
                "estimateMin",
                "10",
                "estimateMax",
                "20"));
    Api.Answer created = api.post("api/v1/jobs", job, engineer.token());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long jobId = created.json().getJsonNumber("id").longValueExact();
    // $4.00 an hour for 3 h: $12.00, past 80% of the $10 minimum, below the $20 maximum
    Api.Answer started =
        api.post(
            "api/v1/jobs/" + jobId + "/events",
            "{\"type\": \"started\", \"at\": \"%s\", \"idempotencyKey\": \"start-%d\"}"
                .formatted(Instant.now().minusSeconds(3 * 3600), jobId),
            engineer.token());
    assertThat(started.status()).as(started.body()).isEqualTo(200);

    Call alert =
        posted(
            c ->
                engineer.slackId().equals(c.param("channel"))
                    && c.json("blocks").contains("\"value\":\"" + jobId + "\""));
    assertThat(alert.json("blocks"))
        .contains("\"action_id\":\"cancel_job\"")
        .contains("\"confirm\"")
        .contains("/dashboard/jobs/" + jobId);

    click(stranger.slackId(), alert, "cancel_job", "job_" + jobId, String.valueOf(jobId));
    assertThat(ephemeralTo(stranger.slackId()))
        .singleElement()
        .asString()
        .contains("only an ADMIN, a BUDGET_MANAGER or the job's creator");
    assertThat(api.get("api/v1/jobs/" + jobId).json().getString("status")).isEqualTo("running");

    click(engineer.slackId(), alert, "cancel_job", "job_" + jobId, String.valueOf(jobId));
    JsonObject stopped = api.get("api/v1/jobs/" + jobId).json();
    assertThat(stopped.getString("status")).isEqualTo("cancelled");
    assertThat(stopped.getString("cancelledBy")).isEqualTo(engineer.username());
    assertThat(slack.accepted("chat.update"))
        .anyMatch(
            u ->
                u.param("ts").equals(alert.ts())
                    && u.json("blocks").contains("cancelled by <@" + engineer.slackId() + ">"));
    assertThat(
            slack.accepted("chat.postMessage").stream()
                .filter(c -> engineer.slackId().equals(c.param("channel"))))
        .as("one estimate alert, posted once")
        .hasSize(1);
  }

  @Test
  void aRateLimitedAlertIsRetriedAndPostedOnce() throws Exception {
    Person manager = mappedById("BUDGET_MANAGER");
    Person approver = mappedByEmail("APPROVER");
    // Only this budget's messages fail: other tests' alerts share the application.
    String name = "Training " + fixtures.client.substring(10, 18);
    slack.rateLimitNext("chat.postMessage", 1, 1, name);
    slack.failNext("chat.postMessage", 1, 503, name);
    long budget = budget("50", manager, approver);

    fixtures.spend("60");
    // 80, 95 and 100 fire together; the 100% alert calls the channel
    Call over =
        posted(
            c ->
                c.json("blocks").contains("?budget=" + budget + "\"")
                    && c.param("text").contains("100%"));
    assertThat(over.param("text")).startsWith("<!channel>");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> rows(THRESHOLD_MESSAGES + budget + " and m.breakdown_ts is not null") == 3);
    assertThat(rows(THRESHOLD_MESSAGES + budget)).isEqualTo(3);
    assertThat(slack.calls("chat.postMessage"))
        .anyMatch(c -> c.status() == 429 && c.json("blocks").contains("?budget=" + budget + "\""))
        .anyMatch(c -> c.status() == 503 && c.json("blocks").contains("?budget=" + budget + "\""));
    for (String threshold : List.of("80%", "95%", "100%")) {
      assertThat(
              slack.accepted("chat.postMessage").stream()
                  .filter(
                      c ->
                          c.json("blocks").contains("?budget=" + budget + "\"")
                              && c.param("text").contains(" " + threshold + " ")))
          .as(threshold)
          .hasSize(1);
    }
    List<JsonObject> alerts = fixtures.alerts(budget, "threshold");
    assertThat(alerts).hasSize(3);
    assertThat(alerts)
        .allSatisfy(
            a ->
                assertThat(a.getJsonArray("deliveries").getValuesAs(JsonObject.class))
                    .anySatisfy(
                        d -> {
                          assertThat(d.getString("channel")).isEqualTo("slack");
                          assertThat(d.getString("state")).isEqualTo("delivered");
                        }));
  }

  @Test
  void theHomeTabShowsTheUsersBudgets() throws Exception {
    Person manager = mappedById("BUDGET_MANAGER");
    Person approver = mappedByEmail("APPROVER");
    budget("300", manager, approver);
    String event =
        Fixtures.load(
            "slack/app-home-opened.json",
            Map.of("user", manager.slackId(), "nonce", UUID.randomUUID().toString()));
    Api.Answer answer =
        api.send(
            SlackRequests.signedEvent(
                endpoint, event, Instant.now(), SlackRequests.SIGNING_SECRET));
    assertThat(answer.status()).isEqualTo(200);
    Call published =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    slack.accepted("views.publish").stream()
                        .filter(c -> manager.slackId().equals(c.param("user_id")))
                        .findFirst(),
                Optional::isPresent)
            .get();
    assertThat(published.view().getString("type")).isEqualTo("home");
    assertThat(published.param("view"))
        .contains("Training " + fixtures.client.substring(10, 18))
        .contains("$300.00");
  }

  @Test
  void budgetJobsListsActiveJobsAndAnUnlinkedUserMayReadButNotAsk() throws Exception {
    Api.Answer jobs = signed(SlackRequests.slashCommand("jobs", slackId()));
    assertThat(jobs.status()).isEqualTo(200);
    assertThat(jobs.body()).contains("Active jobs");
    Api.Answer increase = signed(SlackRequests.slashCommand("increase 1 999 because", slackId()));
    assertThat(increase.body()).contains("not linked");
  }

  /** Counts the messages of a budget's threshold alerts (append the budget id). */
  private static final String THRESHOLD_MESSAGES =
      "select count(*) from slack_messages m join alerts a on a.id = m.alert_id"
          + " where a.kind = 'threshold' and m.budget_id = ";

  private static long rows(String sql) throws Exception {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query = db.prepareStatement(sql);
        ResultSet r = query.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }
}
