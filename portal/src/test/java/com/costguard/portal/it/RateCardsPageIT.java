package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The rate cards page in headless Chromium against the shared Payara Micro: an ADMIN adds two
 * versions of a card with effective dates, sees them newest first and the API agrees; a bad price
 * is refused next to its field; a VIEWER reads the cards but has no form to add one.
 */
@SharedDeployment
class RateCardsPageIT {

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

  private void add(String operation, String price, String effectiveFrom) {
    for (String[] field :
        new String[][] {
          {"operationType", operation},
          {"unitType", "tokens"},
          {"price", price},
          {"effectiveFrom", effectiveFrom}
        }) {
      WebElement input = browser.findElement(By.id("cards:" + field[0]));
      input.clear();
      input.sendKeys(field[1]);
    }
    browser.findElement(By.id("cards:addCard")).click();
  }

  /** The rows of {@code operation}, each as "price version". */
  private List<String> rowsOf(String operation) {
    return browser.findElements(By.cssSelector("#cards\\:list tbody tr")).stream()
        .filter(tr -> tr.getText().contains(operation))
        .map(
            tr ->
                tr.findElement(By.cssSelector(".price")).getText()
                    + " "
                    + tr.findElement(By.cssSelector(".version")).getText())
        .toList();
  }

  private WebDriverWait update() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  @Test
  void anAdminAddsVersionsWithEffectiveDatesAndTheApiAgrees() throws Exception {
    TestUsers.TestUser admin = PortalUsers.create("ADMIN");
    String operation = "it-llm-" + UUID.randomUUID().toString().substring(0, 8);
    PortalUsers.signIn(browser, base, admin.username());
    browser.findElement(By.linkText("Rate cards")).click();
    assertThat(browser.getCurrentUrl()).endsWith("/dashboard/rate-cards");

    add(operation, "0.0025", "2026-01-01");
    update().until(d -> rowsOf(operation).size() == 1);
    add(operation, "0.003", "2026-06-01");
    update().until(d -> rowsOf(operation).size() == 2);

    assertThat(rowsOf(operation)).containsExactly("0.003 2", "0.0025 1");
    List<JsonObject> cards =
        api.get("api/v1/rate-cards?operationType=" + operation, admin.token())
            .json()
            .getJsonArray("rateCards")
            .getValuesAs(JsonObject.class);
    assertThat(cards)
        .extracting(c -> c.get("price").toString() + " " + c.getInt("version"))
        .containsExactly("0.003 2", "0.0025 1");
    PortalUsers.screenshots(browser, "rate-cards");

    add(operation, "-1", "2026-07-01");
    update()
        .until(
            d ->
                browser.findElement(By.id("cards:messages")).getText().contains("not be negative"));
    assertThat(rowsOf(operation)).hasSize(2);
  }

  @Test
  void aViewerReadsTheCardsButCannotAddOne() throws Exception {
    TestUsers.TestUser viewer = PortalUsers.create("VIEWER");
    PortalUsers.signIn(browser, base, viewer.username());
    browser.get(base + "dashboard/rate-cards");

    assertThat(browser.findElements(By.id("cards:list"))).hasSize(1);
    assertThat(browser.findElements(By.id("cards:addCard"))).isEmpty();
  }
}
