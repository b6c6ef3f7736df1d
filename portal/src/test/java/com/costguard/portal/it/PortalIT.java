package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** The portal in headless Chromium: sign in, see the events the API took, sign out. */
@SharedDeployment
class PortalIT {

  /** The bootstrap admin's password failsafe gives the application (COSTGUARD_ADMIN_PASSWORD). */
  private static final String ADMIN_PASSWORD = "it-admin-password";

  @ArquillianResource URL base;

  private ChromeDriver browser;

  @BeforeEach
  void startBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void stopBrowser() {
    browser.quit();
  }

  private void signIn(String password) {
    browser.get(base + "dashboard/cost-events");
    browser.findElement(By.id("login:username")).sendKeys("admin");
    browser.findElement(By.id("login:password")).sendKeys(password);
    var submit = browser.findElement(By.id("login:submit"));
    submit.click();
    // The next page (or the login page again) replaces this one: wait for it before reading.
    Browser.replaced(browser, submit, Duration.ofSeconds(10));
  }

  @Test
  void anAdminSignsInAndSeesTheEventsTheApiTook() throws Exception {
    String operation = "it.portal." + UUID.randomUUID().toString().substring(0, 8);
    Instant justNow = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
    String events =
        """
        {"events": [
          {"idempotencyKey": "%1$s-a", "occurredAt": "%2$s", "operationType": "%1$s",
           "amount": 12.345, "client": "<b>Bold</b> Client"}
        ]}"""
            .formatted(operation, justNow);
    assertThat(new Api(base).post("api/v1/cost-events", events).status()).isEqualTo(202);

    signIn(ADMIN_PASSWORD);

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cost events");
    assertThat(browser.findElement(By.id("monthTotal")).getText()).contains("$");
    String table = browser.findElement(By.id("eventsForm:events")).getText();
    assertThat(table).contains(operation).contains("$12.35").contains("<b>Bold</b> Client");
    assertThat(browser.findElements(By.cssSelector("#eventsForm\\:events tbody b"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector(".user")).getText()).isEqualTo("admin");
    Browser.screenshot(browser, "cost-events");
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    signIn("not-the-password");

    assertThat(browser.findElement(By.id("login:messages")).getText())
        .contains("Wrong username or password");
    assertThat(browser.findElements(By.id("eventsForm:events"))).isEmpty();
    Browser.screenshot(browser, "login-refused");
  }

  @Test
  void signingOutEndsTheSession() {
    signIn(ADMIN_PASSWORD);
    browser.findElement(By.id("account:signOut")).click();

    browser.get(base + "dashboard/cost-events");

    assertThat(browser.findElements(By.id("login:username"))).isNotEmpty();
    assertThat(browser.findElements(By.id("eventsForm:events"))).isEmpty();
  }
}
