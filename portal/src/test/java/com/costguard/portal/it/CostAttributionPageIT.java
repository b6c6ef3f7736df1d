package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The cost attribution page in headless Chromium, read by a VIEWER: clients, projects and jobs are
 * created over the API on a day of their own in the 1950s, and the page for that day shows the
 * figures of {@code GET /api/v1/attribution} for the same range, in both tabs, and serves the CSV
 * export of that range through the signed-in session.
 */
@SharedDeployment
class CostAttributionPageIT {

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
    day = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
    admin = TestUsers.tokenFor("ADMIN");
  }

  @AfterEach
  void stop() {
    browser.quit();
  }

  private void signIn(String username) {
    Browser.signIn(browser, base, username, PASSWORD);
  }

  private static String userWithPassword(String role) throws SQLException {
    return TestUsers.withPassword(PASSWORD, role);
  }

  private long id(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().getJsonNumber("id").longValueExact();
  }

  private long client(String name, String code) {
    return id(
        api.post(
            "api/v1/clients",
            Fixtures.load(
                "attribution-client.json",
                Map.of("name", name, "code", code, "industry", "Finance", "tier", "A")),
            admin));
  }

  private void project(String name, long clientId, String revenue) {
    id(
        api.post(
            "api/v1/projects",
            Fixtures.load(
                "attribution-project.json",
                Map.of(
                    "name",
                    name,
                    "code",
                    name.toUpperCase().replace(' ', '-'),
                    "clientId",
                    Long.toString(clientId),
                    "revenue",
                    revenue,
                    "otherCosts",
                    "100.50")),
            admin));
  }

  /**
   * An on-demand job at {@code rate}/h for {@code client} and {@code project}, 08:00–{@code end}.
   */
  private void job(String client, String project, String rate, String end) {
    String name = "job-" + run + "-" + UUID.randomUUID().toString().substring(0, 4);
    long id =
        id(
            api.post(
                "api/v1/jobs",
                Fixtures.load(
                    "attribution-job.json",
                    Map.of(
                        "externalId", name,
                        "name", name,
                        "creator", "ana-" + run,
                        "client", client,
                        "project", project,
                        "pricing", "on_demand",
                        "rate", rate)),
                admin));
    int n = 0;
    for (String event : List.of("08:00 started", end + " completed")) {
      String[] parts = event.split(" ");
      Api.Answer answer =
          api.post(
              "api/v1/jobs/" + id + "/events",
              "{\"type\": \"%s\", \"at\": \"%sT%s:00Z\", \"idempotencyKey\": \"k%d\"}"
                  .formatted(parts[1], day, parts[0], n++),
              admin);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
  }

  private static BigDecimal money(JsonObject o, String name) {
    return o.getJsonNumber(name).bigDecimalValue();
  }

  static String dollars(BigDecimal amount) {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    return (amount.signum() < 0 ? "-$" : "$") + format.format(amount.abs());
  }

  private static JsonObject named(JsonObject attribution, String list, String name) {
    return attribution.getJsonArray(list).getValuesAs(JsonObject.class).stream()
        .filter(o -> o.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + list));
  }

  /** The cells of the table row whose first cell starts with {@code name}. */
  private List<String> row(String table, String name) {
    for (WebElement tr : browser.findElements(By.cssSelector("#tabs\\:" + table + " tbody tr"))) {
      List<String> cells = tr.findElements(By.tagName("td")).stream().map(this::cellText).toList();
      if (!cells.isEmpty() && cells.get(0).startsWith(name)) {
        return cells;
      }
    }
    throw new AssertionError("no row " + name + " in " + table);
  }

  /** A reflow cell's text without the column title PrimeFaces puts in it for narrow screens. */
  private String cellText(WebElement td) {
    return ((String)
            browser.executeScript(
                "const c = arguments[0].cloneNode(true);"
                    + " c.querySelectorAll('.ui-column-title').forEach(t => t.remove());"
                    + " return c.textContent;",
                td))
        .strip()
        .replaceAll("\\s+", " ");
  }

  @Test
  void aViewerSeesTheApisFiguresByClientAndByProjectAndDownloadsTheRangesCsv() throws Exception {
    String acme = "Acme " + run;
    String beta = "Beta " + run;
    long acmeId = client(acme, "ACME-" + run);
    long betaId = client(beta, "BETA-" + run);
    String q1 = "Q1 " + run;
    String mid = "Mid " + run;
    String scan = "Scan " + run;
    project(q1, acmeId, "1000");
    project(mid, acmeId, "300");
    project(scan, betaId, "50");
    job(acme, q1, "4.10", "10:00");
    job(acme, q1, "2.00", "09:30");
    job(acme, mid, "4.10", "09:00");
    job(beta, scan, "4.10", "10:30");

    signIn(userWithPassword("VIEWER"));
    browser.get(base + "dashboard/cost-attribution?range=custom&from=" + day + "&to=" + day);
    JsonObject attribution =
        api.get("api/v1/attribution?from=" + day + "&to=" + day, TestUsers.tokenFor("VIEWER"))
            .json();
    BigDecimal total = money(attribution, "total");
    assertThat(total).isPositive();

    assertThat(browser.findElement(By.cssSelector("#orgTotal .figure")).getText())
        .isEqualTo(dollars(total));
    assertThat(browser.findElement(By.id("rangeShown")).getText())
        .startsWith(day + " to " + day + ": 4 jobs");
    for (String name : List.of(acme, beta)) {
      JsonObject expected = named(attribution, "byClient", name);
      List<String> cells = row("clients", name);
      assertThat(cells.get(1)).isEqualTo(Integer.toString(expected.getInt("jobs")));
      assertThat(cells.get(2)).isEqualTo(dollars(money(expected, "total")));
      assertThat(cells.get(3)).isEqualTo(dollars(money(expected, "averagePerJob")));
    }
    // The summary row: the organisation total, to the cent, and every job.
    List<String> summary =
        browser.findElements(By.cssSelector("#tabs\\:clients tfoot td")).stream()
            .map(this::cellText)
            .toList();
    assertThat(summary).containsSubsequence("All clients", "4", dollars(total));
    Browser.screenshots(browser, "cost-attribution-clients");

    browser.findElement(By.linkText("By project")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:projects")));
    for (String name : List.of(q1, mid, scan)) {
      JsonObject expected = named(attribution, "byProject", name);
      List<String> cells = row("projects", name);
      assertThat(cells.get(1)).isEqualTo(dollars(money(expected, "revenue")));
      assertThat(cells.get(2)).isEqualTo(dollars(money(expected, "otherCosts")));
      assertThat(cells.get(3)).isEqualTo(dollars(money(expected, "trainingCost")));
      assertThat(cells.get(4)).isEqualTo(dollars(money(expected, "profit")));
      assertThat(cells.get(5)).startsWith(money(expected, "marginPercent").toPlainString() + " %");
    }
    // Q1 ($1,000 revenue) is healthy, Mid ($300) to watch, Scan ($50, a loss) at risk; the
    // table is highest margin first.
    assertThat(row("projects", q1).get(5)).endsWith("healthy");
    assertThat(row("projects", mid).get(5)).endsWith("watch");
    assertThat(row("projects", scan).get(5)).endsWith("at risk");
    List<String> order =
        browser.findElements(By.cssSelector("#tabs\\:projects tbody tr")).stream()
            .map(tr -> cellText(tr.findElement(By.tagName("td"))))
            .filter(name -> name.contains(run))
            .toList();
    assertThat(order).hasSize(3);
    assertThat(order.get(0)).startsWith(q1);
    assertThat(order.get(1)).startsWith(mid);
    assertThat(order.get(2)).startsWith(scan);
    assertThat(
            browser
                .findElement(By.cssSelector("#tabs\\:projects span.band.zone-red"))
                .isDisplayed())
        .isTrue();
    Browser.screenshots(browser, "cost-attribution-projects");

    // Each export button posts the page back; the answer is the export of the range shown.
    String csv = new String(export("csv", "text/csv"), StandardCharsets.UTF_8);
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();
    assertThat(rows).as(csv).hasSize(4);
    assertThat(
            rows.stream()
                .map(r -> new BigDecimal(r.get("Cost")))
                .reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(total);
    StringBuilder pdf = new StringBuilder();
    try (PdfDocument doc =
        new PdfDocument(
            new PdfReader(new ByteArrayInputStream(export("pdf", "application/pdf"))))) {
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        pdf.append(PdfTextExtractor.getTextFromPage(doc.getPage(i))).append('\n');
      }
    }
    assertThat(pdf.toString()).contains(dollars(total), q1, acme);
  }

  /**
   * Presses an export button as the browser would, through the signed-in session, and returns the
   * file it answers with after checking its type.
   */
  private byte[] export(String button, String type) {
    Browser.Download file = Browser.download(browser, "exports", button, Map.of());
    assertThat(file.type()).startsWith(type);
    return file.body();
  }

  @Test
  void theRangeLinksChooseTheRangeAndTheNavigationLeadsThere() throws Exception {
    signIn(userWithPassword("VIEWER"));
    browser.findElement(By.linkText("Attribution")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("rangeShown")));
    assertThat(browser.findElement(By.id("rangeShown")).getText()).startsWith("Last 30 days");
    browser.findElement(By.id("range90")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("rangeShown"), "90"));
    assertThat(browser.findElement(By.id("range90")).getAttribute("aria-current"))
        .isEqualTo("true");
    browser.findElement(By.id("rangeAll")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("rangeShown"), "All time"));
    browser.get(base + "dashboard/cost-attribution?range=custom&from=2026-02-01&to=2026-01-01");
    assertThat(browser.findElement(By.id("rangeRefused")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("rangeShown")).getText()).startsWith("Last 30 days");
  }
}
