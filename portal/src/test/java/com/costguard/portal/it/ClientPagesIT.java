package com.costguard.portal.it;

import static com.costguard.portal.it.AttributionData.cellText;
import static com.costguard.portal.it.AttributionData.dollars;
import static com.costguard.portal.it.AttributionData.money;
import static com.costguard.portal.it.AttributionData.named;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The client page, the attribution page's row expansion and inline other costs, and the jobs page's
 * "New job" form with its inline client and project dialogs, in headless Chromium. Each test makes
 * its clients, projects and jobs over the API on a day of its own in the 1950s and compares what
 * the pages show and export with {@code GET /api/v1/attribution} for that day, to the cent.
 */
@SharedDeployment
class ClientPagesIT {

  private static final String PASSWORD = "a-long-test-password";

  @ArquillianResource URL base;

  private ChromeDriver browser;
  private Api api;
  private String run;
  private LocalDate day;
  private String admin;
  private AttributionData data;

  // the data of every test: Acme with two projects and three jobs, Beta with one
  private String acme;
  private long acmeId;
  private String q1;
  private long q1Id;
  private String mid;
  private List<String> acmeJobs;

  @BeforeEach
  void start() throws SQLException {
    browser = Browser.start();
    api = new Api(base);
    run = UUID.randomUUID().toString().substring(0, 8);
    day = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
    admin = TestUsers.tokenFor("ADMIN");
    data = new AttributionData(api, admin, run, day);
    acme = "Acme " + run;
    acmeId = data.client(acme, "ACME-" + run, "A");
    String beta = "Beta " + run;
    long betaId = data.client(beta, "BETA-" + run, "C");
    q1 = "Q1 " + run;
    mid = "Mid " + run;
    q1Id = data.project(q1, acmeId, "1000", "100.50");
    data.project(mid, acmeId, "300", "0");
    data.project("Scan " + run, betaId, "50", "0");
    acmeJobs =
        List.of(
            data.job(acme, q1, "4.10", "10:00"),
            data.job(acme, q1, "2.00", "09:30"),
            data.job(acme, mid, "4.10", "09:00"));
    data.job(beta, "Scan " + run, "4.10", "10:30");
  }

  @AfterEach
  void stop() {
    browser.quit();
  }

  private String signIn(String role) throws SQLException {
    String username = TestUsers.withPassword(PASSWORD, role);
    Browser.signIn(browser, base, username, PASSWORD);
    return username;
  }

  private void openAttribution() {
    browser.get(base + "dashboard/cost-attribution?range=custom&from=" + day + "&to=" + day);
  }

  /** The cells of the row of {@code table} whose first cell starts with {@code name}. */
  private List<String> row(String table, String name) {
    return cells(rowElement(table, name));
  }

  private WebElement rowElement(String table, String name) {
    for (WebElement tr : browser.findElements(By.cssSelector(table + "_data > tr"))) {
      List<WebElement> tds = tr.findElements(By.xpath("./td"));
      if (!tds.isEmpty() && cellText(browser, tds.get(0)).startsWith(name)) {
        return tr;
      }
    }
    throw new AssertionError("no row " + name + " in " + table);
  }

  private List<String> cells(WebElement tr) {
    return tr.findElements(By.xpath("./td")).stream().map(td -> cellText(browser, td)).toList();
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText().strip();
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  /** The project's row of the attribution API and of a page's profitability table agree. */
  private void sameProject(JsonObject attribution, String table, String name) {
    JsonObject expected = named(attribution, "byProject", name);
    List<String> cells = row(table, name);
    assertThat(cells.get(1)).isEqualTo(dollars(money(expected, "revenue")));
    assertThat(cells.get(3)).isEqualTo(dollars(money(expected, "trainingCost")));
    assertThat(cells.get(4)).isEqualTo(dollars(money(expected, "profit")));
    assertThat(cells.get(5)).startsWith(money(expected, "marginPercent").toPlainString() + " %");
  }

  @Test
  void aViewerReachesTheClientFromAttributionSeesTheApisFiguresAndExportsThem() throws Exception {
    signIn("VIEWER");
    openAttribution();
    browser.findElement(By.linkText(acme)).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("clientName")));
    assertThat(browser.getCurrentUrl()).contains("/dashboard/clients/" + acmeId);

    JsonObject attribution = data.attribution(TestUsers.tokenFor("VIEWER"));
    JsonObject client = named(attribution, "byClient", acme);
    BigDecimal total = money(client, "total");
    assertThat(total).isPositive();
    assertThat(text("clientName")).isEqualTo(acme);
    assertThat(text("clientCode")).isEqualTo("ACME-" + run);
    assertThat(text("clientIndustry")).isEqualTo("Finance");
    assertThat(text("clientTier")).isEqualTo("A");
    assertThat(text("clientTotal")).isEqualTo(dollars(total));
    assertThat(text("clientJobCount")).isEqualTo("3");
    assertThat(text("clientAverage")).isEqualTo(dollars(money(client, "averagePerJob")));
    // 2 h + 1.5 h + 1 h of GPU time, 1.5 h on average
    assertThat(text("clientTime")).isEqualTo("4h 30m");
    assertThat(text("clientAverageTime")).isEqualTo("1h 30m");

    sameProject(attribution, "#clientForm\\:projects", q1);
    sameProject(attribution, "#clientForm\\:projects", mid);
    assertThat(row("#clientForm\\:projects", q1).get(5)).endsWith("healthy");
    assertThat(browser.findElements(By.cssSelector("#clientForm\\:projects_data > tr"))).hasSize(2);

    // The jobs, each with its cost in the range.
    for (JsonObject job : client.getJsonArray("jobList").getValuesAs(JsonObject.class)) {
      List<String> cells = row("#clientForm\\:jobs", job.getString("name"));
      assertThat(cells.get(2)).isEqualTo(dollars(money(job, "cost")));
      assertThat(cells.get(3)).isEqualTo(day.toString());
    }
    assertThat(browser.findElements(By.cssSelector("#clientForm\\:jobs_data > tr"))).hasSize(3);

    // The chart, and its table for screen readers ending on the total.
    assertThat(browser.findElements(By.cssSelector("#clientForm\\:costChart canvas"))).hasSize(1);
    String last =
        (String)
            browser.executeScript(
                "return document.querySelector('#costDays tbody tr:last-child td:last-child')"
                    + ".textContent;");
    assertThat(last.strip()).isEqualTo(dollars(total));
    Browser.screenshots(browser, "client-page");

    // The exports: the CSV is the API's, byte for byte; the PDF reads the page's figures.
    String csv =
        new String(
            AttributionData.export(browser, "clientForm", "csv", "text/csv"),
            StandardCharsets.UTF_8);
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();
    assertThat(rows).hasSize(3);
    assertThat(rows).allSatisfy(r -> assertThat(r.get("Client")).isEqualTo(acme));
    assertThat(rows.stream().map(r -> r.get("Job")).toList())
        .containsExactlyInAnyOrderElementsOf(acmeJobs);
    assertThat(
            rows.stream()
                .map(r -> new BigDecimal(r.get("Cost")))
                .reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(total);
    assertThat(
            api.get("api/v1/reports/client/%d.csv?from=%s&to=%s".formatted(acmeId, day, day), admin)
                .body())
        .isEqualTo(csv);
    String pdf = pdfText(AttributionData.export(browser, "clientForm", "pdf", "application/pdf"));
    assertThat(pdf)
        .contains("Client cost report", acme, "ACME-" + run, q1, mid, dollars(total))
        .contains(acmeJobs);
  }

  private static String pdfText(byte[] bytes) throws Exception {
    StringBuilder text = new StringBuilder();
    try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(bytes)))) {
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        text.append(PdfTextExtractor.getTextFromPage(doc.getPage(i))).append('\n');
      }
    }
    return text.toString();
  }

  @Test
  void anUnknownClientIsSaidSo() throws Exception {
    signIn("VIEWER");
    browser.get(base + "dashboard/clients/999999999");
    assertThat(text("noClient")).isEqualTo("There is no such client.");
  }

  @Test
  void aManagerExpandsAClientToItsJobsAndEditsOtherCostsWhichIsAudited() throws Exception {
    String manager = signIn("BUDGET_MANAGER");
    openAttribution();
    JsonObject client = named(data.attribution(admin), "byClient", acme);

    // Row expansion: the client's jobs with cost, date, GPU, creator and status.
    rowElement("#tabs\\:clients", acme).findElement(By.cssSelector(".ui-row-toggler")).click();
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#tabs\\:clients .ui-expanded-row-content table")));
    WebElement expansion =
        browser.findElement(By.cssSelector("#tabs\\:clients .ui-expanded-row-content"));
    for (JsonObject job : client.getJsonArray("jobList").getValuesAs(JsonObject.class)) {
      WebElement tr =
          expansion.findElements(By.cssSelector("[id$='clientJobs_data'] > tr")).stream()
              .filter(
                  r ->
                      cellText(browser, r.findElement(By.tagName("td")))
                          .equals(job.getString("name")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no job " + job.getString("name")));
      List<String> cells = cells(tr);
      assertThat(cells.subList(1, 7))
          .containsExactly(
              dollars(money(job, "cost")),
              day.toString(),
              duration(job.getInt("activeMinutes")),
              "A100",
              "ana-" + run,
              "completed");
    }
    assertThat(expansion.findElements(By.cssSelector("[id$='clientJobs_data'] > tr"))).hasSize(3);
    Browser.screenshots(browser, "attribution-expanded");

    // Other costs: a wrong amount is refused next to its input and changes nothing.
    browser.findElement(By.linkText("By project")).click();
    WebElement input = otherCostsInput();
    assertThat(input.getAttribute("value")).isEqualTo("100.50");
    input.clear();
    input.sendKeys("lots");
    saveOtherCosts();
    WebElement message =
        rowElement("#tabs\\:projects", q1).findElement(By.cssSelector(".ui-message-error"));
    assertThat(message.getText()).contains("amount");
    assertThat(money(named(data.attribution(admin), "byProject", q1), "otherCosts"))
        .isEqualByComparingTo("100.50");

    browser.findElement(By.linkText("By project")).click();
    input = otherCostsInput();
    input.clear();
    input.sendKeys("250.25");
    saveOtherCosts();
    JsonObject after = data.attribution(admin);
    JsonObject project = named(after, "byProject", q1);
    assertThat(money(project, "otherCosts")).isEqualByComparingTo("250.25");
    browser.findElement(By.linkText("By project")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:projects")));
    sameProject(after, "#tabs\\:projects", q1);
    assertThat(otherCostsInput().getAttribute("value")).isEqualTo("250.25");
    Browser.screenshots(browser, "attribution-other-costs");

    JsonObject entry =
        api
            .get("api/v1/audit-log?action=project.updated&actor=" + manager, admin)
            .json()
            .getJsonArray("entries")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(e -> e.getString("subjectId").equals(Long.toString(q1Id)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no audit entry for project " + q1Id));
    assertThat(entry.getString("channel")).isEqualTo("portal");
    assertThat(entry.toString()).contains("100.5").contains("250.25");
  }

  /** As the portal writes a job's duration: "2h 0m", "45m". */
  private static String duration(int minutes) {
    return minutes >= 60 ? "%dh %dm".formatted(minutes / 60, minutes % 60) : minutes + "m";
  }

  private WebElement otherCostsInput() {
    return waiting()
        .until(
            ExpectedConditions.visibilityOf(
                rowElement("#tabs\\:projects", q1)
                    .findElement(By.cssSelector("input[id$=':otherCosts']"))));
  }

  /** Saves the row's other costs (a full postback) and waits for the page that answers it. */
  private void saveOtherCosts() {
    WebElement save =
        rowElement("#tabs\\:projects", q1)
            .findElement(By.cssSelector("button[id$=':saveOtherCosts']"));
    save.click();
    // The page being left has "tabs" too: wait until the answer has replaced it.
    Browser.replaced(browser, save, Duration.ofSeconds(20));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("tabs")));
  }

  @Test
  void aManagerCreatesAJobWithANewClientAndProjectRegisteredInline() throws Exception {
    String manager = signIn("BUDGET_MANAGER");
    browser.get(base + "dashboard/jobs");
    Browser.openDialog(browser, "newJob:open", "jobForm:name");
    type("jobForm:hourlyRate", "2.50");
    type("jobForm:estimateMin", "10");
    type("jobForm:estimateMax", "20");
    type("jobForm:totalSteps", "1000");
    // Without a name the service refuses, next to the name.
    browser.findElement(By.id("jobForm:create")).click();
    waiting()
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#jobForm .ui-message-error")));
    assertThat(browser.findElement(By.cssSelector("#jobForm .ui-message-error")).getText())
        .containsIgnoringCase("name");

    String newClient = "Initech " + run;
    Browser.openDialog(browser, "jobForm:newClient", "clientForm:name");
    type("clientForm:name", newClient);
    type("clientForm:code", "INIT-" + run);
    type("clientForm:industry", "Software");
    browser.findElement(By.id("clientForm:saveClient")).click();
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("clientDialog")));
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("jobForm:client_label"), newClient));

    String newProject = "Churn " + run;
    Browser.openDialog(browser, "jobForm:newProject", "projectForm:name");
    type("projectForm:name", newProject);
    type("projectForm:code", "CHURN-" + run);
    type("projectForm:projectedRevenue", "12000");
    browser.findElement(By.id("projectForm:saveProject")).click();
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("projectDialog")));
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("jobForm:project_label"), newProject));

    String jobName = "portal-job-" + run;
    type("jobForm:name", jobName);
    Browser.screenshots(browser, "new-job-form");
    browser.findElement(By.id("jobForm:create")).click();
    waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobMessages"), jobName));
    Matcher created = Pattern.compile("\\(#(\\d+)\\)").matcher(text("jobMessages"));
    assertThat(created.find()).isTrue();

    JsonObject job = api.get("api/v1/jobs/" + created.group(1), admin).json();
    assertThat(job.getString("name")).isEqualTo(jobName);
    assertThat(job.getString("client")).isEqualTo("INIT-" + run);
    assertThat(job.getString("project")).isEqualTo("CHURN-" + run);
    assertThat(job.getString("createdBy")).isEqualTo(manager);
    assertThat(job.getString("status")).isEqualTo("queued");
    assertThat(money(job, "hourlyRate")).isEqualByComparingTo("2.50");

    JsonObject client =
        api
            .get("api/v1/clients", admin)
            .json()
            .getJsonArray("clients")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(c -> c.getString("code").equals("INIT-" + run))
            .findFirst()
            .orElseThrow();
    assertThat(client.getString("name")).isEqualTo(newClient);
    assertThat(client.getString("industry")).isEqualTo("Software");
    assertThat(client.getString("priorityTier")).isEqualTo("B");
    JsonObject project =
        api
            .get("api/v1/projects", admin)
            .json()
            .getJsonArray("projects")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(p -> p.getString("code").equals("CHURN-" + run))
            .findFirst()
            .orElseThrow();
    assertThat(project.getJsonNumber("clientId").longValue())
        .isEqualTo(client.getJsonNumber("id").longValue());
    assertThat(money(project, "projectedRevenue")).isEqualByComparingTo("12000");

    // Both registrations are in the audit log as the manager's, through the portal.
    List<JsonObject> entries =
        api.get("api/v1/audit-log?actor=" + manager, admin)
            .json()
            .getJsonArray("entries")
            .getValuesAs(JsonObject.class);
    assertThat(entries)
        .extracting(e -> e.getString("action") + " " + e.getString("channel"))
        .contains("client.created portal", "project.created portal");
  }

  private void type(String id, String text) {
    WebElement input = browser.findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  @Test
  void aViewerSeesNoFormsAndAForgedPostbackOrApiCallChangesNothing() throws Exception {
    signIn("VIEWER");
    browser.get(base + "dashboard/jobs");
    browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    assertThat(browser.findElements(By.id("newJob:open"))).isEmpty();
    assertThat(browser.findElements(By.id("jobForm"))).isEmpty();

    // A postback of the job form the page never rendered for a VIEWER creates nothing.
    String forged = "forged-" + run;
    Object status =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " const state = document.querySelector(\"input[name='jakarta.faces.ViewState']\").value;"
                + " const data = new URLSearchParams({'jobForm': 'jobForm', 'jobForm:name': arguments[0],"
                + "  'jobForm:hourlyRate': '1', 'jobForm:estimateMin': '1', 'jobForm:estimateMax': '2',"
                + "  'jobForm:totalSteps': '10', 'jobForm:create': 'jobForm:create',"
                + "  'jakarta.faces.ViewState': state});"
                + " fetch(document.querySelector('form').action, {method: 'POST', body: data})"
                + "  .then(r => done(r.status)).catch(e => done('failed ' + e));",
            forged);
    assertThat(status.toString()).isNotEqualTo("failed");
    try (Connection db = TestDatabase.connect();
        PreparedStatement query = db.prepareStatement("select count(*) from jobs where name = ?")) {
      query.setString(1, forged);
      try (ResultSet count = query.executeQuery()) {
        count.next();
        assertThat(count.getLong(1)).isZero();
      }
    }

    openAttribution();
    assertThat(browser.findElements(By.cssSelector("input[id$=':otherCosts']"))).isEmpty();
    assertThat(row("#tabs\\:clients", acme)).isNotEmpty();

    // The services refuse a VIEWER whatever the face.
    String viewer = TestUsers.tokenFor("VIEWER");
    assertThat(
            api.post(
                    "api/v1/clients",
                    "{\"name\": \"V %s\", \"code\": \"V-%s\", \"priorityTier\": \"A\"}"
                        .formatted(run, run),
                    viewer)
                .status())
        .isEqualTo(403);
    assertThat(
            api.put(
                    "api/v1/projects/" + q1Id,
                    "{\"name\": \"%s\", \"clientId\": %d, \"code\": \"Q1-%s\", \"otherCosts\": 1}"
                        .formatted(q1, acmeId, run),
                    viewer)
                .status())
        .isEqualTo(403);
    assertThat(money(named(data.attribution(admin), "byProject", q1), "otherCosts"))
        .isEqualByComparingTo("100.50");
  }
}
