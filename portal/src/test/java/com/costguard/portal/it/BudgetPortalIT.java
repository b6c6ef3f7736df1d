package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The budget pages in headless Chromium, signed in as each role: the dashboard shows what the API
 * reports, the budgets page creates, edits and deletes, the increase dialog applies or asks an
 * approver, banners follow 80/95/100 and only the 80% one is dismissed, and a VIEWER changes
 * nothing, even with a page rendered before their roles were cut.
 */
@SharedDeployment
class BudgetPortalIT {

  private static final String PASSWORD = "it-portal-password-1";

  @ArquillianResource URL base;

  private Api api;
  private ChromeDriver browser;
  private final String client = "it-portal-" + UUID.randomUUID().toString().substring(0, 8);
  private final AtomicInteger keys = new AtomicInteger();

  @BeforeEach
  void start() {
    api = new Api(base);
    browser = Browser.start();
  }

  @AfterEach
  void stop() {
    browser.quit();
  }

  // ---- fixtures over the API ----

  /** A user with a password and {@code roles}; returns its username. */
  private String user(String... roles) {
    String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
    String json =
        """
        {"username": "%1$s", "email": "%1$s@example.com", "name": "%1$s", "password": "%2$s",
         "roles": [%3$s]}"""
            .formatted(
                name,
                PASSWORD,
                String.join(
                    ", ", java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList()));
    Api.Answer created = api.post("api/v1/users", json, Api.TOKEN);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return name;
  }

  private void changeRoles(String username, String role) {
    Api.Answer users = api.get("api/v1/users", Api.TOKEN);
    long id =
        users.json().getJsonArray("users").getValuesAs(JsonObject.class).stream()
            .filter(u -> u.getString("username").equals(username))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValueExact();
    Api.Answer changed =
        api.put("api/v1/users/" + id, "{\"roles\": [\"" + role + "\"]}", Api.TOKEN);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
  }

  private long budget(String name, String limit, String approver) {
    String json =
        """
        {"name": "%s", "period": "calendar_month", "limit": %s, "thresholds": [80, 95, 100],
         "scope": {"client": "%s"}%s}"""
            .formatted(
                name,
                limit,
                client,
                approver == null ? "" : ", \"approver\": \"" + approver + "\"");
    Api.Answer created = api.post("api/v1/budgets", json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValueExact();
  }

  private JsonObject budgetAsApi(long id) {
    Api.Answer answer = api.get("api/v1/budgets/" + id);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private void spend(String amount) {
    Api.Answer posted =
        api.post(
            "api/v1/cost-events",
            Fixtures.load(
                "cost-event.json",
                Map.of(
                    "key",
                    client + "-" + keys.incrementAndGet(),
                    "at",
                    Instant.now().minusSeconds(5).toString(),
                    "amount",
                    amount,
                    "client",
                    client)));
    assertThat(posted.status()).as(posted.body()).isEqualTo(202);
  }

  /** A job of this test's client that ran two hours at $36/h: $72.00. */
  private long finishedJob(String name) {
    return job(name, true);
  }

  /** A job started three hours ago, completed after two ($72.00) or still running ($108 and on). */
  private long job(String name, boolean completed) {
    Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    return job(name, start, completed ? start.plus(2, ChronoUnit.HOURS) : null);
  }

  /** A job of the client's at $36 an hour, started at {@code start}, completed at {@code end}. */
  private long job(String name, Instant start, Instant end) {
    Api.Answer created =
        api.post(
            "api/v1/jobs",
            Fixtures.load(
                    "job-in-scope.json",
                    Map.of(
                        "externalId", client + "-job-" + keys.incrementAndGet(), "client", client))
                .replace("Budget check", name));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValueExact();
    List<Map.Entry<String, Instant>> events =
        end != null
            ? List.of(Map.entry("started", start), Map.entry("completed", end))
            : List.of(Map.entry("started", start));
    for (var event : events) {
      Api.Answer answer =
          api.post(
              "api/v1/jobs/" + id + "/events",
              "{\"type\": \"%s\", \"at\": \"%s\", \"idempotencyKey\": \"%s\"}"
                  .formatted(event.getKey(), event.getValue(), event.getKey()));
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
    return id;
  }

  private static String money(JsonObject json, String field) {
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
    return format.format(
        json.getJsonNumber(field).bigDecimalValue().setScale(2, java.math.RoundingMode.HALF_UP));
  }

  // ---- the browser ----

  private void signIn(String username) {
    browser.manage().deleteAllCookies();
    browser.get(base + "login.xhtml");
    browser.findElement(By.id("login:username")).sendKeys(username);
    browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login:submit")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/dashboard/"));
  }

  private void open(String path) {
    browser.get(base + path);
  }

  private WebElement byId(String id) {
    return browser.findElement(By.id(id));
  }

  private boolean present(By by) {
    browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    try {
      return !browser.findElements(by).isEmpty();
    } finally {
      browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }
  }

  private void waitUntil(
      java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class) // an ajax update replaced the element
        .until(condition);
  }

  private void type(String id, String text) {
    WebElement input = byId(id);
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
  }

  private By banner(long budgetId) {
    return By.cssSelector("div.banner[data-budget='" + budgetId + "']");
  }

  /** The whole page at desktop (1366 px) and mobile (390 px) width. */
  private void screenshots(String name) throws IOException {
    screenshots(name, List.of(Map.entry("desktop", 1366), Map.entry("mobile", 390)));
  }

  private void screenshots(String name, List<Map.Entry<String, Integer>> widths)
      throws IOException {
    for (var width : widths) {
      browser.manage().window().setSize(new Dimension(width.getValue(), 900));
      long height =
          (Long)
              ((JavascriptExecutor) browser)
                  .executeScript("return document.documentElement.scrollHeight");
      browser
          .manage()
          .window()
          .setSize(new Dimension(width.getValue(), (int) Math.min(height + 40, 6000)));
      Browser.screenshot(browser, name + "-" + width.getKey());
    }
    browser.manage().window().setSize(new Dimension(1366, 900));
  }

  /** Picks an option of a PrimeFaces menu's hidden select, which the form posts. */
  private void choose(String selectId, String value) {
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.getElementById(arguments[0]).value = arguments[1];", selectId, value);
  }

  /** The CSV export, posted as its button posts it, with the form's filters. */
  private String exportCsv() {
    return (String)
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const form = document.getElementById('jobs');"
                    + "const data = new URLSearchParams(new FormData(form));"
                    + "data.append('jobs:exportCsv', 'jobs:exportCsv');"
                    + "fetch(form.action, {method: 'POST', body: data})"
                    + ".then(r => r.text()).then(done, e => done(String(e)));");
  }

  // ---- the tests ----

  /**
   * The table pages through the database: finished jobs settled in the month are counted, sorted
   * and filtered there, the running one in memory, and every page and the export merge the two.
   */
  @Test
  void aMonthsManyJobsArePagedSortedAndFilteredAsOneTable() {
    for (int i = 1; i <= 26; i++) {
      finishedJob("Batch %02d %s".formatted(i, client));
    }
    job("Alpha run " + client, false);
    long id = budget("Many jobs " + client, "10000", null);

    signIn(user("BUDGET_MANAGER"));
    open("dashboard/training-budget?budget=" + id);

    assertThat(byId("jobCount").getText()).isEqualTo("27");
    assertThat(byId("jobs").getText()).contains("1–25 of 27");
    List<WebElement> rows = browser.findElements(By.cssSelector("#jobs\\:jobTable_data tr"));
    assertThat(rows).hasSize(25);
    // the costliest: $108 at three hours, and more each second it runs
    assertThat(rows.get(0).getText()).contains("Alpha run").contains("running").contains("$108.");
    browser.findElement(By.cssSelector("#jobs .ui-paginator-next")).click();
    waitUntil(d -> byId("jobs").getText().contains("26–27 of 27"));
    assertThat(byId("jobs:jobTable_data").getText())
        .contains("Batch 25 " + client)
        .contains("Batch 26 " + client)
        .doesNotContain("Alpha run");

    browser.findElement(By.xpath("//th[.//span[text()='Job']]")).click(); // by name, A to Z
    waitUntil(d -> byId("jobs").getText().contains("1–25 of 27"));
    waitUntil(
        d -> {
          String table = byId("jobs:jobTable_data").getText();
          int alpha = table.indexOf("Alpha run " + client);
          int first = table.indexOf("Batch 01 " + client);
          return alpha >= 0 && alpha < first && first < table.indexOf("Batch 02 " + client);
        });

    choose("jobs:status_input", "running");
    byId("jobs:applyFilter").click();
    waitUntil(d -> byId("jobs").getText().contains("1–1 of 1"));
    assertThat(exportCsv().lines().filter(line -> line.contains(client)).toList())
        .singleElement()
        .asString()
        .startsWith("Alpha run " + client + ",running,108.");

    choose("jobs:status_input", "completed");
    byId("jobs:applyFilter").click();
    waitUntil(d -> byId("jobs").getText().contains("1–25 of 26"));
    assertThat(exportCsv().lines().filter(line -> line.startsWith("Batch ")).toList())
        .hasSize(26)
        .allMatch(line -> line.contains(",completed,72.00,"));
  }

  /**
   * A job that ran across the month's start counts what it accrued in the month, in the table and
   * the spend alike: read from its days (V28), as costing it from its events gives.
   */
  @Test
  void aJobAcrossTheMonthsStartCountsWhatItAccruedInTheMonth() {
    Instant monthStart =
        LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Assumptions.assumeTrue(
        Instant.now().isAfter(monthStart.plus(2, ChronoUnit.HOURS)), "its end is still to come");
    // 2 h before the month ($72) and 1 h in it ($36), $108 in all
    job(
        "Across run " + client,
        monthStart.minus(2, ChronoUnit.HOURS),
        monthStart.plus(1, ChronoUnit.HOURS));
    long id = budget("Across " + client, "10000", null);
    assertThat(money(budgetAsApi(id), "spent")).isEqualTo("$36.00");

    signIn(user("BUDGET_MANAGER"));
    open("dashboard/training-budget?budget=" + id);

    assertThat(byId("jobCount").getText()).isEqualTo("1");
    assertThat(exportCsv().lines().filter(line -> line.contains(client)).toList())
        .singleElement()
        .asString()
        .startsWith("Across run " + client + ",completed,36.00,");
  }

  @Test
  void aBudgetManagerReadsTheMonthsPositionAsTheApiReportsIt() throws IOException {
    // The job first: while it ran, its cost and projection would have alerted a budget of 500.
    finishedJob("=SUM(1) fine-tune " + client); // a formula, to the CSV export
    long id = budget("Training " + client, "500", null);
    spend("123.45");
    spend("200");
    JsonObject api = budgetAsApi(id);
    String manager = user("BUDGET_MANAGER");

    signIn(manager);
    open("dashboard/training-budget?budget=" + id);

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Training budget");
    assertThat(new Select(byId("budget")).getFirstSelectedOption().getText())
        .isEqualTo("Training " + client);
    assertThat(byId("spent").getText()).isEqualTo(money(api, "spent")).isEqualTo("$395.45");
    assertThat(byId("limit").getText()).isEqualTo(money(api, "limit"));
    assertThat(byId("remaining").getText()).isEqualTo(money(api, "remaining"));
    assertThat(byId("usedPercent").getText())
        .isEqualTo(api.getJsonNumber("usagePercentage").bigDecimalValue().intValue() + "%");
    JsonObject forecast = api.getJsonObject("forecast");
    String low = money(forecast, "low");
    String high = money(forecast, "high");
    assertThat(byId("forecast").getText()).isEqualTo(low.equals(high) ? low : low + " – " + high);
    assertThat(byId("forecastStatus").getText()).isNotBlank();
    assertThat(byId("jobCount").getText()).isEqualTo("1");
    String jobs = byId("jobs:jobTable").getText();
    assertThat(jobs).contains("=SUM(1) fine-tune " + client).contains("$72.00").contains("MEDIUM");
    assertThat(byId("trend").getText()).isNotBlank();
    assertThat(present(By.cssSelector("#spendChart canvas"))).isTrue();
    assertThat(present(banner(id))).isFalse(); // 79%: no threshold crossed
    screenshots(
        "training-budget",
        List.of(Map.entry("desktop", 1366), Map.entry("tablet", 820), Map.entry("mobile", 390)));

    // The filters: nothing costs $100 or more; cleared, the job is back.
    type("jobs:minCost_input", "100");
    byId("jobs:applyFilter").click();
    waitUntil(d -> byId("jobs:jobTable").getText().contains("that match the filter"));
    byId("jobs:clearFilter").click();
    waitUntil(d -> byId("jobs:jobTable").getText().contains("$72.00"));

    // The CSV export, posted as the button posts it: the job's formula is neutralised.
    assertThat(exportCsv())
        .startsWith("Job,Status,Cost,% of budget,Created by,Created,Client,Project")
        .contains("'=SUM(1) fine-tune " + client + ",completed,72.00,14.40,admin,")
        .doesNotContain(",=SUM");

    // The controls: a new limit is confirmed, saved through the service, and the API sees it.
    browser.findElement(By.cssSelector("#controlsDetails summary")).click();
    type("controls:limit_input", "20000");
    byId("controls:saveControls").click();
    waitUntil(d -> byId("controls").getText().contains("between $50.00 and $10,000.00"));
    assertThat(budgetAsApi(id).getJsonNumber("limit").bigDecimalValue())
        .isEqualByComparingTo("500");
    type("controls:limit_input", "450");
    byId("controls:saveControls").click();
    waitUntil(d -> byId("confirmText").isDisplayed());
    assertThat(byId("confirmText").getText()).contains("$500.00").contains("$450.00");
    screenshots("training-budget-confirm-limit");
    byId("controls:confirmSave").click();
    waitUntil(
        d ->
            budgetAsApi(id)
                    .getJsonNumber("limit")
                    .bigDecimalValue()
                    .compareTo(new BigDecimal("450"))
                == 0);

    // Another budget, picked with the form.
    long other = budget("Other " + client, "300", null);
    open("dashboard/training-budget?budget=" + id);
    new Select(byId("budget")).selectByVisibleText("Other " + client);
    browser.findElement(By.cssSelector("#picker button")).click();
    waitUntil(d -> d.getCurrentUrl().contains("budget=" + other));
    assertThat(byId("limit").getText()).isEqualTo("$300.00");

    open("dashboard/training-budget?budget=999999999");
    assertThat(byId("loadError").getText()).contains("There is no budget 999999999");
  }

  @Test
  void bannersAppearAt80And95And100AndOnlyThe80OneIsDismissed() throws IOException {
    long id = budget("Banner " + client, "100", null);
    spend("81");
    String engineer = user("ENGINEER");
    String other = user("VIEWER");

    signIn(engineer);
    open("dashboard/cost-events");
    WebElement warning = browser.findElement(banner(id));
    assertThat(warning.getAttribute("class")).contains("banner-warning");
    assertThat(warning.getText()).contains("Warning").contains("81%").contains("$81.00 of $100.00");
    warning.findElement(By.tagName("summary")).click();
    assertThat(warning.getText()).contains("Remaining").contains("$19.00");
    screenshots("banner-80");
    warning.findElement(By.cssSelector(".banner-dismiss")).click();
    waitUntil(d -> !present(banner(id)));

    browser.findElement(By.id("account:signOut")).click();
    signIn(engineer);
    open("dashboard/training-budget?budget=" + id);
    assertThat(present(banner(id))).as("dismissed for good, across sessions").isFalse();

    signIn(other);
    assertThat(present(banner(id))).as("a dismissal is per user").isTrue();

    spend("15"); // 96%
    signIn(engineer);
    WebElement serious = browser.findElement(banner(id));
    assertThat(serious.getAttribute("class")).contains("banner-serious");
    assertThat(serious.getText()).contains("Serious").contains("96%");
    assertThat(serious.findElements(By.cssSelector(".banner-dismiss"))).isEmpty();
    screenshots("banner-95");

    spend("5"); // 101%
    open("dashboard/budgets");
    WebElement exceeded = browser.findElement(banner(id));
    assertThat(exceeded.getAttribute("class")).contains("banner-exceeded");
    assertThat(exceeded.getAttribute("role")).isEqualTo("alert");
    assertThat(exceeded.getText()).contains("Budget exceeded").contains("$101.00 of $100.00");
    assertThat(exceeded.findElements(By.cssSelector(".banner-dismiss"))).isEmpty();
    screenshots("banner-100");
  }

  @Test
  void aBudgetIsCreatedEditedAndDeletedOnTheBudgetsPage() throws IOException {
    String manager = user("BUDGET_MANAGER");
    String name = "Created " + client;
    signIn(manager);
    open("dashboard/budgets");

    byId("create:newBudget").click();
    waitUntil(d -> byId("budgetForm:name").isDisplayed());
    byId("budgetForm:name").sendKeys(name);
    type("budgetForm:limit_input", "0");
    byId("budgetForm:client").sendKeys(client);
    byId("budgetForm:save").click();
    By limitMessage =
        By.xpath(
            "//input[@id='budgetForm:limit_input']/ancestor::div[contains(@class,'field')]"
                + "//*[contains(@class,'ui-message-error')]");
    waitUntil(d -> present(limitMessage));
    assertThat(browser.findElement(limitMessage).getText()).contains("must be greater than 0");
    screenshots("budgets-validation");

    type("budgetForm:limit_input", "750");
    byId("budgetForm:save").click();
    waitUntil(d -> byId("list:budgets").getText().contains(name));
    assertThat(byId("list:budgets").getText()).contains("$750.00").contains("client " + client);
    screenshots("budgets");

    By row = By.xpath("//tr[.//a[text()='" + name + "']]");
    browser.findElement(row).findElement(By.cssSelector("button.edit")).click();
    waitUntil(d -> byId("budgetForm:name").isDisplayed());
    type("budgetForm:limit_input", "800");
    byId("budgetForm:save").click();
    waitUntil(d -> browser.findElement(row).getText().contains("$800.00"));

    browser.findElement(row).findElement(By.cssSelector("button.toggle")).click();
    waitUntil(d -> browser.findElement(row).getText().contains("Disabled"));
    long created =
        api
            .get("api/v1/budgets")
            .json()
            .getJsonArray("budgets")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(b -> b.getString("name").equals(name))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValueExact();
    assertThat(budgetAsApi(created).getBoolean("enabled")).isFalse();
    browser.findElement(row).findElement(By.cssSelector("button.toggle")).click();
    waitUntil(d -> browser.findElement(row).getText().contains("Enabled"));

    browser.findElement(row).findElement(By.cssSelector("button.reset")).click();
    waitUntil(d -> byId("list:confirmYes").isDisplayed());
    byId("list:confirmYes").click();
    waitUntil(d -> byId("list:listMessages").getText().contains("Started a new period."));

    browser.findElement(row).findElement(By.cssSelector("button.delete")).click();
    waitUntil(d -> byId("list:confirmYes").isDisplayed());
    byId("list:confirmYes").click();
    waitUntil(d -> !byId("list:budgets").getText().contains(name));
    assertThat(api.get("api/v1/budgets").body()).doesNotContain(name);
  }

  @Test
  void anIncreaseAppliesAtOnceOrWaitsForTheApproverWhoApprovesIt() throws IOException {
    String approver = user("APPROVER");
    long id = budget("Increase " + client, "500", approver);
    spend("410");
    String manager = user("BUDGET_MANAGER");
    signIn(manager);
    open("dashboard/training-budget?budget=" + id);

    // 500 -> 600 (the suggested 1.2x) by a BUDGET_MANAGER: applies at once.
    byId("dashIncrease:openIncrease").click();
    waitUntil(d -> byId("increase:justification").isDisplayed());
    assertThat(byId("currentLimit").getText()).isEqualTo("$500.00");
    assertThat(byId("increase:approvalNote").getText()).contains("No approval needed");
    byId("increase:justification").sendKeys("More fine-tuning runs this month");
    screenshots("increase-dialog");
    byId("increase:submitIncrease").click();
    waitUntil(d -> present(By.id("increaseOutcome")));
    assertThat(byId("increaseOutcome").getText()).isEqualTo("Budget limit increased to $600.00.");
    assertThat(budgetAsApi(id).getJsonNumber("limit").bigDecimalValue())
        .isEqualByComparingTo("600");

    // 600 -> 2,000: above 20% and $1,000, so the budget's approver decides.
    open("dashboard/training-budget?budget=" + id);
    byId("dashIncrease:openIncrease").click();
    waitUntil(d -> byId("increase:justification").isDisplayed());
    type("increase:newLimit_input", "2000");
    byId("increase:justification").click();
    // The note is updated by both the keyup and the change ajax, so read it only inside the wait,
    // which retries when the second update replaces the element.
    waitUntil(
        d ->
            byId("increase:approvalNote")
                .getText()
                .contains("Approval required: " + approver + " (the budget's approver)"));
    byId("increase:justification").sendKeys("A new client project starts");
    screenshots("increase-dialog-approval");
    byId("increase:submitIncrease").click();
    waitUntil(d -> present(By.id("increaseOutcome")));
    assertThat(byId("increaseOutcome").getText()).contains("sent").contains(approver);
    assertThat(budgetAsApi(id).getJsonNumber("limit").bigDecimalValue())
        .isEqualByComparingTo("600");

    signIn(approver);
    open("dashboard/training-budget?budget=" + id);
    WebElement pending = byId("pending:requests");
    assertThat(pending.getText()).contains(manager).contains("$600.00 → $2,000.00");
    screenshots("pending-increases");
    pending.findElement(By.cssSelector("button.approve")).click();
    waitUntil(
        d ->
            budgetAsApi(id)
                    .getJsonNumber("limit")
                    .bigDecimalValue()
                    .compareTo(new BigDecimal("2000"))
                == 0);
    open("dashboard/training-budget?budget=" + id);
    assertThat(byId("limit").getText()).isEqualTo("$2,000.00");
    assertThat(present(By.id("pending:requests"))).isFalse();

    // Rejected with a reason, which is required.
    Api.Answer asked =
        api.post(
            "api/v1/budgets/" + id + "/increase-requests",
            "{\"newLimit\": 5000, \"justification\": \"Quarter-end runs\"}",
            Api.TOKEN);
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    long requestId = asked.json().getJsonNumber("id").longValueExact();
    open("dashboard/training-budget?budget=" + id);
    byId("pending:requests").findElement(By.cssSelector("button.reject")).click();
    waitUntil(d -> byId("reject:reason").isDisplayed());
    byId("reject:confirmReject").click();
    waitUntil(d -> byId("reject").getText().contains("A reason is required."));
    byId("reject:reason").sendKeys("Not this quarter");
    byId("reject:confirmReject").click();
    waitUntil(
        d ->
            api.get("api/v1/increase-requests/" + requestId, Api.TOKEN)
                .json()
                .getString("status")
                .equals("rejected"));
    assertThat(budgetAsApi(id).getJsonNumber("limit").bigDecimalValue())
        .isEqualByComparingTo("2000");
  }

  @Test
  void aViewerSeesNothingThatChangesAnythingAndIsRefusedAllTheSame() throws IOException {
    long id = budget("Viewer " + client, "100", null);
    spend("85");
    String viewer = user("VIEWER");
    signIn(viewer);

    open("dashboard/training-budget?budget=" + id);
    assertThat(byId("spent").getText()).isEqualTo("$85.00");
    assertThat(present(By.id("controls:saveControls"))).isFalse();
    assertThat(present(By.id("dashIncrease:openIncrease"))).isFalse();
    assertThat(byId("controls:limit_input").getAttribute("disabled")).isNotNull();
    assertThat(browser.findElement(banner(id)).findElements(By.cssSelector(".increase-button")))
        .isEmpty();
    screenshots("training-budget-viewer");
    open("dashboard/budgets");
    assertThat(present(By.id("create:newBudget"))).isFalse();
    assertThat(present(By.cssSelector("button.edit, button.delete, button.reset, button.toggle")))
        .isFalse();

    // A page rendered for a BUDGET_MANAGER whose roles are then cut to VIEWER: the buttons are
    // still on the screen, and what they send now comes from a VIEWER: nothing is deleted.
    String demoted = user("BUDGET_MANAGER");
    signIn(demoted);
    open("dashboard/budgets");
    changeRoles(demoted, "VIEWER");
    By row = By.xpath("//tr[.//a[text()='Viewer " + client + "']]");
    browser.findElement(row).findElement(By.cssSelector("button.delete")).click();
    waitUntil(d -> byId("list:confirmYes").isDisplayed());
    byId("list:confirmYes").click();
    waitUntil(
        d ->
            (Boolean)
                ((JavascriptExecutor) d).executeScript("return PrimeFaces.ajax.Queue.isEmpty()"));
    assertThat(api.get("api/v1/budgets/" + id).status()).isEqualTo(200);
    open("dashboard/budgets");
    assertThat(byId("list:budgets").getText()).contains("Viewer " + client);
    assertThat(present(By.id("create:newBudget"))).isFalse();
  }
}
