package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Names with markup, formulas and SQL in them, as a hostile user or runner would send them: the
 * portal shows them as text (Chromium: no element of theirs in the DOM, no script of theirs run),
 * the CSV exports neutralise formulas, and SQL in any API query parameter or portal filter is
 * answered with a 4xx or an empty result, never a 500 or someone else's rows. (Slack messages and
 * e-mail with such names: {@code SlackBotIT}, {@code AlertsMailIT} and the bot's and the e-mail's
 * unit tests.)
 */
@SharedDeployment
class HostileInputIT {

  /** Each would run a script if shown as markup; the marker says whose it was. */
  private static String markup(String marker) {
    return "<script>window.__xss='"
        + marker
        + "';alert(1)</script><img src=x onerror=\"window.__xss='"
        + marker
        + "';alert(2)\">\"'><svg onload=alert(3)>";
  }

  private static final List<String> SQL =
      List.of(
          "' OR '1'='1",
          "1' OR 1=1 -- ",
          "1; DROP TABLE users; --",
          "%' UNION SELECT username, password_hash, 1, 1 FROM users -- ",
          "\\'; SELECT SLEEP(5); --");

  @ArquillianResource URL base;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(base);
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void namesWithMarkupAreShownAsTextOnEveryPage() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String client = "Client " + tag + markup("client");
    String project = "Project " + tag + markup("project");
    String budgetName = "Budget " + tag + markup("budget");
    String jobName = "Job " + tag + markup("job");
    TestUsers.TestUser admin = PortalUsers.create("ADMIN");
    // A creator a spreadsheet would run as a formula; a user whose display name is markup.
    String creator = "=HYPERLINK(\"http://evil.example\",\"" + tag + "\")";
    TestUsers.TestUser named = TestUsers.create("VIEWER");
    try (var db = TestDatabase.connect();
        var rename = db.prepareStatement("update users set name = ? where username = ?")) {
      rename.setString(1, "User " + tag + markup("user"));
      rename.setString(2, named.username());
      assertThat(rename.executeUpdate()).isEqualTo(1);
    }

    Api.Answer budget =
        api.post(
            "api/v1/budgets",
            Json.createObjectBuilder()
                .add("name", budgetName)
                .add("period", "calendar_month")
                .add("limit", 100)
                .add("scope", Json.createObjectBuilder().add("client", client))
                .build()
                .toString());
    assertThat(budget.status()).as(budget.body()).isEqualTo(201);
    long budgetId = budget.json().getJsonNumber("id").longValueExact();
    Api.Answer job =
        api.post(
            "api/v1/jobs",
            Json.createObjectBuilder()
                .add("externalId", "it-xss-" + tag)
                .add("name", jobName)
                .add("createdBy", creator)
                .add("client", client)
                .add("project", project)
                .add("team", "=HYPERLINK(\"http://evil.example\",\"x\")")
                .add("provider", "aws")
                .add("gpuType", "H100")
                .add("pricing", "spot")
                .add("hourlyRate", 2.49)
                .add("onDemandHourlyRate", 7.99)
                .add("estimateMin", 10)
                .add("estimateMax", 12)
                .add("totalSteps", 100)
                .build()
                .toString());
    assertThat(job.status()).as(job.body()).isEqualTo(201);
    long jobId = job.json().getJsonNumber("id").longValueExact();
    Instant now = Instant.now();
    assertThat(
            api.post(
                    "api/v1/jobs/" + jobId + "/events",
                    "{\"type\":\"started\",\"at\":\""
                        + now.minusSeconds(3600)
                        + "\","
                        + "\"idempotencyKey\":\"xss-"
                        + tag
                        + "\"}")
                .status())
        .isEqualTo(200);
    Api.Answer events =
        api.post(
            "api/v1/cost-events",
            Json.createObjectBuilder()
                .add(
                    "events",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("idempotencyKey", "xss-event-" + tag)
                                .add("occurredAt", now.minusSeconds(60).toString())
                                .add("operationType", "llm " + tag + markup("operation"))
                                .add("amount", 1.25)
                                .add("client", client)
                                .add("project", project)
                                .add("user", "=cmd|' /C calc'!A0")))
                .build()
                .toString());
    assertThat(events.status()).as(events.body()).isEqualTo(202);
    Api.Answer request =
        api.post(
            "api/v1/budgets/" + budgetId + "/increase-requests",
            "{\"newLimit\": 5000, \"justification\": "
                + Json.createValue(markup("justification"))
                + "}",
            TestUsers.tokenFor("ENGINEER"));
    assertThat(request.status()).as(request.body()).isEqualTo(201);

    ChromeDriver browser = Browser.start();
    try {
      PortalUsers.signIn(browser, base, admin.username());
      for (String page :
          List.of(
              "dashboard/training-budget?budget=" + budgetId,
              "dashboard/budgets",
              "dashboard/jobs",
              "dashboard/jobs/" + jobId,
              "dashboard/cost-events",
              "dashboard/cost-attribution",
              "dashboard/budget/audit-log",
              "dashboard/settings/budget-notifications?budget=" + budgetId,
              "dashboard/users")) {
        browser.get(base + page);
        assertThat(browser.findElements(By.id("main"))).as(page).hasSize(1);
        assertNothingInjected(browser, page);
      }
      browser.get(base + "dashboard/jobs/" + jobId);
      assertThat(browser.findElement(By.id("main")).getText())
          .as("shown as text")
          .contains(jobName);
      browser.get(base + "dashboard/budgets");
      assertThat(browser.findElement(By.id("main")).getText()).contains(budgetName);
      // The delete confirmation shows the name in a dialog built by script: as text too.
      browser
          .findElement(By.cssSelector("button[aria-label^='Delete Budget " + tag + "']"))
          .click();
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(d -> d.findElement(By.cssSelector(".ui-confirm-dialog-message")).isDisplayed());
      assertThat(browser.findElement(By.cssSelector(".ui-confirm-dialog-message")).getText())
          .contains(budgetName);
      assertNothingInjected(browser, "the delete confirmation");
      Browser.screenshots(browser, "hostile-names-budgets");
    } finally {
      browser.quit();
    }

    // The CSV exports: a formula a spreadsheet would run is text.
    Api.Answer csv = api.get("api/v1/reports/attribution.csv");
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .build()
            .parse(new StringReader(csv.body()))
            .getRecords();
    CSVRecord ours =
        rows.stream().filter(r -> r.get("Job").contains(tag)).findFirst().orElseThrow();
    assertThat(ours.get("Job")).isEqualTo(jobName);
    assertThat(ours.get("Client")).isEqualTo(client);
    assertThat(ours.get("Creator")).isEqualTo("'" + creator);
    for (CSVRecord row : rows) {
      for (String cell : row) {
        assertThat(cell).as("no cell starts a formula").doesNotStartWith("=").doesNotStartWith("@");
      }
    }
    // Put to rest for the classes after this one: no running job, no enabled budget left.
    api.post("api/v1/jobs/" + jobId + "/cancel", "");
    api.put("api/v1/budgets/" + budgetId, "{\"enabled\": false}", Api.TOKEN);
  }

  /** No element or handler of the names made it into the DOM, none of their scripts ran. */
  private static void assertNothingInjected(ChromeDriver browser, String page) {
    try {
      browser.switchTo().alert();
      throw new AssertionError(page + ": an alert fired");
    } catch (NoAlertPresentException expected) {
      // as it should be
    }
    assertThat(browser.executeScript("return window.__xss === undefined ? null : window.__xss;"))
        .as(page)
        .isNull();
    // (PrimeFaces' own scripts may carry a name as JavaScript string data, e.g. a confirm
    // message: only a script element that *is* a name's script counts.)
    Object injected =
        browser.executeScript(
            "return document.querySelectorAll('img[src=\"x\"], svg[onload], [onerror]').length +"
                + " Array.from(document.scripts).filter(s =>"
                + " s.text.trim().startsWith('window.__xss')).length;");
    assertThat(injected).as(page + ": elements of the names").isEqualTo(0L);
  }

  /** Types {@code text} alone into the audit log's filter {@code field}, applies, waits for it. */
  private void filter(ChromeDriver browser, String field, String text) {
    browser.get(base + "dashboard/budget/audit-log");
    browser.findElement(By.id(field)).sendKeys(text);
    browser.findElement(By.id("audit:apply")).click();
    Browser.ajaxDone(browser);
  }

  @Test
  void sqlInAnyApiQueryParameterIsAnsweredWithoutAnErrorOrALeak() {
    List<String> queries =
        List.of(
            "alerts?budget=%s",
            "alerts?since=%s",
            "attribution?from=%s",
            "attribution?to=%s",
            "audit-log?actor=%s",
            "audit-log?from=%s",
            "audit-log?to=%s",
            "audit-log?action=%s",
            "audit-log?offset=%s",
            "audit-log?limit=%s",
            "audit-log?format=%s",
            "budgets?period=%s",
            "budgets?enabledOnly=%s",
            "optimization?from=%s",
            "rate-cards?operationType=%s",
            "rate-cards?unitType=%s",
            "spending/summary?from=%s",
            "spending/summary?to=%s",
            "reports/attribution.csv?from=%s",
            "reports/attribution.pdf?paper=%s",
            "reports/cost-optimization.csv?to=%s",
            "budgets/%s",
            "jobs/%s",
            "clients/%s",
            "increase-requests/%s");
    for (String query : queries) {
      for (String sql : SQL) {
        String path = "api/v1/" + query.formatted(q(sql));
        Api.Answer answer = api.get(path);
        assertThat(answer.status()).as(path + " → " + answer.body()).isBetween(200, 499);
        assertThat(answer.body())
            .as(path)
            .doesNotContain("password_hash")
            .doesNotContain("$pbkdf2");
      }
    }
    // Filters that match text find nothing for SQL, rather than everything.
    for (String sql : SQL) {
      assertThat(
              api.get("api/v1/rate-cards?operationType=" + q(sql)).json().getJsonArray("rateCards"))
          .isEmpty();
      Api.Answer audit = api.get("api/v1/audit-log?actor=" + q(sql));
      assertThat(audit.status()).isEqualTo(200);
      assertThat(audit.json().getJsonArray("entries")).isEmpty();
    }
    assertThat(api.get("api/v1/users").status())
        .as("the users table is still there")
        .isEqualTo(200);
  }

  @Test
  void sqlInThePortalsFiltersShowsAnEmptyResultOrARefusalNeverAnError() throws Exception {
    TestUsers.TestUser manager = PortalUsers.create("BUDGET_MANAGER");
    PortalSession session = new PortalSession(base);
    assertThat(session.signIn(manager.username(), PortalUsers.PASSWORD).status()).isEqualTo(302);
    // Pages are slower than API calls: three of the attempts are enough for each filter here.
    List<String> attempts = SQL.subList(0, 3);
    for (String sql : attempts) {
      for (String path :
          List.of(
              "dashboard/training-budget?budget=" + q(sql),
              "dashboard/cost-attribution?range=custom&from=" + q(sql) + "&to=" + q(sql),
              "dashboard/cost-attribution?range=" + q(sql),
              "dashboard/jobs/" + q(sql),
              "dashboard/job.xhtml?id=" + q(sql),
              "dashboard/settings/budget-notifications?budget=" + q(sql))) {
        Api.Answer page = session.get(path);
        assertThat(page.status()).as(path + " → " + page.body()).isBetween(200, 499);
      }
    }

    // The audit log's free-text filters, typed in Chromium.
    ChromeDriver browser = Browser.start();
    try {
      PortalUsers.signIn(browser, base, manager.username());
      for (String sql : attempts) {
        // A user filter of SQL matches no entry (rather than every one).
        filter(browser, "audit:user", sql);
        assertThat(browser.findElements(By.id("main"))).as(sql).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#audit\\:entries tbody .action")))
            .as(sql + ": no entry matches")
            .isEmpty();
      }
      for (String field : List.of("audit:from", "audit:to")) {
        // A date that is no date is refused next to the filters.
        filter(browser, field, SQL.get(0));
        assertThat(browser.findElements(By.id("main"))).as(field).hasSize(1);
        assertThat(browser.findElements(By.cssSelector(".ui-messages-error")))
            .as(field)
            .isNotEmpty();
      }
    } finally {
      browser.quit();
    }
  }
}
