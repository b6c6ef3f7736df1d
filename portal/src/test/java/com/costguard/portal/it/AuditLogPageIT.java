package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The audit log page in headless Chromium against the shared Payara Micro: a BUDGET_MANAGER sees
 * the budget changes they made over the REST API, newest first, filters them by user and action,
 * sees the chain verified and the CSV export; a VIEWER is refused, and has no "Audit log" link.
 */
@SharedDeployment
class AuditLogPageIT {

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

  /** The Action column of the table, top to bottom. */
  private List<String> actions() {
    return browser.findElements(By.cssSelector("#audit\\:entries tbody .action")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private WebDriverWait tableUpdate() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  @Test
  void aManagerSeesTheirChangesNewestFirstFiltersThemAndSeesTheChainVerified() throws Exception {
    TestUsers.TestUser manager = PortalUsers.create("BUDGET_MANAGER");
    String client = "it-audit-page-" + UUID.randomUUID();
    Api.Answer created =
        api.post(
            "api/v1/budgets",
            Fixtures.load(
                "budget.json",
                Map.of(
                    "name", client, "period", "calendar_month", "limit", "500", "client", client)),
            manager.token());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValueExact();
    Api.Answer changed = api.put("api/v1/budgets/" + id, "{\"limit\": 750.5}", manager.token());
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);

    PortalUsers.signIn(browser, base, manager.username());
    browser.findElement(By.linkText("Audit log")).click();
    assertThat(browser.getCurrentUrl()).endsWith("/dashboard/budget/audit-log");
    assertThat(browser.findElement(By.id("chainStatus")).getText()).startsWith("✓ Chain verified");
    assertThat(browser.findElements(By.id("audit:export"))).hasSize(1);

    browser.findElement(By.id("audit:user")).sendKeys(manager.username());
    browser.findElement(By.id("audit:apply")).click();
    // The unfiltered table may already hold just these two entries (a fresh database), so the
    // wait below could pass before the update replaces the form: let the update land first.
    Browser.ajaxDone(browser);
    tableUpdate().until(d -> actions().size() == 2);
    assertThat(actions()).containsExactly("budget.limit_changed", "budget.created");
    String table = browser.findElement(By.id("audit:entries")).getText();
    assertThat(table).contains("500.00", "750.50", "50.10", manager.username());
    PortalUsers.screenshots(browser, "audit-log");

    new Select(browser.findElement(By.id("audit:action"))).selectByValue("budget.created");
    browser.findElement(By.id("audit:apply")).click();
    tableUpdate().until(d -> actions().equals(List.of("budget.created")));

    new Select(browser.findElement(By.id("audit:action"))).selectByValue("");
    new Select(browser.findElement(By.id("audit:approval"))).selectByValue("approved");
    browser.findElement(By.id("audit:apply")).click();
    tableUpdate()
        .until(d -> browser.findElement(By.id("audit:entries")).getText().contains("No entries"));

    browser.findElement(By.id("audit:from")).sendKeys("tomorrow");
    browser.findElement(By.id("audit:apply")).click();
    tableUpdate()
        .until(
            d ->
                browser
                    .findElement(By.id("audit:messages"))
                    .getText()
                    .contains("a date is written as"));
  }

  @Test
  void aViewerIsRefusedAndHasNoLinkToTheLog() throws Exception {
    TestUsers.TestUser viewer = PortalUsers.create("VIEWER");
    PortalUsers.signIn(browser, base, viewer.username());
    assertThat(browser.findElements(By.linkText("Audit log"))).isEmpty();

    browser.get(base + "dashboard/budget/audit-log");

    assertThat(browser.findElement(By.id("refusal")).getText())
        .contains("Only an ADMIN, a BUDGET_MANAGER or an APPROVER");
    assertThat(browser.findElements(By.id("audit:entries"))).isEmpty();
    PortalUsers.screenshots(browser, "audit-log-refused");
  }
}
