package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may do what (SPEC §3, §4, §5), as one table, checked for real in each face that offers the
 * action against the shared deployment: the REST API with each role's token, Slack with button
 * clicks and modal submissions signed like Slack's from a Slack user mapped to a user of that role,
 * the portal with a signed-in session posting its forms over HTTP. An allowed cell must change what
 * it changes; a denied one must be refused (403, an ephemeral refusal in Slack, a refusal on the
 * page) and change nothing. The same cell holds in every face: the services check the role, once.
 */
@SharedDeployment
class AuthorizationMatrixIT {

  /**
   * The matrix. "Audit log" is reading or exporting the audit trail; "export" the attribution and
   * optimisation reports. An ENGINEER is the writing role (SPEC §4); an "audit reader" is not a
   * role but ADMIN, BUDGET_MANAGER or APPROVER (AuditLog.canRead).
   */
  private static final String MATRIX =
      """
      action                  ADMIN  BUDGET_MANAGER  APPROVER  ENGINEER  VIEWER
      view                    allow  allow           allow     allow     allow
      create job              allow  allow           allow     allow     deny
      cancel own job          allow  allow           allow     allow     deny
      cancel other's job      allow  allow           deny      deny      deny
      edit budget             allow  allow           deny      deny      deny
      request increase        allow  allow           allow     allow     deny
      approve own request     deny   deny            deny      deny      deny
      approve other's request allow  deny            allow     deny      deny
      edit settings           allow  allow           deny      deny      deny
      manage users            allow  deny            deny      deny      deny
      export                  allow  allow           allow     allow     allow
      audit log               allow  allow           allow     deny      deny
      """;

  enum Role {
    ADMIN,
    BUDGET_MANAGER,
    APPROVER,
    ENGINEER,
    VIEWER
  }

  enum Action {
    VIEW("view"),
    CREATE_JOB("create job"),
    CANCEL_OWN_JOB("cancel own job"),
    CANCEL_OTHERS_JOB("cancel other's job"),
    EDIT_BUDGET("edit budget"),
    REQUEST_INCREASE("request increase"),
    APPROVE_OWN_REQUEST("approve own request"),
    APPROVE_OTHERS_REQUEST("approve other's request"),
    EDIT_SETTINGS("edit settings"),
    MANAGE_USERS("manage users"),
    EXPORT("export"),
    AUDIT_LOG("audit log");

    final String label;

    Action(String label) {
      this.label = label;
    }
  }

  /**
   * Which face offers which action; an action a face lacks (jobs are created by runners) is no
   * cell.
   */
  private static final Set<Action> SLACK =
      Set.of(
          Action.VIEW,
          Action.CANCEL_OWN_JOB,
          Action.CANCEL_OTHERS_JOB,
          Action.REQUEST_INCREASE,
          Action.APPROVE_OWN_REQUEST,
          Action.APPROVE_OTHERS_REQUEST);

  private static final Set<Action> PORTAL =
      Set.of(
          Action.VIEW,
          Action.CANCEL_OWN_JOB,
          Action.CANCEL_OTHERS_JOB,
          Action.EDIT_BUDGET,
          Action.APPROVE_OWN_REQUEST,
          Action.APPROVE_OTHERS_REQUEST,
          Action.MANAGE_USERS,
          Action.AUDIT_LOG);

  private static final String CHANNEL = "C0ALERTS";

  private static FakeSlackApi slack;

  @ArquillianResource URL base;

  private Api api;

  // One user of each role per face, made on first use: cells differ in what they act on, not who.
  private final Map<Role, TestUsers.TestUser> apiUsers = new EnumMap<>(Role.class);
  private final Map<Role, SlackPerson> slackPeople = new EnumMap<>(Role.class);
  private final Map<Role, TestUsers.TestUser> portalUsers = new EnumMap<>(Role.class);
  private final Map<Role, PortalSession> sessions = new EnumMap<>(Role.class);

  // What the cells made, put to rest afterwards: the shared deployment goes on with other classes.
  private final List<Long> budgetsMade = new ArrayList<>();
  private final List<Long> jobsMade = new ArrayList<>();

  /** Jobs left queued are cancelled (no reservation stays), budgets made are disabled. */
  @AfterEach
  void putToRest() {
    jobsMade.forEach(job -> api.post("api/v1/jobs/" + job + "/cancel", ""));
    budgetsMade.forEach(
        budget -> api.put("api/v1/budgets/" + budget, "{\"enabled\": false}", Api.TOKEN));
  }

  @BeforeAll
  static void startFakeSlack() throws Exception {
    slack = FakeSlackApi.start();
  }

  @AfterAll
  static void stopFakeSlack() {
    slack.close();
  }

  /** The table above: for each action, whether each role may. */
  static Map<Action, Map<Role, Boolean>> matrix() {
    Map<Action, Map<Role, Boolean>> matrix = new EnumMap<>(Action.class);
    List<String> lines = MATRIX.lines().skip(1).filter(l -> !l.isBlank()).toList();
    for (String line : lines) {
      Action action =
          Arrays.stream(Action.values())
              .filter(a -> line.startsWith(a.label + " "))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("unknown action: " + line));
      String[] cells = line.substring(action.label.length()).trim().split("\\s+");
      assertThat(cells).as(line).hasSize(Role.values().length);
      Map<Role, Boolean> row = new EnumMap<>(Role.class);
      for (Role role : Role.values()) {
        assertThat(cells[role.ordinal()]).isIn("allow", "deny");
        row.put(role, cells[role.ordinal()].equals("allow"));
      }
      matrix.put(action, row);
    }
    assertThat(matrix.keySet()).as("every action has a row").containsAll(Set.of(Action.values()));
    return matrix;
  }

  @TestFactory
  List<DynamicTest> everyCellOfTheMatrixInEveryFace() {
    api = new Api(base);
    List<DynamicTest> tests = new ArrayList<>();
    matrix()
        .forEach(
            (action, row) ->
                row.forEach(
                    (role, allowed) -> {
                      String cell =
                          role + (allowed ? " may " : " may not ") + action.label + " in the ";
                      tests.add(check(cell + "API", allowed, () -> viaApi(action, role)));
                      if (SLACK.contains(action)) {
                        tests.add(check(cell + "Slack", allowed, () -> viaSlack(action, role)));
                      }
                      if (PORTAL.contains(action)) {
                        tests.add(check(cell + "portal", allowed, () -> viaPortal(action, role)));
                      }
                    }));
    return tests;
  }

  /** One cell in one face: {@code act} answers whether it was allowed. */
  private static DynamicTest check(String name, boolean allowed, Callable<Boolean> act) {
    return DynamicTest.dynamicTest(name, () -> assertThat(act.call()).as(name).isEqualTo(allowed));
  }

  // ---- the world each cell acts on, made fresh for it by the bootstrap ADMIN token

  private record Budget(long id, String client) {}

  private Budget budget() {
    String client = "it-matrix-" + UUID.randomUUID();
    String json =
        Json.createObjectBuilder()
            .add("name", "Matrix " + client.substring(10, 18))
            .add("period", "calendar_month")
            .add("limit", 1000)
            .add("scope", Json.createObjectBuilder().add("client", client))
            .build()
            .toString();
    Api.Answer created = api.post("api/v1/budgets", json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Budget budget = new Budget(created.json().getJsonNumber("id").longValueExact(), client);
    budgetsMade.add(budget.id());
    return budget;
  }

  private String limit(Budget budget) {
    return api.get("api/v1/budgets/" + budget.id())
        .json()
        .getJsonNumber("limit")
        .bigDecimalValue()
        .stripTrailingZeros()
        .toPlainString();
  }

  private long job(String createdBy) {
    String externalId = "it-matrix-" + UUID.randomUUID();
    Api.Answer created =
        api.post(
            "api/v1/jobs",
            Fixtures.load(
                "portal-job.json",
                Map.of("externalId", externalId, "name", "Matrix job", "createdBy", createdBy)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValueExact();
    jobsMade.add(id);
    return id;
  }

  private String jobStatus(long job) {
    return api.get("api/v1/jobs/" + job).json().getString("status");
  }

  private static final String JUSTIFICATION_PREFIX = "Matrix increase ";

  /** A pending increase of {@code budget} to 5000 (needs approval), asked for by an ENGINEER. */
  private long pendingRequest(Budget budget, String justification) throws Exception {
    String engineer = TestUsers.tokenFor("ENGINEER");
    Api.Answer asked =
        api.post(
            "api/v1/budgets/" + budget.id() + "/increase-requests",
            increase("5000", justification),
            engineer);
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    assertThat(asked.json().getString("status")).isEqualTo("pending");
    return asked.json().getJsonNumber("id").longValueExact();
  }

  private static String increase(String newLimit, String justification) {
    return Json.createObjectBuilder()
        .add("newLimit", new java.math.BigDecimal(newLimit))
        .add("justification", justification)
        .build()
        .toString();
  }

  /**
   * A pending increase of {@code budget} to 5000 asked for by the user acting: with their own
   * token, or — a VIEWER may not ask — recorded as theirs in the database.
   */
  private long ownRequest(
      Budget budget, String justification, Role role, String username, String token)
      throws Exception {
    if (role == Role.VIEWER) {
      long request = pendingRequest(budget, justification);
      requestedBy(request, username);
      return request;
    }
    Api.Answer asked =
        api.post(
            "api/v1/budgets/" + budget.id() + "/increase-requests",
            increase("5000", justification),
            token);
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    assertThat(asked.json().getString("status")).isEqualTo("pending");
    return asked.json().getJsonNumber("id").longValueExact();
  }

  private static void requestedBy(long request, String username) throws Exception {
    update("update increase_requests set requested_by = ? where id = ?", username, request);
  }

  private String requestStatus(long request) {
    return api.get("api/v1/increase-requests/" + request).json().getString("status");
  }

  private static void update(String sql, Object... values) throws Exception {
    try (Connection db = TestDatabase.connect();
        PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }
  }

  private static long count(String sql, Object... values) throws Exception {
    try (Connection db = TestDatabase.connect();
        PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** Whether an answer was an allowance (2xx) or a refusal (403); anything else fails the cell. */
  private static boolean allowed(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isIn(200, 201, 202, 403);
    return answer.status() != 403;
  }

  // ---- the API

  private boolean viaApi(Action action, Role role) throws Exception {
    if (!apiUsers.containsKey(role)) {
      apiUsers.put(role, TestUsers.create(role.name()));
    }
    TestUsers.TestUser user = apiUsers.get(role);
    String token = user.token();
    switch (action) {
      case VIEW -> {
        Budget budget = budget();
        return allowed(api.get("api/v1/budgets/" + budget.id(), token));
      }
      case CREATE_JOB -> {
        String externalId = "it-matrix-" + UUID.randomUUID();
        Api.Answer created =
            api.post(
                "api/v1/jobs",
                Fixtures.load(
                    "portal-job.json",
                    Map.of(
                        "externalId",
                        externalId,
                        "name",
                        "Matrix job",
                        "createdBy",
                        user.username())),
                token);
        boolean ok = allowed(created);
        if (ok) {
          jobsMade.add(created.json().getJsonNumber("id").longValueExact());
        }
        assertThat(count("select count(*) from jobs where external_id = ?", externalId))
            .isEqualTo(ok ? 1 : 0);
        return ok;
      }
      case CANCEL_OWN_JOB, CANCEL_OTHERS_JOB -> {
        long job = job(action == Action.CANCEL_OWN_JOB ? user.username() : "someone-else");
        boolean ok = allowed(api.post("api/v1/jobs/" + job + "/cancel", "", token));
        assertThat(jobStatus(job)).isEqualTo(ok ? "cancelled" : "queued");
        return ok;
      }
      case EDIT_BUDGET -> {
        Budget budget = budget();
        boolean ok =
            allowed(api.put("api/v1/budgets/" + budget.id(), "{\"limit\": 1234.5}", token));
        assertThat(limit(budget)).isEqualTo(ok ? "1234.5" : "1000");
        return ok;
      }
      case REQUEST_INCREASE -> {
        Budget budget = budget();
        boolean ok =
            allowed(
                api.post(
                    "api/v1/budgets/" + budget.id() + "/increase-requests",
                    increase("5000", "More GPUs"),
                    token));
        assertThat(count("select count(*) from increase_requests where budget_id = ?", budget.id()))
            .isEqualTo(ok ? 1 : 0);
        return ok;
      }
      case APPROVE_OWN_REQUEST, APPROVE_OTHERS_REQUEST -> {
        Budget budget = budget();
        String justification = JUSTIFICATION_PREFIX + UUID.randomUUID();
        long request =
            action == Action.APPROVE_OWN_REQUEST
                ? ownRequest(budget, justification, role, user.username(), token)
                : pendingRequest(budget, justification);
        boolean ok =
            allowed(api.post("api/v1/increase-requests/" + request + "/approve", "", token));
        assertThat(requestStatus(request)).isEqualTo(ok ? "approved" : "pending");
        assertThat(limit(budget)).isEqualTo(ok ? "5000" : "1000");
        return ok;
      }
      case EDIT_SETTINGS -> {
        Budget budget = budget();
        String path = "api/v1/budgets/" + budget.id() + "/notifications";
        boolean ok = allowed(api.put(path, "{\"quietHours\": \"22:00-07:00\"}", token));
        var settings = api.get(path).json();
        assertThat(settings.isNull("quietHours")).isEqualTo(!ok);
        return ok;
      }
      case MANAGE_USERS -> {
        String email = "it-matrix-" + UUID.randomUUID() + "@example.com";
        String json =
            Json.createObjectBuilder()
                .add("email", email)
                .add("name", "Matrix user")
                .add("roles", Json.createArrayBuilder().add("VIEWER"))
                .build()
                .toString();
        boolean ok = allowed(api.post("api/v1/users", json, token));
        assertThat(count("select count(*) from users where email = ?", email))
            .isEqualTo(ok ? 1 : 0);
        boolean listed = allowed(api.get("api/v1/users", token));
        assertThat(listed).isEqualTo(ok);
        return ok;
      }
      case EXPORT -> {
        Api.Answer csv = api.get("api/v1/reports/attribution.csv", token);
        boolean ok = allowed(csv);
        if (ok) {
          assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
        }
        return ok;
      }
      case AUDIT_LOG -> {
        boolean csv = allowed(api.get("api/v1/audit-log?format=csv", token));
        assertThat(allowed(api.get("api/v1/audit-log", token))).isEqualTo(csv);
        return csv;
      }
    }
    throw new IllegalStateException(action.name());
  }

  // ---- Slack

  private static String slackId() {
    StringBuilder id = new StringBuilder("U");
    for (int i = 0; i < 10; i++) {
      id.append("ABCDEFGHJKLMNPQRSTUVWXYZ23456789".charAt(ThreadLocalRandom.current().nextInt(32)));
    }
    return id.toString();
  }

  /** A user of {@code role} whom an ADMIN mapped to a Slack user; answers the Slack user id. */
  private record SlackPerson(String username, String token, String slackId) {}

  private SlackPerson slackPerson(Role role) throws Exception {
    if (!slackPeople.containsKey(role)) {
      TestUsers.TestUser user = TestUsers.create(role.name());
      String id = slackId();
      update("update users set slack_user_id = ? where username = ?", id, user.username());
      slackPeople.put(role, new SlackPerson(user.username(), user.token(), id));
    }
    return slackPeople.get(role);
  }

  private Api.Answer signed(String body) {
    URI endpoint = URI.create(base.toString()).resolve("slack/events");
    Api.Answer answer =
        api.send(SlackRequests.signed(endpoint, body, Instant.now(), SlackRequests.SIGNING_SECRET));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  /** A click on button {@code actionId} ({@code value}) of a bot message in the alert channel. */
  private Api.Answer click(String who, String actionId, String value) {
    String json =
        Fixtures.load(
            "slack/block-action.json",
            Map.of(
                "user", who,
                "messageTs", "1800000000.000100",
                "channel", CHANNEL,
                "containerThread", "",
                "messageThread", "",
                "text", "\"Costguard\"",
                "blocks", "[]",
                "actionId", actionId,
                "blockId", "matrix",
                "value", value));
    return signed(SlackRequests.interaction(json));
  }

  private boolean viaSlack(Action action, Role role) throws Exception {
    SlackPerson person = slackPerson(role);
    switch (action) {
      case VIEW -> {
        Api.Answer status = signed(SlackRequests.slashCommand("status", person.slackId()));
        return !status.body().isBlank() && !status.body().contains("not linked");
      }
      case CANCEL_OWN_JOB, CANCEL_OTHERS_JOB -> {
        long job = job(action == Action.CANCEL_OWN_JOB ? person.username() : "someone-else");
        click(person.slackId(), "cancel_job", Long.toString(job));
        boolean cancelled = jobStatus(job).equals("cancelled");
        if (!cancelled) {
          assertThat(refusalsTo(person.slackId())).anyMatch(t -> t.contains("not cancelled"));
        }
        return cancelled;
      }
      case REQUEST_INCREASE -> {
        Budget budget = budget();
        var state =
            Json.createObjectBuilder()
                .add("new_limit", input("new_limit", "5000"))
                .add("justification", input("justification", "More GPUs"));
        String json =
            Fixtures.load(
                "slack/view-submission.json",
                Map.of(
                    "user", person.slackId(),
                    "callbackId", "increase_modal",
                    "metadata", Json.createValue(budget.id() + "|" + CHANNEL + "||").toString(),
                    "values", state.build().toString()));
        Api.Answer answer = signed(SlackRequests.interaction(json));
        long made =
            count("select count(*) from increase_requests where budget_id = ?", budget.id());
        if (made == 0) {
          assertThat(answer.body()).contains("errors");
        }
        return made == 1;
      }
      case APPROVE_OWN_REQUEST, APPROVE_OTHERS_REQUEST -> {
        Budget budget = budget();
        String justification = JUSTIFICATION_PREFIX + UUID.randomUUID();
        long request =
            action == Action.APPROVE_OWN_REQUEST
                ? ownRequest(budget, justification, role, person.username(), person.token())
                : pendingRequest(budget, justification);
        click(person.slackId(), "approve_increase", Long.toString(request));
        boolean approved = requestStatus(request).equals("approved");
        assertThat(limit(budget)).isEqualTo(approved ? "5000" : "1000");
        if (!approved) {
          assertThat(requestStatus(request)).isEqualTo("pending");
          assertThat(refusalsTo(person.slackId())).isNotEmpty();
        }
        return approved;
      }
      default -> throw new IllegalStateException(action.name());
    }
  }

  private static jakarta.json.JsonObjectBuilder input(String block, String typed) {
    return Json.createObjectBuilder()
        .add(
            block + "_input",
            Json.createObjectBuilder().add("type", "plain_text_input").add("value", typed));
  }

  private static List<String> refusalsTo(String slackId) {
    return slack.accepted("chat.postEphemeral").stream()
        .filter(c -> slackId.equals(c.param("user")))
        .map(c -> c.param("text"))
        .toList();
  }

  // ---- the portal

  private static final Pattern FORM_ACTION =
      Pattern.compile("<form id=\"job\"[^>]*action=\"([^\"]+)\"");

  private boolean viaPortal(Action action, Role role) throws Exception {
    if (!portalUsers.containsKey(role)) {
      TestUsers.TestUser user = PortalUsers.create(role.name());
      PortalSession session = new PortalSession(base);
      Api.Answer signIn = session.signIn(user.username(), PortalUsers.PASSWORD);
      assertThat(signIn.status()).as(signIn.body()).isEqualTo(302);
      portalUsers.put(role, user);
      sessions.put(role, session);
    }
    TestUsers.TestUser user = portalUsers.get(role);
    PortalSession session = sessions.get(role);
    switch (action) {
      case VIEW -> {
        Budget budget = budget();
        Api.Answer page = session.get("dashboard/training-budget?budget=" + budget.id());
        assertThat(page.status()).isEqualTo(200);
        return page.body().contains("Matrix " + budget.client().substring(10, 18));
      }
      case CANCEL_OWN_JOB, CANCEL_OTHERS_JOB -> {
        long job = job(action == Action.CANCEL_OWN_JOB ? user.username() : "someone-else");
        String page = session.get("dashboard/jobs/" + job).body();
        boolean offered = page.contains("id=\"job:cancelButton\"");
        Matcher form = FORM_ACTION.matcher(page);
        assertThat(form.find()).as(page).isTrue();
        // Post the confirm button whether or not the page offered it, as a forger would.
        Api.Answer posted =
            session.post(
                form.group(1).replace("&amp;", "&").substring(1),
                new java.util.LinkedHashMap<>(
                    Map.of(
                        "job",
                        "job",
                        "job:confirmCancel",
                        "",
                        "jakarta.faces.ViewState",
                        PortalSession.viewState(page),
                        "primefaces.nonce",
                        PortalSession.nonce(page))));
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        boolean cancelled = jobStatus(job).equals("cancelled");
        assertThat(offered).as("the page offers what the service allows").isEqualTo(cancelled);
        if (!cancelled) {
          assertThat(jobStatus(job)).isEqualTo("queued");
          assertThat(posted.body()).contains("may cancel job " + job);
        }
        return cancelled;
      }
      case EDIT_BUDGET -> {
        // Creating and editing budgets: the dialog exists only for those the service lets change
        // budgets (BudgetPortalIT edits through it; the API cells above check the service).
        String page = session.get("dashboard/budgets").body();
        boolean form = page.contains("id=\"budgetForm\"");
        assertThat(page.contains("id=\"create:newBudget\"")).isEqualTo(form);
        return form;
      }
      case APPROVE_OWN_REQUEST, APPROVE_OTHERS_REQUEST -> {
        Budget budget = budget();
        String justification = JUSTIFICATION_PREFIX + UUID.randomUUID();
        long request =
            action == Action.APPROVE_OWN_REQUEST
                ? ownRequest(budget, justification, role, user.username(), user.token())
                : pendingRequest(budget, justification);
        // The requests waiting for the signed-in user's decision, with Approve / Reject.
        String page = session.get("dashboard/training-budget").body();
        assertThat(requestStatus(request)).isEqualTo("pending");
        return page.contains(justification);
      }
      case MANAGE_USERS -> {
        String page = session.get("dashboard/users").body();
        boolean list = page.contains("id=\"users\"");
        assertThat(page.contains("id=\"refusal\"")).isNotEqualTo(list);
        return list && page.contains(user.username());
      }
      case AUDIT_LOG -> {
        String page = session.get("dashboard/budget/audit-log").body();
        boolean export = page.contains("audit:export");
        assertThat(page.contains("id=\"refusal\"")).isNotEqualTo(export);
        return export;
      }
      default -> throw new IllegalStateException(action.name());
    }
  }
}
