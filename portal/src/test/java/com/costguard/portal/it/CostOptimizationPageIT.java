package com.costguard.portal.it;

import static com.costguard.portal.it.AttributionData.dollars;
import static org.assertj.core.api.Assertions.assertThat;

import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The cost optimisation page and the budget dashboard's section in headless Chromium, read by a
 * VIEWER: spot and on-demand jobs are created over the API on a day of their own in the 1930s, and
 * the page for that day shows every figure of {@code GET /api/v1/optimization} for the same range,
 * to the cent, with the histogram and the cumulative chart (and their tables), the highlight rules
 * and the filters; its PDF comes on the paper chosen.
 */
@SharedDeployment
class CostOptimizationPageIT {

  private static final String PASSWORD = "a-long-test-password";

  @ArquillianResource URL base;

  private ChromeDriver browser;
  private Api api;
  private String run;
  private LocalDate day;
  private String admin;

  @BeforeEach
  void start() throws SQLException {
    browser = Browser.start();
    api = new Api(base);
    run = UUID.randomUUID().toString().substring(0, 8);
    day = LocalDate.of(1930, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
    admin = TestUsers.tokenFor("ADMIN");
  }

  @AfterEach
  void stop() {
    browser.quit();
  }

  /**
   * A job 08:00–10:00 on the test's day, {@code pricing} at {@code rate}/h (on-demand 4.10/h),
   * interrupted {@code interruptions} times for 10 minutes each.
   */
  private String job(String pricing, String rate, String gpu, int interruptions) {
    String name = "opt-" + run + "-" + pricing + "-" + interruptions;
    Api.Answer created =
        api.post(
            "api/v1/jobs",
            Fixtures.load(
                    "attribution-job.json",
                    Map.of(
                        "externalId", name,
                        "name", name,
                        "creator", "ana-" + run,
                        "client", "opt-" + run,
                        "project", "opt-" + run,
                        "pricing", pricing,
                        "rate", rate))
                .replace("\"A100\"", "\"" + gpu + "\""),
            admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValueExact();
    List<String> events =
        new ArrayList<>(List.of("{\"type\": \"started\", \"at\": \"%sT08:00:00Z\""));
    for (int i = 0; i < interruptions; i++) {
      LocalTime interrupted = LocalTime.of(8, 5).plusMinutes(20L * i);
      events.add("{\"type\": \"interrupted\", \"at\": \"%sT" + interrupted + ":00Z\"");
      events.add(
          "{\"type\": \"recovered\", \"recoveryMinutes\": 10, \"at\": \"%sT"
              + interrupted.plusMinutes(10)
              + ":00Z\"");
    }
    events.add("{\"type\": \"completed\", \"at\": \"%sT10:00:00Z\"");
    int n = 0;
    for (String event : events) {
      Api.Answer answer =
          api.post(
              "api/v1/jobs/" + id + "/events",
              event.formatted(day) + ", \"idempotencyKey\": \"k" + n++ + "\"}",
              admin);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
    return name;
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText().strip();
  }

  private static String money(JsonObject o, String name) {
    return dollars(o.getJsonNumber(name).bigDecimalValue());
  }

  private static String percent(JsonObject o, String name) {
    return o.getJsonNumber(name).bigDecimalValue().toPlainString() + " %";
  }

  /** The job rows of the per-job table that belong to this run. */
  private List<WebElement> rows() {
    return browser.findElements(By.cssSelector("#optJobsForm\\:optJobs tbody tr")).stream()
        .filter(tr -> tr.getText().contains(run))
        .toList();
  }

  private WebElement row(String job) {
    return rows().stream()
        .filter(tr -> tr.getText().contains(job))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + job));
  }

  @Test
  void theFiguresAreTheApisToTheCentWithChartsHighlightsAndFilters() throws Exception {
    String calm = job("spot", "1.23", "A100", 0);
    String once = job("spot", "1.37", "H100", 1);
    String stormy = job("spot", "1.11", "A100", 4);
    String steady = job("on_demand", "4.10", "A100", 0);

    Browser.signIn(browser, base, TestUsers.withPassword(PASSWORD, "VIEWER"), PASSWORD);
    browser.findElement(By.linkText("Optimisation")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("optRangeShown")));
    assertThat(text("optRangeShown")).startsWith("This month");

    browser.get(base + "dashboard/cost-optimization?range=custom&from=" + day + "&to=" + day);
    JsonObject api =
        this.api
            .get("api/v1/optimization?from=" + day + "&to=" + day, TestUsers.tokenFor("VIEWER"))
            .json();
    assertThat(api.getInt("spotJobs")).isEqualTo(3);
    assertThat(api.getInt("onDemandJobs")).isEqualTo(1);
    assertThat(text("optRangeShown")).startsWith(day + " to " + day + ": 3 spot jobs, 1 on-demand");
    for (String field :
        List.of(
            "totalSpotCost",
            "onDemandEquivalent",
            "savings",
            "recoveryOverhead",
            "netSavings",
            "monthlySavings",
            "annualisedSavings")) {
      assertThat(text("opt" + Character.toUpperCase(field.charAt(0)) + field.substring(1)))
          .as(field)
          .isEqualTo(money(api, field));
    }
    assertThat(new BigDecimal(api.getJsonNumber("savings").toString())).isPositive();
    assertThat(text("optSavingsPercent")).isEqualTo(percent(api, "savingsPercent"));
    assertThat(text("optNetSavingsPercent")).isEqualTo(percent(api, "netSavingsPercent"));
    assertThat(text("optShareAtMostTwo"))
        .isEqualTo(percent(api, "shareWithAtMostTwoInterruptions"));
    assertThat(text("optInterruptionRate")).isEqualTo(percent(api, "interruptionRatePercent"));
    assertThat(text("optSpotShare")).isEqualTo(percent(api, "spotSharePercent"));
    assertThat(text("optInterruptions")).isEqualTo("5");
    assertThat(text("optAverageInterruptions"))
        .isEqualTo(api.getJsonNumber("averageInterruptions").bigDecimalValue().toPlainString());
    // 75 % spot (< 80 %): suggest more spot, with what it would save; 2 of 3 interrupted
    // (> 30 %): suggest off-peak.
    List<String> advice =
        api.getJsonArray("recommendations").getValuesAs(JsonObject.class).stream()
            .map(a -> a.getString("kind"))
            .toList();
    assertThat(advice).containsExactly("more_spot", "off_peak");
    assertThat(text("optAdvice"))
        .contains(
            "Increase spot usage to 95% for an additional "
                + money(api.getJsonArray("recommendations").getJsonObject(0), "amount"))
        .contains("High interruption rate. Consider off-peak scheduling");

    // The histogram and the cumulative chart are drawn, with their figures as tables.
    assertThat(browser.findElement(By.cssSelector("#optHistogram canvas")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.cssSelector("#optCumulative canvas")).isDisplayed()).isTrue();
    List<String> histogram =
        browser.findElements(By.cssSelector("#optHistogramTable tbody tr")).stream()
            .map(
                tr ->
                    tr.findElements(By.tagName("td")).stream()
                        .map(td -> td.getAttribute("textContent").strip())
                        .collect(java.util.stream.Collectors.joining(" ")))
            .toList();
    assertThat(histogram).containsExactly("0 1", "1 1", "4 1");
    List<WebElement> cumulative =
        browser.findElements(By.cssSelector("#optCumulativeTable tbody tr td.money"));
    assertThat(cumulative).hasSize(1);
    assertThat(cumulative.get(0).getAttribute("textContent").strip())
        .isEqualTo(money(api, "netSavings"));

    // Highest savings first; no interruptions marked "none", more than 3 "many".
    assertThat(rows()).hasSize(4);
    assertThat(row(calm).getAttribute("class")).contains("interruptions-none");
    assertThat(row(calm).getText()).contains("none");
    assertThat(row(stormy).getAttribute("class")).contains("interruptions-many");
    assertThat(row(stormy).getText()).contains("many");
    assertThat(row(once).getAttribute("class")).doesNotContain("interruptions-");
    assertThat(row(steady).getAttribute("class")).doesNotContain("interruptions-");
    Browser.screenshots(browser, "cost-optimization");

    new Select(browser.findElement(By.id("optMode"))).selectByValue("spot");
    browser.findElement(By.id("optApplyFilters")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("mode=spot"));
    assertThat(rows())
        .as(
            () ->
                browser.getCurrentUrl()
                    + "\n"
                    + browser.findElement(By.id("optJobsForm")).getAttribute("outerHTML"))
        .hasSize(3)
        .noneMatch(tr -> tr.getText().contains(steady));
    // The filters narrow the table, not the figures.
    assertThat(text("optTotalSpotCost")).isEqualTo(money(api, "totalSpotCost"));
    new Select(browser.findElement(By.id("optGpu"))).selectByValue("H100");
    browser.findElement(By.id("optApplyFilters")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("gpu=H100"));
    assertThat(rows()).hasSize(1).allMatch(tr -> tr.getText().contains(once));
    new Select(browser.findElement(By.id("optMode"))).selectByValue("on_demand");
    browser.findElement(By.id("optApplyFilters")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("mode=on_demand"));
    assertThat(rows()).isEmpty();

    // The PDF of the range, on Letter paper when Letter is chosen, A4 by default.
    Browser.Download letter =
        Browser.download(browser, "optExports", "pdf", Map.of("optExports:paper", "letter"));
    assertThat(letter.type()).startsWith("application/pdf");
    try (PdfDocument pdf =
        new PdfDocument(new PdfReader(new ByteArrayInputStream(letter.body())))) {
      Rectangle size = pdf.getPage(1).getPageSize();
      assertThat(size.getWidth()).isEqualTo(PageSize.LETTER.getWidth());
      assertThat(size.getHeight()).isEqualTo(PageSize.LETTER.getHeight());
      StringBuilder text = new StringBuilder();
      for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
        text.append(PdfTextExtractor.getTextFromPage(pdf.getPage(i)));
      }
      assertThat(text.toString()).contains(money(api, "netSavings"));
    }
    Browser.Download a4 = Browser.download(browser, "optExports", "pdf", Map.of());
    try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(a4.body())))) {
      assertThat(pdf.getPage(1).getPageSize().getWidth()).isEqualTo(PageSize.A4.getWidth());
    }
    Browser.Download csv = Browser.download(browser, "optExports", "csv", Map.of());
    assertThat(csv.type()).startsWith("text/csv");
    assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains(calm, once, stormy, steady);
  }

  @Test
  void theBudgetDashboardsSectionIsCollapsedUntilOpened() throws Exception {
    Browser.signIn(browser, base, TestUsers.withPassword(PASSWORD, "VIEWER"), PASSWORD);
    browser.get(base + "dashboard/training-budget");
    WebElement content = browser.findElement(By.cssSelector("#optimisation_content"));
    assertThat(content.isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("optimisation_header")).getText())
        .contains("Cost Optimization: Spot vs On-Demand");
    browser.findElement(By.cssSelector("#optimisation_toggler")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(ExpectedConditions.visibilityOf(content));
    // Not computed until asked for: the analysis costs every job of its range.
    assertThat(browser.findElements(By.id("optTotalSpotCost"))).isEmpty();
    browser.findElement(By.id("optShow")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("optTotalSpotCost")));
    assertThat(browser.findElement(By.cssSelector("#optimisation_content")).isDisplayed()).isTrue();
    assertThat(text("optRangeShown")).startsWith("This month");
    Browser.screenshots(browser, "training-budget-optimisation-open");

    // A range chosen in the section keeps it open.
    browser.findElement(By.id("optRange90")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("range=90"));
    assertThat(browser.findElement(By.cssSelector("#optimisation_content")).isDisplayed()).isTrue();
    assertThat(text("optRangeShown")).startsWith("Last 90 days");
  }
}
