package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The spending summary and the cost events filters in headless Chromium, read by a VIEWER: cost
 * events are posted over the API on two days of their own in the 1920s; the summary for those days
 * shows the figures of {@code GET /api/v1/spending/summary} for the same range, each client links
 * to exactly its events on the cost events page, and the filters there narrow the list (hostile or
 * unreadable values find nothing and break nothing). On a phone the navigation folds behind a Menu
 * button.
 */
@SharedDeployment
class SpendingPageIT {

  private static final String PASSWORD = "a-long-test-password";

  @ArquillianResource URL base;

  private ChromeDriver browser;
  private Api api;
  private String run;
  private LocalDate day;
  private String writer;

  @BeforeEach
  void start() throws SQLException {
    browser = Browser.start();
    api = new Api(base);
    run = UUID.randomUUID().toString().substring(0, 8);
    day = LocalDate.of(1920, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
    writer = TestUsers.tokenFor("ENGINEER");
    Browser.signIn(browser, base, TestUsers.withPassword(PASSWORD, "VIEWER"), PASSWORD);
  }

  @AfterEach
  void stop() {
    browser.quit();
  }

  /** Posts one event; {@code at} is a time of {@code onDay}. */
  private void event(String client, String provider, String amount, LocalDate onDay, String at) {
    String json =
        """
        {"events": [{"idempotencyKey": "%s", "occurredAt": "%sT%s:00Z",
          "operationType": "llm.completion-%s", "amount": %s, "client": "%s",
          "project": "p-%s", "provider": "%s"}]}
        """
            .formatted(UUID.randomUUID(), onDay, at, run, amount, client, run, provider);
    Api.Answer answer = api.post("api/v1/cost-events", json, writer);
    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
  }

  private static String money(BigDecimal amount) {
    return NumberFormat.getCurrencyInstance(Locale.US)
        .format(amount.setScale(2, RoundingMode.HALF_UP));
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  @Test
  void theSummaryShowsTheApisFiguresAndLinksEachClientToItsEvents() throws Exception {
    String acme = "Acme " + run;
    String globex = "Globex <b>" + run + "</b>";
    event(acme, "openai-" + run, "12.50", day, "09:00");
    event(acme, "anthropic-" + run, "7.25", day.plusDays(1), "10:00");
    event(globex, "openai-" + run, "30.10", day.plusDays(1), "11:00");

    browser.get(base + "dashboard/spending?range=custom&from=" + day + "&to=" + day.plusDays(1));
    JsonObject api =
        this.api
            .get(
                "api/v1/spending/summary?from=" + day + "&to=" + day.plusDays(1),
                TestUsers.tokenFor("VIEWER"))
            .json();
    BigDecimal total = api.getJsonNumber("total").bigDecimalValue();
    assertThat(total).isEqualByComparingTo("49.85");
    assertThat(text("#total .figure")).isEqualTo(money(total));
    assertThat(text("#events .figure")).isEqualTo(Integer.toString(api.getInt("events")));
    assertThat(text("#rangeShown")).contains(day.toString()).contains(day.plusDays(1).toString());

    // Every client row equals the API's group; the markup in a name is shown as text.
    JsonObject byClient = api.getJsonObject("byClient");
    for (String client : List.of(acme, globex)) {
      WebElement row =
          browser.findElement(
              By.xpath("//table[@id='by-client']//tr[th[normalize-space()='" + client + "']]"));
      BigDecimal cost = byClient.getJsonObject(client).getJsonNumber("cost").bigDecimalValue();
      assertThat(row.findElements(By.tagName("td")).get(0).getText()).isEqualTo(money(cost));
    }
    assertThat(browser.findElements(By.cssSelector("#by-client b"))).isEmpty();
    assertThat(text("#by-provider"))
        .contains("openai-" + run)
        .contains(money(new BigDecimal("42.60")));
    assertThat(text("#byDay")).isNotNull();
    assertThat(browser.findElements(By.id("dayChart"))).hasSize(1);
    Browser.screenshots(browser, "spending");

    // The client's name leads to exactly its events, in the same range.
    browser
        .findElement(By.xpath("//table[@id='by-client']//a[normalize-space()='" + acme + "']"))
        .click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("cost-events"));
    assertThat(browser.findElement(By.id("client")).getAttribute("value")).isEqualTo(acme);
    List<WebElement> rows = eventRows();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getText()).contains("$7.25").contains("anthropic-" + run);
    assertThat(rows.get(1).getText()).contains("$12.50");
    Browser.screenshots(browser, "cost-events-filtered");
  }

  @Test
  void theCostEventFiltersNarrowTheListAndRefuseNothingLoudly() {
    String client = "Initech " + run;
    event(client, "openai-" + run, "1.00", day, "08:00");
    event(client, "azure-" + run, "2.00", day, "09:00");
    event(client, "azure-" + run, "4.00", day.plusDays(3), "09:00");

    browser.get(base + "dashboard/cost-events");
    browser.findElement(By.id("client")).sendKeys(client);
    browser.findElement(By.id("provider")).sendKeys("azure-" + run);
    browser.findElement(By.id("applyFilters")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("provider="));
    assertThat(eventRows()).hasSize(2);

    browser.get(
        base
            + "dashboard/cost-events?client="
            + client.replace(" ", "+")
            + "&provider=azure-"
            + run
            + "&from="
            + day
            + "&to="
            + day);
    List<WebElement> rows = eventRows();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getText()).contains("$2.00");

    // A quote, SQL and markup in a filter find nothing and break nothing.
    browser.get(base + "dashboard/cost-events?client=%27%20or%201%3D1%20--%20%3Cscript%3E");
    assertThat(browser.findElement(By.cssSelector(".cost-events")).getText())
        .contains("No cost event matches these filters.");
    assertThat(browser.findElement(By.id("client")).getAttribute("value"))
        .isEqualTo("' or 1=1 -- <script>");

    // An unreadable day is left out, and the page says so.
    browser.get(
        base + "dashboard/cost-events?client=" + client.replace(" ", "+") + "&from=yesterday");
    assertThat(text("#filterRefused")).contains("not a date");
    assertThat(eventRows()).hasSize(3);

    browser.get(base + "dashboard/spending?range=custom&from=2020-02-30&to=x");
    assertThat(text("#rangeRefused")).contains("could not be read");
  }

  @Test
  void onAPhoneTheNavigationFoldsBehindTheMenuButton() {
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(base + "dashboard/spending");
    WebElement menu = browser.findElement(By.id("menuButton"));
    WebElement nav = browser.findElement(By.id("mainNav"));
    assertThat(menu.isDisplayed()).isTrue();
    assertThat(nav.isDisplayed()).isFalse();
    menu.click();
    assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(nav.isDisplayed()).isTrue();
    nav.findElement(By.linkText("Cost events")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("cost-events"));

    browser.manage().window().setSize(new Dimension(1366, 900));
    browser.get(base + "dashboard/spending");
    assertThat(browser.findElement(By.id("menuButton")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("mainNav")).isDisplayed()).isTrue();
  }

  private List<WebElement> eventRows() {
    return browser.findElements(
        By.cssSelector(".cost-events tbody tr:not(.ui-datatable-empty-message)"));
  }
}
