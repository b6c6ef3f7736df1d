package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Budgets over REST against the real WAR in Payara Micro and a real MariaDB: created, read,
 * changed, reset and deleted, with spend computed from the cost events and the job costs in scope,
 * and reservations held by jobs. The database is shared with the other tests, so each test scopes
 * its budgets to a client of its own. The installation's time zone is UTC.
 */
@SharedDeployment
class BudgetsIT {

  private static final String BUDGETS = "api/v1/budgets";

  @ArquillianResource URL base;

  private Api api;
  private String client;
  private int events;
  private int jobs;

  @BeforeEach
  void setUp() {
    api = new Api(base);
    client = "it-client-" + UUID.randomUUID();
  }

  private String budget(String period, String limit) {
    return Fixtures.load(
        "budget.json",
        Map.of("name", client + " " + period, "period", period, "limit", limit, "client", client));
  }

  private long created(String period, String limit) {
    Api.Answer created = api.post(BUDGETS, budget(period, limit));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  private JsonObject read(long id) {
    Api.Answer answer = api.get(BUDGETS + "/" + id);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private void spent(String amount, Instant at, String client) {
    Api.Answer posted =
        api.post(
            "api/v1/cost-events",
            Fixtures.load(
                "cost-event.json",
                Map.of(
                    "key",
                    this.client + "-" + events++,
                    "at",
                    at.toString(),
                    "amount",
                    amount,
                    "client",
                    client)));
    assertThat(posted.status()).as(posted.body()).isEqualTo(202);
  }

  /** A queued job of {@code client} on demand at $36/h ($0.60 a minute), estimated at $1-$20. */
  private long job(String client) {
    Api.Answer created =
        api.post(
            "api/v1/jobs",
            Fixtures.load(
                "job-in-scope.json",
                Map.of("externalId", this.client + "-job-" + jobs++, "client", client)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValueExact();
  }

  /** Reports a lifecycle event; {@code more} adds fields, e.g. {@code , "step": 10}. */
  private JsonObject report(long job, String type, Instant at, String more) {
    Api.Answer answer =
        api.post(
            "api/v1/jobs/" + job + "/events",
            "{\"type\": \"%s\", \"at\": \"%s\", \"idempotencyKey\": \"%s\"%s}"
                .formatted(type, at, type + "-" + at, more));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  /** A figure as the JSON has it: {@code 80.00} stays {@code 80.00}. */
  private static String figure(JsonObject json, String name) {
    return json.get(name).toString();
  }

  private static String firstOfThisMonth() {
    return LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1) + "T00:00:00Z";
  }

  private static String firstOfNextMonth() {
    return LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1) + "T00:00:00Z";
  }

  @Test
  void aBudgetIsCreatedReadListedChangedAndDeleted() {
    Api.Answer created = api.post(BUDGETS, budget("calendar_month", "500"));

    assertThat(created.status()).isEqualTo(201);
    JsonObject json = created.json();
    long id = json.getJsonNumber("id").longValue();
    assertThat(created.location())
        .hasValueSatisfying(l -> assertThat(l).endsWith(BUDGETS + "/" + id));
    assertThat(json.getString("name")).isEqualTo(client + " calendar_month");
    assertThat(json.getString("period")).isEqualTo("calendar_month");
    assertThat(figure(json, "limit")).isEqualTo("500.00");
    assertThat(json.get("thresholds").toString()).isEqualTo("[80,95,100]");
    assertThat(json.getBoolean("enabled")).isTrue();
    assertThat(json.get("scope").toString())
        .isEqualTo(
            "{\"client\":\"%s\",\"project\":null,\"team\":null,\"provider\":null}"
                .formatted(client));
    assertThat(json.getBoolean("blockNewJobs")).isTrue();
    assertThat(json.getBoolean("rollover")).isFalse();
    assertThat(json.getString("approver")).isEqualTo("admin");
    assertThat(json.isNull("manager")).isTrue();
    assertThat(figure(json, "spent")).isEqualTo("0.00");
    assertThat(api.get(created.location().orElseThrow()).body()).isEqualTo(created.body());

    Api.Answer changed =
        api.put(
            BUDGETS + "/" + id,
            "{\"limit\": 750.5, \"enabled\": false, \"approver\": null}",
            Api.TOKEN);

    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(figure(changed.json(), "limit")).isEqualTo("750.50");
    assertThat(changed.json().getBoolean("enabled")).isFalse();
    assertThat(changed.json().isNull("approver")).isTrue();
    assertThat(changed.json().getString("name")).isEqualTo(client + " calendar_month");
    assertThat(changed.json().get("scope")).isEqualTo(json.get("scope"));
    assertThat(changed.json().get("thresholds")).isEqualTo(json.get("thresholds"));
    assertThat(changed.json().getString("createdAt")).isEqualTo(json.getString("createdAt"));
    assertThat(read(id)).isEqualTo(changed.json());

    assertThat(listed("?period=calendar_month")).contains(id);
    assertThat(listed("?period=calendar_month&enabledOnly=true")).doesNotContain(id);
    assertThat(listed("?period=daily")).doesNotContain(id);

    Api.Answer deleted = api.delete(BUDGETS + "/" + id, Api.TOKEN);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get(BUDGETS + "/" + id).status()).isEqualTo(404);
    assertThat(listed("")).doesNotContain(id);
  }

  private List<Long> listed(String query) {
    JsonObject list = api.get(BUDGETS + query).json();
    List<Long> ids =
        list.getJsonArray("budgets").getValuesAs(JsonObject.class).stream()
            .map(b -> b.getJsonNumber("id").longValue())
            .toList();
    assertThat(list.getInt("total")).isEqualTo(ids.size());
    return ids;
  }

  @Test
  void spentCountsThisMonthsCostEventsInScopeExactly() {
    long id = created("calendar_month", "500");
    Instant now = Instant.now();
    spent("250.00", now, client);
    spent("150.005", now, client);
    spent("1000", now, "it-other-" + UUID.randomUUID()); // out of scope
    spent("70", Instant.parse(firstOfThisMonth()).minusSeconds(1), client); // last month

    JsonObject budget = read(id);

    // 250.00 + 150.005 = 400.005 of 500: 80.001% shown as 80.00, 99.995 left
    assertThat(figure(budget, "spent")).isEqualTo("400.005");
    assertThat(figure(budget, "usagePercentage")).isEqualTo("80.00");
    assertThat(figure(budget, "remaining")).isEqualTo("99.995");
    assertThat(budget.getBoolean("isExceeded")).isFalse();
    assertThat(figure(budget, "reserved")).isEqualTo("0.00");
    assertThat(figure(budget, "rolledOver")).isEqualTo("0.00");
    assertThat(budget.getString("periodStart")).isEqualTo(firstOfThisMonth());
    assertThat(budget.getString("periodEnd")).isEqualTo(firstOfNextMonth());
    JsonObject forecast = budget.getJsonObject("forecast");
    assertThat(forecast.getJsonNumber("low").bigDecimalValue())
        .isGreaterThanOrEqualTo(new BigDecimal("400.005"));
    assertThat(forecast.get("high")).isEqualTo(forecast.get("low")); // no jobs, no band

    spent("100", now, client);

    JsonObject exceeded = read(id);
    // 500.005 of 500: 100.001% shown as 100.00, nothing left
    assertThat(figure(exceeded, "spent")).isEqualTo("500.005");
    assertThat(figure(exceeded, "usagePercentage")).isEqualTo("100.00");
    assertThat(figure(exceeded, "remaining")).isEqualTo("0.00");
    assertThat(exceeded.getBoolean("isExceeded")).isTrue();
  }

  @Test
  void aDailyBudgetCountsTodayAndAMonthlyOneTheWholeMonth() {
    long daily = created("daily", "100");
    long monthly = created("calendar_month", "1000");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
    spent("40", Instant.now(), client);
    spent("25.50", midnight.minusSeconds(12 * 3600), client); // yesterday noon

    JsonObject day = read(daily);
    JsonObject month = read(monthly);

    assertThat(figure(day, "spent")).isEqualTo("40.00");
    assertThat(figure(day, "usagePercentage")).isEqualTo("40.00");
    assertThat(day.getString("periodStart")).isEqualTo(today + "T00:00:00Z");
    assertThat(day.getString("periodEnd")).isEqualTo(today.plusDays(1) + "T00:00:00Z");
    // yesterday belongs to this month unless today is the first
    boolean yesterdayThisMonth = today.getDayOfMonth() > 1;
    assertThat(figure(month, "spent")).isEqualTo(yesterdayThisMonth ? "65.50" : "40.00");
    assertThat(figure(month, "usagePercentage")).isEqualTo(yesterdayThisMonth ? "6.55" : "4.00");
    assertThat(month.getString("periodStart")).isEqualTo(firstOfThisMonth());
  }

  @Test
  void aResetZeroesTheSpendOfATotalBudget() {
    long id = created("total", "100");
    spent("42.50", Instant.now(), client);
    JsonObject before = read(id);
    assertThat(figure(before, "spent")).isEqualTo("42.50");
    assertThat(before.isNull("periodEnd")).isTrue();
    assertThat(before.isNull("forecast")).isTrue();
    assertThat(before.getString("periodStart")).isEqualTo(before.getString("createdAt"));

    Api.Answer reset = api.post(BUDGETS + "/" + id + "/reset", "");

    assertThat(reset.status()).as(reset.body()).isEqualTo(200);
    JsonObject after = reset.json();
    assertThat(figure(after, "spent")).isEqualTo("0.00");
    assertThat(figure(after, "remaining")).isEqualTo("100.00");
    assertThat(after.getString("periodStart")).isEqualTo(after.getString("lastResetAt"));
    assertThat(after.isNull("periodEnd")).isTrue();
    assertThat(read(id)).isEqualTo(after);

    spent("1.25", Instant.now().plusSeconds(1), client);

    assertThat(figure(read(id), "spent")).isEqualTo("1.25");
  }

  @Test
  void aDailyAndAMonthlyBudgetCountTheCostOfTodaysJobsBesideTheCostEvents() {
    long daily = created("daily", "100");
    long monthly = created("calendar_month", "1000");
    Instant now = Instant.now();
    // 10 minutes of today, ending at most 10 minutes from now (a runner's clock may run ahead)
    Instant midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant started = now.minus(Duration.ofMinutes(20));
    started = started.isBefore(midnight) ? midnight : started;
    long done = job(client);
    report(done, "started", started, "");
    JsonObject completed = report(done, "completed", started.plus(Duration.ofMinutes(10)), "");
    long elsewhere = job("it-other-" + UUID.randomUUID());
    report(elsewhere, "started", started, "");
    report(elsewhere, "completed", started.plus(Duration.ofMinutes(10)), "");
    spent("1.25", now, client);

    assertThat(figure(completed, "currentCost")).isEqualTo("6.00");
    for (long id : List.of(daily, monthly)) {
      JsonObject budget = read(id);
      assertThat(figure(budget, "spent")).isEqualTo("7.25"); // 6.00 + 1.25
      assertThat(figure(budget, "reserved")).isEqualTo("0.00"); // the job has ended
    }
  }

  @Test
  void aRunningJobCountsWhatItCostAndHoldsTheRestOfItsEstimate() {
    // A total budget runs from its creation, with no boundary after it: nothing of the jobs below
    // falls outside it, whenever the test runs.
    long id = created("total", "500");
    Instant start = Instant.parse(read(id).getString("periodStart"));
    // A runner's clock may run up to an hour ahead of ours, and a job is costed to its latest
    // report: stamped minutes ahead, the figures below hold however long the test takes.
    long running = job(client);
    report(running, "started", start.plusSeconds(1), "");
    report(running, "progress", start.plusSeconds(301), ", \"step\": 100, \"stage\": \"training\"");
    long done = job(client);
    report(done, "started", start.plusSeconds(1), "");
    report(done, "completed", start.plusSeconds(121), "");
    long queued = job(client);
    long elsewhere = job("it-other-" + UUID.randomUUID());
    report(elsewhere, "started", start.plusSeconds(1), "");
    report(elsewhere, "completed", start.plusSeconds(61), "");
    spent("2.50", Instant.now(), client);

    JsonObject budget = read(id);
    JsonObject runningCost = api.get("api/v1/jobs/" + running + "/cost").json();

    // running 5 min (3.00) + done 2 min (1.20) + the cost event 2.50
    assertThat(figure(runningCost, "currentCost")).isEqualTo("3.00");
    assertThat(runningCost.getString("status")).isEqualTo("running");
    assertThat(figure(budget, "spent")).isEqualTo("6.70");
    // running: 20 − 3.00; queued: all of its 20; done: nothing
    assertThat(figure(budget, "reserved")).isEqualTo("37.00");
    assertThat(figure(budget, "remaining")).isEqualTo("493.30");
    assertThat(api.get("api/v1/jobs/" + queued).json().getString("status")).isEqualTo("queued");
  }

  @Test
  void viewersAndEngineersReadButDoNotChangeBudgets() throws SQLException {
    long id = created("calendar_month", "500");
    JsonObject before = read(id);

    for (String role : List.of("VIEWER", "ENGINEER")) {
      String token = TestUsers.tokenFor(role);
      List<Api.Answer> refused =
          List.of(
              api.post(BUDGETS, budget("daily", "10"), token),
              api.put(BUDGETS + "/" + id, "{\"limit\": 1}", token),
              api.post(BUDGETS + "/" + id + "/reset", "", token),
              api.delete(BUDGETS + "/" + id, token));
      assertThat(refused).as(role).extracting(Api.Answer::status).containsOnly(403);
      assertThat(refused.get(0).json().getString("error")).isEqualTo("forbidden");
      assertThat(api.get(BUDGETS + "/" + id, token).status()).as(role).isEqualTo(200);
      assertThat(api.get(BUDGETS, token).status()).as(role).isEqualTo(200);
    }
    assertThat(listed("")).contains(id);
    JsonObject after = read(id);
    assertThat(after.getString("updatedAt")).isEqualTo(before.getString("updatedAt"));
    assertThat(after.isNull("lastResetAt")).isTrue();

    Api.Answer byManager =
        api.post(BUDGETS, budget("weekly", "10"), TestUsers.tokenFor("BUDGET_MANAGER"));
    assertThat(byManager.status()).as(byManager.body()).isEqualTo(201);
  }

  @Test
  void badBodiesAreRefusedNamingTheField() {
    String good = budget("calendar_month", "500");
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(good.replace("\"name\": \"" + client + " calendar_month\",", ""), "name");
    cases.put(good.replace(client + " calendar_month", "n".repeat(201)), "name");
    cases.put(good.replace("\"calendar_month\"", "\"monthly\""), "period");
    cases.put(good.replace("\"limit\": 500", "\"limit\": 0"), "limit");
    cases.put(good.replace("\"limit\": 500", "\"limit\": -5"), "limit");
    cases.put(good.replace("\"limit\": 500", "\"limit\": \"500\""), "limit");
    cases.put(good.replace("\"limit\": 500", "\"limit\": 1.0000001"), "limit");
    cases.put(good.replace("\"limit\": 500", "\"limit\": 1000000000000.01"), "limit");
    cases.put(good.replace("\"limit\": 500,", ""), "limit");
    cases.put(good.replace("[80, 95, 100]", "[80, 0]"), "thresholds[1]");
    cases.put(good.replace("[80, 95, 100]", "[1001]"), "thresholds[0]");
    cases.put(good.replace("[80, 95, 100]", "[80.5]"), "thresholds[0]");
    cases.put(good.replace("[80, 95, 100]", "\"80\""), "thresholds");
    cases.put(good.replace("{\"client\": \"" + client + "\"}", "\"acme\""), "scope");
    cases.put(good.replace("\"" + client + "\"}", "42}"), "scope.client");
    cases.put(good.replace(client + "\"}", "c".repeat(201) + "\"}"), "scope.client");
    cases.put(good.replace("\"blockNewJobs\": true", "\"blockNewJobs\": \"yes\""), "blockNewJobs");
    cases.put(good.replace("\"admin\"", "\"nobody-" + UUID.randomUUID() + "\""), "approver");

    for (var bad : cases.entrySet()) {
      Api.Answer refused = api.post(BUDGETS, bad.getKey());
      assertThat(refused.status()).as(bad.getKey()).isEqualTo(400);
      assertThat(refused.json().getString("error")).isEqualTo("validation");
      assertThat(refused.json().getString("field")).as(bad.getKey()).isEqualTo(bad.getValue());
    }
    assertThat(listed("")).isNotEmpty();
    assertThat(api.post(BUDGETS, "{\"name\": ").status()).isEqualTo(400);
    assertThat(api.get(BUDGETS + "?period=monthly").json().getString("field")).isEqualTo("period");
    assertThat(api.get(BUDGETS + "?enabledOnly=maybe").json().getString("field"))
        .isEqualTo("enabledOnly");

    long id = created("calendar_month", "500");
    Api.Answer badChange = api.put(BUDGETS + "/" + id, "{\"limit\": 0}", Api.TOKEN);
    assertThat(badChange.status()).isEqualTo(400);
    assertThat(badChange.json().getString("field")).isEqualTo("limit");
    assertThat(figure(read(id), "limit")).isEqualTo("500.00");
  }

  @Test
  void anUnknownBudgetIsNotFound() {
    String unknown = BUDGETS + "/" + Long.MAX_VALUE;

    List<Api.Answer> answers =
        List.of(
            api.get(unknown),
            api.put(unknown, "{\"limit\": 1}", Api.TOKEN),
            api.delete(unknown, Api.TOKEN),
            api.post(unknown + "/reset", ""),
            api.get(BUDGETS + "/not-a-number"));

    assertThat(answers).extracting(Api.Answer::status).containsOnly(404);
    assertThat(answers).extracting(a -> a.json().getString("error")).containsOnly("not_found");
  }

  @Test
  void theOpenApiDocumentDescribesBudgets() {
    assertThat(api.get("openapi", null).body())
        .contains("/api/v1/budgets/{id}/reset")
        .contains("Create a budget");
  }
}
