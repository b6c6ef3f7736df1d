package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.model.user.PasswordHash;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code /dashboard/settings/budget-notifications} in headless Chromium: a BUDGET_MANAGER changes a
 * budget's settings and sees them saved (and the API agrees); a wrong value gets its message next
 * to its field and saves nothing; a VIEWER sees the page read-only, and a post forged by enabling
 * the form in the browser changes nothing.
 */
@SharedDeployment
class BudgetNotificationsPageIT {

  private static final String PASSWORD = "it-page-password";

  @ArquillianResource URL base;

  private ChromeDriver browser;
  private Api api;
  private long budget;

  @BeforeEach
  void setUp() {
    api = new Api(base);
    AlertFixtures fixtures = new AlertFixtures(api);
    budget = fixtures.budget("Page " + fixtures.client, "500", false, List.of("fin@example.com"));
    browser = Browser.start();
  }

  @AfterEach
  void stopBrowser() {
    browser.quit();
  }

  /** A user who signs in with {@link #PASSWORD}; returns the username. */
  private static String userWithPassword(String role) throws SQLException {
    String name = "it-page-" + UUID.randomUUID().toString().substring(0, 8);
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

  private void openAs(String username) {
    browser.get(base + "dashboard/settings/budget-notifications?budget=" + budget);
    browser.findElement(By.id("login:username")).sendKeys(username);
    browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
    WebElement submit = browser.findElement(By.id("login:submit"));
    submit.click();
    // The settings page replaces the login page: wait for it before reading.
    Browser.replaced(browser, submit, Duration.ofSeconds(10));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Budget notifications");
  }

  private WebElement field(String id) {
    return browser.findElement(By.id("settings:" + id));
  }

  /** Posts the form and waits for the page that answers it. */
  private void save() {
    WebElement save = field("save");
    save.click();
    Browser.replaced(browser, save, Duration.ofSeconds(10));
  }

  private JsonObject settings() {
    Api.Answer answer = api.get("api/v1/budgets/" + budget + "/notifications");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  @Test
  void aManagerChangesTheSettingsAndSeesThemSaved() throws Exception {
    openAs(userWithPassword("BUDGET_MANAGER"));
    assertThat(field("thresholds:0:slack").isSelected()).isTrue();
    assertThat(field("recipients").getAttribute("value")).isEqualTo("fin@example.com");

    field("thresholds:0:slack").click();
    field("thresholds:0:email").click();
    field("thresholds:1:recipients").sendKeys("cfo@example.com");
    field("quietHours").sendKeys("22:00-07:00");
    field("slackChannel").sendKeys("C0PAGE");
    save();

    assertThat(field("messages").getText()).contains("Notification settings saved.");
    assertThat(field("thresholds:0:slack").isSelected()).isFalse();
    assertThat(field("thresholds:0:email").isSelected()).isFalse();
    assertThat(field("thresholds:0:inApp").isSelected()).isTrue();
    assertThat(field("quietHours").getAttribute("value")).isEqualTo("22:00-07:00");
    Browser.screenshot(browser, "budget-notifications-saved");

    JsonObject saved = settings();
    assertThat(saved.getString("quietHours")).isEqualTo("22:00-07:00");
    assertThat(saved.getString("slackChannel")).isEqualTo("C0PAGE");
    assertThat(saved.getJsonArray("thresholds").toString())
        .startsWith(
            "[{\"threshold\":80,\"channels\":[\"in_app\"],\"recipients\":[]},"
                + "{\"threshold\":95,\"channels\":[\"email\",\"in_app\",\"slack\"],"
                + "\"recipients\":[\"cfo@example.com\"]}");
  }

  @Test
  void aWrongValueGetsItsMessageNextToItsFieldAndNothingIsSaved() throws Exception {
    openAs(userWithPassword("ADMIN"));

    field("quietHours").sendKeys("25:00-07:00");
    save();

    WebElement message =
        browser.findElement(By.cssSelector("#settings\\:quietHours + .field-error"));
    assertThat(message.getText()).contains("HH:mm-HH:mm");
    assertThat(field("messages").getText()).doesNotContain("saved");
    Browser.screenshot(browser, "budget-notifications-invalid");

    field("quietHours").clear();
    field("thresholds:2:recipients").sendKeys("not-an-address");
    save();
    assertThat(
            browser
                .findElement(
                    By.cssSelector("#settings\\:thresholds\\:2\\:recipients + .field-error"))
                .getText())
        .contains("e-mail address");
    assertThat(settings().isNull("quietHours")).isTrue();
    assertThat(settings().getJsonArray("thresholds").getJsonObject(2).getJsonArray("recipients"))
        .isEmpty();
  }

  @Test
  void aViewerSeesThemReadOnlyAndAForgedPostChangesNothing() throws Exception {
    JsonObject before = settings();
    openAs(userWithPassword("VIEWER"));

    assertThat(browser.findElement(By.id("readOnly")).getText()).contains("only an ADMIN");
    assertThat(field("save").isEnabled()).isFalse();
    assertThat(field("quietHours").isEnabled()).isFalse();
    assertThat(field("thresholds:0:slack").isEnabled()).isFalse();
    Browser.screenshot(browser, "budget-notifications-viewer");

    // Forge it: enable the form in the page and post it.
    browser.executeScript(
        "document.querySelectorAll('#settings [disabled]').forEach(e => e.removeAttribute('disabled'));");
    field("quietHours").sendKeys("01:00-02:00");
    field("thresholds:0:slack").click();
    save();

    assertThat(settings()).isEqualTo(before);
    assertThat(field("quietHours").getAttribute("value")).isEmpty();
  }
}
