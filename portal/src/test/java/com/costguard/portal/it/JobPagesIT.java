package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.model.user.PasswordHash;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The jobs list, the job page's live cost tracker and cancel dialog, and the users page, in
 * headless Chromium against the built WAR; the runner's events arrive over the REST API.
 */
@SharedDeployment
class JobPagesIT {

  private static final String ADMIN_PASSWORD = "it-admin-password";
  private static final String PASSWORD = "a-long-test-password";

  @ArquillianResource URL base;

  private ChromeDriver browser;
  private Api api;

  @BeforeEach
  void start() {
    browser = Browser.start();
    api = new Api(base);
  }

  @AfterEach
  void stop() {
    browser.quit();
  }

  private void signIn(String username, String password) {
    browser.get(base + "login.xhtml");
    browser.findElement(By.id("login:username")).sendKeys(username);
    browser.findElement(By.id("login:password")).sendKeys(password);
    browser.findElement(By.id("login:submit")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
  }

  /** A user who can sign in to the portal, written straight into the test database. */
  private static String userWithPassword(String role) throws SQLException {
    String name = "it-" + role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection db = TestDatabase.connect();
        PreparedStatement user =
            db.prepareStatement(
                "insert into users (username, email, name, roles, password_hash, created_at)"
                    + " values (?, ?, ?, ?, ?, ?)")) {
      user.setString(1, name);
      user.setString(2, name + "@example.com");
      user.setString(3, name);
      user.setString(4, role);
      user.setString(5, PasswordHash.of(PASSWORD.toCharArray()));
      user.setObject(6, LocalDateTime.now(ZoneOffset.UTC));
      user.executeUpdate();
    }
    return name;
  }

  /**
   * A spot H100 job (estimate $10–12) that started two hours ago and reached step 200 in training:
   * about $4.98 so far, the green zone.
   */
  private long runningJob(String name) {
    Api.Answer created =
        api.post(
            "api/v1/jobs",
            Fixtures.load(
                "portal-job.json",
                Map.of(
                    "externalId",
                    "it-page-" + UUID.randomUUID(),
                    "name",
                    name,
                    "createdBy",
                    "someone-else")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValueExact();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    event(id, "started", now.minus(Duration.ofHours(2)), "", "s");
    event(
        id,
        "progress",
        now.minus(Duration.ofMinutes(110)),
        "\"step\": 1, \"stage\": \"training\",",
        "p1");
    event(id, "progress", now.minus(Duration.ofMinutes(1)), "\"step\": 200,", "p2");
    return id;
  }

  private void event(long id, String type, Instant at, String fields, String key) {
    Api.Answer answer =
        api.post(
            "api/v1/jobs/" + id + "/events",
            "{\"type\": \"%s\", \"at\": \"%s\", %s \"idempotencyKey\": \"%s\"}"
                .formatted(type, at, fields, key));
    assertThat(answer.status()).as(answer.body()).isIn(200, 201);
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private JsonObject job(long id) {
    return api.get("api/v1/jobs/" + id).json();
  }

  /** The whole page at desktop (1366 px) and mobile (390 px) width, to look at. */
  private void screenshots(String name) throws Exception {
    fullPage(1366, name + "-desktop");
    fullPage(390, name + "-mobile");
    browser.manage().window().setSize(new Dimension(1366, 900));
  }

  private void fullPage(int width, String name) throws Exception {
    browser.manage().window().setSize(new Dimension(width, 900));
    Thread.sleep(300);
    long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
    browser.manage().window().setSize(new Dimension(width, (int) Math.min(4000, height + 120)));
    Thread.sleep(300);
    Browser.screenshot(browser, name);
  }

  /** The Cost column of the jobs table as amounts, top to bottom. */
  private List<BigDecimal> listedCosts() {
    return browser.findElements(By.cssSelector("#jobsForm\\:jobs tbody td.money")).stream()
        .map(td -> new BigDecimal(td.getText().replaceAll("[^0-9.]", "")))
        .toList();
  }

  /** Waits for the table an ajax request replaces (its old cells go stale meanwhile). */
  private WebDriverWait tableUpdate() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  @Test
  void theJobsListIsMostExpensiveFirstFiltersByStatusAndLinksToEachJob() throws Exception {
    runningJob("Listed running job");
    signIn("admin", ADMIN_PASSWORD);

    browser.get(base + "dashboard/jobs");
    List<BigDecimal> costs = listedCosts();
    assertThat(costs).isNotEmpty().hasSizeLessThanOrEqualTo(25);
    assertThat(costs).isSortedAccordingTo(Comparator.reverseOrder());
    screenshots("jobs");

    browser.executeScript(
        "PF('statusFilter').selectValue('completed'); PF('statusFilter').triggerChange();");
    tableUpdate().until(d -> !text("jobsForm:jobs").contains("Running"));
    browser.executeScript(
        "PF('statusFilter').selectValue('running'); PF('statusFilter').triggerChange();");
    tableUpdate().until(d -> text("jobsForm:jobs").contains("Running"));
    assertThat(browser.findElements(By.cssSelector("#jobsForm\\:jobs tbody .status")))
        .isNotEmpty()
        .allSatisfy(status -> assertThat(status.getText()).endsWith("Running"));
    assertThat(listedCosts()).isSortedAccordingTo(Comparator.reverseOrder());

    WebElement first = browser.findElement(By.cssSelector("#jobsForm\\:jobs tbody a.job-link"));
    String name = first.getText();
    first.click();
    assertThat(browser.getCurrentUrl()).contains("id=");
    assertThat(text("jobName")).isEqualTo(name);
  }

  @Test
  void theJobCardRefreshesAndTurnsRedWhenTheRunnerReportsMore() throws Exception {
    long id = runningJob("Fine-tune support assistant");
    signIn("admin", ADMIN_PASSWORD);
    browser.get(base + "dashboard/jobs/" + id);

    assertThat(text("zoneText")).isEqualTo("On track");
    assertThat(browser.findElement(By.id("job:card")).getAttribute("class")).contains("zone-green");
    String before = text("currentCost");
    assertThat(before).startsWith("$4.9");
    assertThat(text("estimate")).isEqualTo("$10.00–$12.00");
    assertThat(text("rate"))
        .contains("$2.49/hr")
        .contains("SPOT")
        .contains("vs $7.99/hr on-demand");
    screenshots("job-green");

    // The runner reports more progress and a 4-hour spot recovery after the fact: about $15.
    event(id, "progress", Instant.now().truncatedTo(ChronoUnit.SECONDS), "\"step\": 400,", "p3");
    event(
        id,
        "recovered",
        Instant.now().truncatedTo(ChronoUnit.SECONDS),
        "\"recoveryMinutes\": 240,",
        "r1");

    browser.executeScript("window.sameDocument = true;"); // gone if the page reloads
    new WebDriverWait(browser, Duration.ofSeconds(75))
        .until(ExpectedConditions.textToBe(By.id("zoneText"), "Over budget"));
    assertThat(browser.executeScript("return window.sameDocument === true;")).isEqualTo(true);
    assertThat(browser.findElement(By.id("job:card")).getAttribute("class")).contains("zone-red");
    String after = text("currentCost");
    assertThat(new BigDecimal(after.substring(1))).isGreaterThan(new BigDecimal("14.90"));
    assertThat(text("bannerText")).contains("Job significantly over budget");
    assertThat(browser.findElements(By.id("job:dismissBanner"))).isEmpty();
    assertThat(browser.findElement(By.id("costAnnouncer")).getAttribute("textContent"))
        .contains("Current cost: " + after)
        .contains("Over budget");

    browser.findElement(By.cssSelector("#breakdown summary")).click();
    assertThat(text("breakdownTotal")).isEqualTo(after);
    assertThat(text("job:breakdownBody")).contains("Interruption #1").contains("240 min recovery");
    screenshots("job-red-breakdown");
  }

  @Test
  void cancellingFromTheModalShowsTheLockedFinalCost() throws Exception {
    long id = runningJob("Cancel me");
    signIn("admin", ADMIN_PASSWORD);
    browser.get(base + "dashboard/jobs/" + id);

    browser.findElement(By.cssSelector("#breakdown summary")).click();
    assertThat(text("breakdownTotal")).isEqualTo(text("currentCost"));
    browser.findElement(By.id("job:cancelButton")).click();
    WebElement dialog =
        new WebDriverWait(browser, Duration.ofSeconds(5))
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("job:cancelDialog")));
    assertThat(dialog.getText()).contains("Cancel training?").contains("Cancel me");
    assertThat(text("cancelCost")).startsWith("$4.9");
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(d -> "job:continueTraining".equals(d.switchTo().activeElement().getAttribute("id")));
    screenshots("job-cancel-dialog");

    browser.findElement(By.id("job:confirmCancel")).click();

    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("job:messages"), "Job cancelled"));
    JsonObject cancelled = job(id);
    assertThat(cancelled.getString("status")).isEqualTo("cancelled");
    String locked = "$" + cancelled.getJsonNumber("finalCost").bigDecimalValue().setScale(2);
    assertThat(text("job:messages")).contains("Job cancelled. Final cost: " + locked);
    assertThat(text("currentCost")).isEqualTo(locked);
    assertThat(text("breakdownTotal")).isEqualTo(locked);
    assertThat(browser.findElements(By.id("job:cancelButton"))).isEmpty();
    screenshots("job-cancelled");
  }

  @Test
  void aViewerSeesNoCancelButtonAndAForgedCancelIsRefused() throws Exception {
    long id = runningJob("Not yours to cancel");
    signIn(userWithPassword("VIEWER"), PASSWORD);
    browser.get(base + "dashboard/jobs/" + id);

    assertThat(text("zoneText")).isEqualTo("On track");
    assertThat(browser.findElements(By.id("job:cancelButton"))).isEmpty();
    screenshots("job-viewer");

    // The dialog's confirm button is in the page, hidden: a hand-made request reaches the service.
    browser.executeScript(
        "PrimeFaces.ab({s: 'job:confirmCancel', p: 'job:confirmCancel', u: 'job:messages'});");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("job:messages"), "not cancelled"));
    assertThat(text("job:messages"))
        .contains("only an ADMIN, a BUDGET_MANAGER or the job's creator");
    assertThat(job(id).getString("status")).isEqualTo("running");
    assertThat(api.post("api/v1/jobs/" + id + "/cancel", "", TestUsers.tokenFor("VIEWER")).status())
        .isEqualTo(403);
  }

  @Test
  void anAdminManagesUsersAndTheirTokens() throws Exception {
    signIn("admin", ADMIN_PASSWORD);
    browser.get(base + "dashboard/users");
    String email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    browser.findElement(By.id("users:email")).sendKeys(email);
    browser.findElement(By.id("users:name")).sendKeys("Ada <b>Lovelace</b>");
    browser.findElement(By.cssSelector("label[for='users:newRoles:4']")).click(); // not VIEWER
    browser.findElement(By.cssSelector("label[for='users:newRoles:3']")).click(); // ENGINEER
    browser.findElement(By.id("users:create")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("users:messages"), "User added"));
    assertThat(text("users:list"))
        .contains(email)
        .contains("Ada <b>Lovelace</b>")
        .contains("ENGINEER");

    browser.findElement(By.cssSelector("label[for='users:roles:1']")).click(); // + BUDGET_MANAGER
    browser.findElement(By.id("users:saveRoles")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("users:messages"), "Roles saved"));
    assertThat(text("users:list")).contains("BUDGET_MANAGER, ENGINEER");

    browser.findElement(By.id("users:slackUserId")).sendKeys("not-a-slack-id");
    browser.findElement(By.id("users:saveSlack")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("users:slackUserIdMessage"), "must be a Slack user id"));
    String slackId =
        "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    browser.findElement(By.id("users:slackUserId")).clear();
    browser.findElement(By.id("users:slackUserId")).sendKeys(slackId);
    browser.findElement(By.id("users:saveSlack")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("users:messages"), "Slack mapping saved"));
    assertThat(text("users:list")).contains(slackId);

    browser.findElement(By.id("users:tokenLabel")).sendKeys("nightly runner");
    browser.findElement(By.id("users:issueToken")).click();
    String token =
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("issuedToken")))
            .getText();
    assertThat(api.get("api/v1/users/me", token).status()).isEqualTo(200);
    screenshots("users");

    browser.findElement(By.cssSelector("[id$=':revoke']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("users:messages"), "Token revoked"));
    assertThat(browser.findElements(By.id("issuedToken"))).isEmpty();
    assertThat(api.get("api/v1/users/me", token).status()).isEqualTo(401);
  }

  @Test
  void theUsersPageIsRefusedToAnyoneButAnAdmin() throws Exception {
    signIn(userWithPassword("BUDGET_MANAGER"), PASSWORD);
    browser.get(base + "dashboard/users");

    assertThat(text("refusal")).contains("Only an ADMIN");
    assertThat(browser.findElements(By.id("users:list"))).isEmpty();
    assertThat(browser.findElements(By.id("users:create"))).isEmpty();
    screenshots("users-refused");
  }
}
