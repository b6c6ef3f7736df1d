package com.costguard.portal.it;

import static com.costguard.portal.it.AttributionData.dollars;
import static org.assertj.core.api.Assertions.assertThat;

import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Allocation by priority tier and reuse savings on the cost attribution page: an ADMIN edits tier
 * C's amount and rollover (put back after each test, since every class shares the application), the
 * client's utilisation and the 90 % alert follow; a BUDGET_MANAGER gets no form, and a forged
 * postback changes nothing. The tier's client is new and spends this month; the reuse events are on
 * a day of their own in the 1940s.
 */
@SharedDeployment
class TierAllocationPageIT {

  private static final String PASSWORD = "a-long-test-password";

  @ArquillianResource URL base;

  private ChromeDriver browser;
  private Api api;
  private String run;
  private String admin;
  private JsonObject tierC;

  @BeforeEach
  void start() throws SQLException {
    browser = Browser.start();
    api = new Api(base);
    run = UUID.randomUUID().toString().substring(0, 8);
    admin = TestUsers.tokenFor("ADMIN");
    tierC = tier("C");
  }

  @AfterEach
  void restore() {
    browser.quit();
    Api.Answer answer =
        api.put(
            "api/v1/priority-tiers/C",
            "{\"monthlyAllocation\": %s, \"rollover\": %s}"
                .formatted(
                    tierC.getJsonNumber("monthlyAllocation").bigDecimalValue().toPlainString(),
                    tierC.getBoolean("rollover")),
            admin);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  private JsonObject tier(String name) {
    return api
        .get("api/v1/priority-tiers", admin)
        .json()
        .getJsonArray("tiers")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(t -> t.getString("tier").equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** A tier C client with one on-demand job this month: 9 minutes at $300/h = $45.00. */
  private String clientSpendingThisMonth() {
    String name = "Tier " + run;
    Api.Answer client =
        api.post(
            "api/v1/clients",
            Fixtures.load(
                "attribution-client.json",
                Map.of("name", name, "code", "TIER-" + run, "industry", "Retail", "tier", "C")),
            admin);
    assertThat(client.status()).as(client.body()).isEqualTo(201);
    Api.Answer job =
        api.post(
            "api/v1/jobs",
            Fixtures.load(
                "attribution-job.json",
                Map.of(
                    "externalId", "tier-" + run,
                    "name", "tier-" + run,
                    "creator", "ana-" + run,
                    "client", "TIER-" + run,
                    "project", "",
                    "pricing", "on_demand",
                    "rate", "300")),
            admin);
    assertThat(job.status()).as(job.body()).isEqualTo(201);
    long id = job.json().getJsonNumber("id").longValueExact();
    Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
    int n = 0;
    for (String event :
        new String[] {
          "started\", \"at\": \"" + end.minus(Duration.ofMinutes(9)),
          "completed\", \"at\": \"" + end
        }) {
      Api.Answer answer =
          api.post(
              "api/v1/jobs/" + id + "/events",
              "{\"type\": \"" + event + "\", \"idempotencyKey\": \"k" + n++ + "\"}",
              admin);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
    return name;
  }

  private void signIn(String role) throws SQLException {
    Browser.signIn(browser, base, TestUsers.withPassword(PASSWORD, role), PASSWORD);
    browser.get(base + "dashboard/cost-attribution");
  }

  /** The allocation table's row of {@code client}, as text. */
  private String allocationRow(String client) {
    return browser.findElements(By.cssSelector("#allocations tbody tr")).stream()
        .map(WebElement::getText)
        .filter(t -> t.contains(client))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no allocation row for " + client));
  }

  private WebElement amountInput(String tier) {
    return browser.findElement(By.cssSelector("input.tier-amount-input-" + tier));
  }

  /** Saves the form and waits for the page it redirects to. */
  private void saveTiers() {
    WebElement before = browser.findElement(By.id("tiers:saveTiers"));
    before.click();
    Browser.replaced(browser, before, Duration.ofSeconds(20));
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("tiers:tierMessages")));
  }

  @Test
  void anAdminsNewTierAmountMovesTheClientsUtilisationOverTheAlert() throws Exception {
    String client = clientSpendingThisMonth();
    // The tier's amount at 100 first, so the client starts at 45 %.
    api.put("api/v1/priority-tiers/C", "{\"monthlyAllocation\": 100}", admin);
    signIn("ADMIN");
    assertThat(allocationRow(client)).contains("$100.00", "$45.00", "45.00 %");
    assertThat(browser.findElements(By.cssSelector("#allocationAlerts li")))
        .noneMatch(li -> li.getText().contains(client));

    WebElement amount = amountInput("C");
    amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    amount.sendKeys("50");
    saveTiers();
    assertThat(browser.findElement(By.id("tiers:tierMessages")).getText())
        .contains("tier C amount");
    assertThat(tier("C").getJsonNumber("monthlyAllocation").bigDecimalValue())
        .isEqualByComparingTo("50");
    assertThat(allocationRow(client)).contains("$50.00", "$45.00", "90.00 %", "over 90 %");
    assertThat(
            browser.findElements(By.cssSelector("#allocationAlerts li")).stream()
                .map(WebElement::getText)
                .filter(t -> t.contains(client))
                .findFirst())
        .hasValueSatisfying(
            t ->
                assertThat(t)
                    .contains(client + " at 90.00 % of allocated budget ($45.00 of $50.00)"));
    JsonObject attribution = api.get("api/v1/attribution", admin).json();
    JsonObject row =
        attribution
            .getJsonObject("allocation")
            .getJsonArray("clients")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(c -> c.getString("name").equals(client))
            .findFirst()
            .orElseThrow();
    assertThat(row.getBoolean("alert")).isTrue();
    assertThat(row.getJsonNumber("utilisationPercent").bigDecimalValue())
        .isEqualByComparingTo("90.00");
    Browser.screenshots(browser, "cost-attribution-allocation");

    // The change is audited with its old and new amounts.
    JsonObject newest =
        api.get("api/v1/audit-log?action=tier.allocation_changed&limit=1", admin)
            .json()
            .getJsonArray("entries")
            .getJsonObject(0);
    assertThat(newest.getString("subjectId")).isEqualTo("C");
    assertThat(newest.getString("channel")).isEqualTo("portal");
    assertThat(
            newest.getJsonObject("oldValue").getJsonNumber("monthlyAllocation").bigDecimalValue())
        .isEqualByComparingTo("100");
    assertThat(
            newest.getJsonObject("newValue").getJsonNumber("monthlyAllocation").bigDecimalValue())
        .isEqualByComparingTo("50");
  }

  @Test
  void theRolloverSwitchPersistsAndTheNextMonthFollowsIt() throws Exception {
    String client = clientSpendingThisMonth();
    api.put("api/v1/priority-tiers/C", "{\"monthlyAllocation\": 100, \"rollover\": false}", admin);
    signIn("ADMIN");
    // Without rollover next month is the tier amount; with it, this month's unused $55 too.
    assertThat(allocationRow(client)).endsWith("$100.00");
    browser.findElement(By.cssSelector(".tier-rollover-C .ui-toggleswitch-slider")).click();
    saveTiers();
    assertThat(tier("C").getBoolean("rollover")).isTrue();
    browser.navigate().refresh();
    assertThat(
            browser
                .findElement(By.cssSelector(".tier-rollover-C input[type=checkbox]"))
                .isSelected())
        .isTrue();
    assertThat(allocationRow(client)).endsWith("$155.00");
  }

  @Test
  void aBudgetManagerHasNoFormAndAForgedPostbackChangesNothing() throws Exception {
    api.put("api/v1/priority-tiers/C", "{\"monthlyAllocation\": 100}", admin);
    // The names an ADMIN's form posts.
    signIn("ADMIN");
    String field = amountInput("C").getAttribute("name");
    String hidden = field.replace("_input", "_hinput");

    for (String role : new String[] {"BUDGET_MANAGER", "VIEWER"}) {
      browser.manage().deleteAllCookies();
      signIn(role);
      assertThat(browser.findElements(By.id("tiers"))).isEmpty();
      assertThat(browser.findElement(By.id("tiersReadOnly")).getText()).contains("Only an ADMIN");
      Browser.Download answer =
          Browser.download(
              browser,
              "exports",
              "forged",
              Map.of(
                  "tiers",
                  "tiers",
                  field,
                  "1.00",
                  hidden,
                  "1.00",
                  "tiers:saveTiers",
                  "tiers:saveTiers"));
      assertThat(answer.type()).doesNotStartWith("application/pdf");
      assertThat(tier("C").getJsonNumber("monthlyAllocation").bigDecimalValue())
          .isEqualByComparingTo("100");
      // The API's door is the same service check.
      Api.Answer refused =
          api.put(
              "api/v1/priority-tiers/C", "{\"monthlyAllocation\": 1}", TestUsers.tokenFor(role));
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.json().getString("error")).isEqualTo("forbidden");
    }
    assertThat(tier("C").getJsonNumber("monthlyAllocation").bigDecimalValue())
        .isEqualByComparingTo("100");
  }

  @Test
  void reuseSavingsPerClientAreTheApisAndTheAttributionPdfComesOnLetter() throws Exception {
    LocalDate day = LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
    String discoverer = "disc-" + run;
    String reuser = "reuse-" + run;
    String events =
        """
        {"events": [
          {"idempotencyKey": "%1$s-a", "occurredAt": "%2$sT09:00:00Z", "operationType": "enrich",
           "amount": 0.80, "listCost": 0.80, "client": "%3$s"},
          {"idempotencyKey": "%1$s-b", "occurredAt": "%2$sT10:00:00Z", "operationType": "enrich",
           "amount": 0.15, "listCost": 0.80, "client": "%4$s", "reusedFrom": "%3$s"},
          {"idempotencyKey": "%1$s-c", "occurredAt": "%2$sT11:00:00Z", "operationType": "enrich",
           "amount": 0.15, "listCost": 0.80, "client": "%4$s", "reusedFrom": "%3$s"}
        ]}
        """
            .formatted(run, day, discoverer, reuser);
    Api.Answer posted = api.post("api/v1/cost-events", events, admin);
    assertThat(posted.status()).as(posted.body()).isEqualTo(202);

    JsonObject reuse =
        api.get("api/v1/attribution?from=" + day + "&to=" + day, admin)
            .json()
            .getJsonObject("reuseSavings");
    JsonObject reused =
        reuse.getJsonArray("byClient").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals(reuser))
            .findFirst()
            .orElseThrow();
    assertThat(reused.getJsonNumber("savings").bigDecimalValue()).isEqualByComparingTo("1.30");
    assertThat(reused.getJsonNumber("savingsPercent").bigDecimalValue())
        .isEqualByComparingTo("81.25");

    Browser.signIn(browser, base, TestUsers.withPassword(PASSWORD, "VIEWER"), PASSWORD);
    browser.get(base + "dashboard/cost-attribution?range=custom&from=" + day + "&to=" + day);
    String row =
        browser.findElements(By.cssSelector("#reuseTable tbody tr")).stream()
            .map(WebElement::getText)
            .filter(t -> t.startsWith(reuser))
            .findFirst()
            .orElseThrow();
    assertThat(row)
        .contains(
            "2",
            dollars(new BigDecimal("1.60")),
            dollars(new BigDecimal("0.30")),
            dollars(reused.getJsonNumber("savings").bigDecimalValue()),
            "81.25 %");
    assertThat(browser.findElement(By.cssSelector("#reuseTable tfoot")).getText())
        .contains(dollars(reuse.getJsonNumber("total").bigDecimalValue()));

    Browser.Download letter =
        Browser.download(browser, "exports", "pdf", Map.of("exports:paper", "letter"));
    assertThat(letter.type()).startsWith("application/pdf");
    try (PdfDocument pdf =
        new PdfDocument(new PdfReader(new ByteArrayInputStream(letter.body())))) {
      assertThat(pdf.getPage(1).getPageSize().getWidth()).isEqualTo(PageSize.LETTER.getWidth());
      assertThat(pdf.getPage(1).getPageSize().getHeight()).isEqualTo(PageSize.LETTER.getHeight());
    }
  }
}
