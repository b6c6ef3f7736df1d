package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Budget increase requests over REST against the real WAR and MariaDB, with a user of each role:
 * requested, approved (the limit changes), rejected, applied at once, and refused to those who may
 * not. The database is shared, so each test has a budget and users of its own.
 */
@SharedDeployment
class IncreaseRequestsIT {

  private static final String BUDGETS = "api/v1/budgets";
  private static final String REQUESTS = "api/v1/increase-requests";

  @ArquillianResource URL base;

  private Api api;
  private String client;
  private TestUsers.TestUser engineer;
  private TestUsers.TestUser approver;
  private TestUsers.TestUser manager;

  @BeforeEach
  void setUp() throws SQLException {
    api = new Api(base);
    client = "it-increase-" + UUID.randomUUID();
    engineer = TestUsers.create("ENGINEER");
    approver = TestUsers.create("APPROVER");
    manager = TestUsers.create("BUDGET_MANAGER");
  }

  /** The fixture's budget names {@code admin} as its approver. */
  private long budget(String limit, boolean namedApprover) {
    Api.Answer created =
        api.post(
            BUDGETS,
            Fixtures.load(
                "budget.json",
                Map.of(
                    "name", client, "period", "calendar_month", "limit", limit, "client", client)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValueExact();
    if (!namedApprover) {
      Api.Answer cleared = api.put(BUDGETS + "/" + id, "{\"approver\": null}", Api.TOKEN);
      assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
    }
    return id;
  }

  /** A budget without an approver of its own: any APPROVER decides. */
  private long budget(String limit) {
    return budget(limit, false);
  }

  private Api.Answer ask(long budget, String newLimit, String token) {
    return api.post(
        BUDGETS + "/" + budget + "/increase-requests",
        "{\"newLimit\": %s, \"justification\": \"more training runs\"}".formatted(newLimit),
        token);
  }

  private BigDecimal limitOf(long budget) {
    Api.Answer answer = api.get(BUDGETS + "/" + budget);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().getJsonNumber("limit").bigDecimalValue();
  }

  private List<JsonObject> audit(String action, String actor) {
    Api.Answer answer =
        api.get("api/v1/audit-log?action=" + action + "&actor=" + actor, manager.token());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().getJsonArray("entries").getValuesAs(JsonObject.class);
  }

  @Test
  void anEngineersRequestWaitsForAnApproverWhoAppliesIt() {
    long budget = budget("500");

    Api.Answer asked = ask(budget, "700.50", engineer.token());
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    JsonObject request = asked.json();
    assertThat(request.getString("status")).isEqualTo("pending");
    assertThat(request.getJsonNumber("currentLimit").bigDecimalValue()).isEqualByComparingTo("500");
    assertThat(request.getJsonNumber("newLimit").bigDecimalValue()).isEqualByComparingTo("700.50");
    assertThat(request.getString("requestedBy")).isEqualTo(engineer.username());
    assertThat(request.isNull("approver")).isTrue();
    long id = request.getJsonNumber("id").longValueExact();
    assertThat(asked.location())
        .hasValueSatisfying(l -> assertThat(l).endsWith(REQUESTS + "/" + id));

    Api.Answer own = api.post(REQUESTS + "/" + id + "/approve", "{}", engineer.token());
    assertThat(own.status()).as(own.body()).isEqualTo(403);
    Api.Answer byManager = api.post(REQUESTS + "/" + id + "/approve", "{}", manager.token());
    assertThat(byManager.status()).as(byManager.body()).isEqualTo(403);
    assertThat(limitOf(budget)).isEqualByComparingTo("500");

    Api.Answer approved = api.post(REQUESTS + "/" + id + "/approve", "{}", approver.token());
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().getString("status")).isEqualTo("approved");
    assertThat(approved.json().getString("decidedBy")).isEqualTo(approver.username());
    assertThat(limitOf(budget)).isEqualByComparingTo("700.50");

    Api.Answer again = api.post(REQUESTS + "/" + id + "/approve", "{}", approver.token());
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    Api.Answer read = api.get(REQUESTS + "/" + id, engineer.token());
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().getString("status")).isEqualTo("approved");

    List<JsonObject> requested = audit("increase.requested", engineer.username());
    assertThat(requested).hasSize(1);
    assertThat(requested.get(0).getString("subjectId")).isEqualTo(String.valueOf(budget));
    assertThat(requested.get(0).getString("justification")).isEqualTo("more training runs");
    assertThat(requested.get(0).getString("channel")).isEqualTo("api");
    assertThat(audit("increase.approved", approver.username())).hasSize(1);
    List<JsonObject> changed = audit("budget.limit_changed", approver.username());
    assertThat(changed).hasSize(1);
    assertThat(changed.get(0).getString("approver")).isEqualTo(approver.username());
    assertThat(changed.get(0).getJsonNumber("changePercent").bigDecimalValue())
        .isEqualByComparingTo("40.10");
  }

  @Test
  void anApproverRejectsWithAReason() {
    long budget = budget("500");
    long id = ask(budget, "900", engineer.token()).json().getJsonNumber("id").longValueExact();

    Api.Answer noReason = api.post(REQUESTS + "/" + id + "/reject", "{}", approver.token());
    assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
    assertThat(noReason.json().getString("field")).isEqualTo("reason");

    Api.Answer rejected =
        api.post(REQUESTS + "/" + id + "/reject", "{\"reason\": \"not now\"}", approver.token());
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
    assertThat(rejected.json().getString("status")).isEqualTo("rejected");
    assertThat(rejected.json().getString("reason")).isEqualTo("not now");
    assertThat(limitOf(budget)).isEqualByComparingTo("500");
    assertThat(audit("increase.rejected", approver.username())).hasSize(1);
  }

  /** Any script, and characters outside the Basic Multilingual Plane, are stored as written. */
  @Test
  void aJustificationAndAReasonInAnyLanguageAreKeptAsWritten() {
    long budget = budget("500");
    String justification = "予算を増やしてください: 학습 실행 추가 🚀";
    String reason = "Не сейчас — 다음 분기에 😀";
    Api.Answer asked =
        api.post(
            BUDGETS + "/" + budget + "/increase-requests",
            Json.createObjectBuilder()
                .add("newLimit", 900)
                .add("justification", justification)
                .build()
                .toString(),
            engineer.token());
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    long id = asked.json().getJsonNumber("id").longValueExact();

    Api.Answer rejected =
        api.post(
            REQUESTS + "/" + id + "/reject",
            Json.createObjectBuilder().add("reason", reason).build().toString(),
            approver.token());

    assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
    JsonObject stored = api.get(REQUESTS + "/" + id).json();
    assertThat(stored.getString("justification")).isEqualTo(justification);
    assertThat(stored.getString("reason")).isEqualTo(reason);
  }

  @Test
  void whenTheBudgetNamesAnApproverOtherApproversMayNotDecide() {
    long budget = budget("500", true);
    Api.Answer asked = ask(budget, "900", engineer.token());
    assertThat(asked.json().getString("approver")).isEqualTo("admin");
    long id = asked.json().getJsonNumber("id").longValueExact();

    Api.Answer other = api.post(REQUESTS + "/" + id + "/approve", "{}", approver.token());
    assertThat(other.status()).as(other.body()).isEqualTo(403);
    assertThat(limitOf(budget)).isEqualByComparingTo("500");

    Api.Answer named = api.post(REQUESTS + "/" + id + "/approve", "{}", Api.TOKEN);
    assertThat(named.status()).as(named.body()).isEqualTo(200);
    assertThat(limitOf(budget)).isEqualByComparingTo("900");
  }

  @Test
  void aSmallIncreaseByABudgetManagerAppliesAtOnce() {
    long budget = budget("500");

    Api.Answer asked = ask(budget, "600", manager.token());

    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    assertThat(asked.json().getString("status")).isEqualTo("applied");
    assertThat(limitOf(budget)).isEqualByComparingTo("600");
    assertThat(audit("budget.limit_changed", manager.username())).hasSize(1);
  }

  @Test
  void aViewerMayNotAskAndBadRequestsNameTheField() throws SQLException {
    long budget = budget("500");

    Api.Answer viewer = ask(budget, "600", TestUsers.tokenFor("VIEWER"));
    assertThat(viewer.status()).as(viewer.body()).isEqualTo(403);

    Api.Answer lower = ask(budget, "400", engineer.token());
    assertThat(lower.status()).as(lower.body()).isEqualTo(400);
    assertThat(lower.json().getString("field")).isEqualTo("newLimit");

    Api.Answer noJustification =
        api.post(
            BUDGETS + "/" + budget + "/increase-requests", "{\"newLimit\": 600}", engineer.token());
    assertThat(noJustification.status()).as(noJustification.body()).isEqualTo(400);
    assertThat(noJustification.json().getString("field")).isEqualTo("justification");

    assertThat(ask(999_999_999, "600", engineer.token()).status()).isEqualTo(404);
    assertThat(api.get(REQUESTS + "/999999999", engineer.token()).status()).isEqualTo(404);
  }
}
