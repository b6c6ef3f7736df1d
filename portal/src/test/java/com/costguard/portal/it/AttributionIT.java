package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients, projects, attribution, spot savings and their exports through the REST API against
 * Payara Micro and MariaDB: clients and projects are created as the roles allow, jobs name them by
 * code and by name, and every export's figures (CSV parsed with Commons CSV, PDF text extracted
 * with iText) equal the API's. The jobs run on a day of their own in the 1950s, so the range holds
 * only this test's jobs.
 */
@SharedDeployment
class AttributionIT {

  @ArquillianResource URL base;

  private Api api;
  private String run;
  private LocalDate day;
  private String admin;
  private String viewer;

  @BeforeEach
  void setUp() throws SQLException {
    api = new Api(base);
    run = UUID.randomUUID().toString().substring(0, 8);
    day = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
    admin = TestUsers.tokenFor("ADMIN");
    viewer = TestUsers.tokenFor("VIEWER");
  }

  private Api.Answer addClient(String name, String code, String tier, String token) {
    return api.post(
        "api/v1/clients",
        Fixtures.load(
            "attribution-client.json",
            Map.of("name", name, "code", code, "industry", "Finance", "tier", tier)),
        token);
  }

  private long id(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().getJsonNumber("id").longValueExact();
  }

  private Api.Answer addProject(String name, String code, long clientId, String revenue) {
    return api.post(
        "api/v1/projects",
        Fixtures.load(
            "attribution-project.json",
            Map.of(
                "name",
                name,
                "code",
                code,
                "clientId",
                Long.toString(clientId),
                "revenue",
                revenue,
                "otherCosts",
                "100.50")),
        admin);
  }

  /** A job naming {@code client} and {@code project}, run on the test's day from 08:00. */
  private long job(String client, String project, String pricing, String rate, String script) {
    String name = "job-" + run + "-" + UUID.randomUUID().toString().substring(0, 4);
    Api.Answer created =
        api.post(
            "api/v1/jobs",
            Fixtures.load(
                "attribution-job.json",
                Map.of(
                    "externalId",
                    name,
                    "name",
                    name,
                    "creator",
                    "ana-" + run,
                    "client",
                    client,
                    "project",
                    project,
                    "pricing",
                    pricing,
                    "rate",
                    rate)),
            admin);
    long id = id(created);
    int n = 0;
    for (String event : script.split(";")) {
      String[] parts = event.trim().split(" ");
      String extra = parts.length > 2 ? ", \"recoveryMinutes\": " + parts[2] : "";
      Api.Answer answer =
          api.post(
              "api/v1/jobs/" + id + "/events",
              "{\"type\": \"%s\", \"at\": \"%sT%s:00Z\", \"idempotencyKey\": \"k%d\"%s}"
                  .formatted(parts[1], day, parts[0], n++, extra),
              admin);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
    return id;
  }

  private JsonObject cost(long jobId) {
    return api.get("api/v1/jobs/" + jobId + "/cost").json();
  }

  private static BigDecimal money(JsonObject o, String name) {
    return o.getJsonNumber(name).bigDecimalValue();
  }

  private HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base.toString() + path))
            .header("Authorization", "Bearer " + viewer)
            .GET()
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private List<CSVRecord> csv(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> answer = download(path);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(new String(answer.body(), StandardCharsets.UTF_8)))
        .getRecords();
  }

  /** The PDF's text, page by page; the file is kept under target/it-reports to be looked at. */
  private List<String> pdf(String path, String keepAs) throws IOException, InterruptedException {
    HttpResponse<byte[]> answer = download(path);
    assertThat(answer.statusCode())
        .as(new String(answer.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    // web.xml's response-character-encoding adds a (harmless) charset to every answer.
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/pdf");
    Path kept = Path.of("target", "it-reports");
    Files.createDirectories(kept);
    Files.write(kept.resolve(keepAs + ".pdf"), answer.body());
    List<String> pages = new ArrayList<>();
    try (PdfDocument doc =
        new PdfDocument(new PdfReader(new ByteArrayInputStream(answer.body())))) {
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        pages.add(PdfTextExtractor.getTextFromPage(doc.getPage(i)));
      }
    }
    return pages;
  }

  private static String dollars(BigDecimal amount) {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    return (amount.signum() < 0 ? "-$" : "$") + format.format(amount.abs());
  }

  @Test
  void clientsAndProjectsAreWrittenByManagersAndReadByEveryone() {
    long id = id(addClient("Acme " + run, "ACME-" + run, "A", admin));
    assertThat(addClient("Other " + run, "ACME-" + run, "B", admin).status()).isEqualTo(409);
    assertThat(addClient("Viewer " + run, "V-" + run, "B", viewer).status()).isEqualTo(403);
    Api.Answer badTier = addClient("Bad " + run, "BAD-" + run, "Z", admin);
    assertThat(badTier.status()).isEqualTo(400);
    assertThat(badTier.json().getString("field")).isEqualTo("priorityTier");
    Api.Answer badCode = addClient("Bad " + run, "has space", "A", admin);
    assertThat(badCode.json().getString("field")).isEqualTo("code");

    Api.Answer read = api.get("api/v1/clients/" + id, viewer);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().getString("priorityTier")).isEqualTo("A");
    Api.Answer changed =
        api.put(
            "api/v1/clients/" + id,
            Fixtures.load(
                "attribution-client.json",
                Map.of(
                    "name",
                    "Acme " + run,
                    "code",
                    "ACME-" + run,
                    "industry",
                    "Retail",
                    "tier",
                    "C")),
            admin);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().getString("industry")).isEqualTo("Retail");
    assertThat(api.get("api/v1/clients/99999999", viewer).status()).isEqualTo(404);

    long project = id(addProject("Q1 " + run, "Q1-" + run, id, "25000"));
    Api.Answer p = api.get("api/v1/projects/" + project, viewer);
    assertThat(money(p.json(), "projectedRevenue")).isEqualByComparingTo("25000");
    assertThat(money(p.json(), "otherCosts")).isEqualByComparingTo("100.50");
    Api.Answer unknownClient = addProject("X " + run, "X-" + run, 99999999, "1");
    assertThat(unknownClient.status()).isEqualTo(400);
    assertThat(unknownClient.json().getString("field")).isEqualTo("clientId");
    assertThat(api.get("api/v1/projects", viewer).body()).contains("Q1-" + run);
  }

  /** Sets tier C to what it already is (other classes share the database), as an ADMIN only. */
  @Test
  void anAdminSetsATiersMonthlyAllocation() {
    String body = "{\"monthlyAllocation\": 100.00}";
    assertThat(api.put("api/v1/priority-tiers/C", body, viewer).status()).isEqualTo(403);
    Api.Answer unknown = api.put("api/v1/priority-tiers/Z", body, admin);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().getString("field")).isEqualTo("tier");
    Api.Answer negative = api.put("api/v1/priority-tiers/C", "{\"monthlyAllocation\": -1}", admin);
    assertThat(negative.json().getString("field")).isEqualTo("monthlyAllocation");
    Api.Answer set = api.put("api/v1/priority-tiers/C", body, admin);
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(api.get("api/v1/priority-tiers", viewer).body())
        .contains("{\"tier\":\"C\",\"monthlyAllocation\":100.00,\"rollover\":");
  }

  @Test
  void attributionOptimisationAndEveryExportAgree() throws Exception {
    String acmeName = "Acme " + run;
    long acme = id(addClient(acmeName, "ACME-" + run, "A", admin));
    long beta = id(addClient("Beta=" + run, "BETA-" + run, "C", admin));
    id(addProject("Q1 " + run, "Q1-" + run, acme, "1000"));
    id(addProject("Scan " + run, "SCAN-" + run, beta, "50"));

    // By code, by name, through the project only; spot with interruptions, and on demand.
    List<Long> jobs =
        List.of(
            job(
                "ACME-" + run,
                "Q1-" + run,
                "spot",
                "1.20",
                "08:00 started; 09:00 interrupted; 09:10 recovered 10; 11:00 completed"),
            job(
                acmeName,
                "Q1 " + run,
                "spot",
                "1.20",
                "08:00 started; 08:30 interrupted; 08:40 recovered 6; 09:00 interrupted;"
                    + " 09:05 recovered 5; 09:30 interrupted; 09:40 recovered 9; 12:00 completed"),
            job("", "SCAN-" + run, "on_demand", "4.10", "08:00 started; 10:30 completed"),
            job("=cmd|' /C calc'!A0", "", "spot", "1.20", "08:00 started; 09:00 completed"));
    Map<Long, JsonObject> costs = new HashMap<>();
    jobs.forEach(j -> costs.put(j, cost(j)));
    BigDecimal total =
        costs.values().stream()
            .map(c -> money(c, "currentCost"))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    String range = "?from=" + day + "&to=" + day;

    JsonObject attribution = api.get("api/v1/attribution" + range, viewer).json();
    assertThat(money(attribution, "total")).isEqualByComparingTo(total);
    assertThat(attribution.getInt("jobs")).isEqualTo(4);
    BigDecimal clientsTotal =
        attribution.getJsonArray("byClient").getValuesAs(JsonObject.class).stream()
            .map(c -> money(c, "total"))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(clientsTotal).isEqualByComparingTo(total);
    JsonObject summary = api.get("api/v1/spending/summary" + range, viewer).json();
    assertThat(money(summary.getJsonObject("jobs"), "cost")).isEqualByComparingTo(total);

    JsonObject acmeRow = byName(attribution, "byClient", acmeName);
    BigDecimal acmeCost =
        money(costs.get(jobs.get(0)), "currentCost")
            .add(money(costs.get(jobs.get(1)), "currentCost"));
    assertThat(acmeRow.getInt("jobs")).isEqualTo(2);
    assertThat(money(acmeRow, "total")).isEqualByComparingTo(acmeCost);
    JsonObject betaRow = byName(attribution, "byClient", "Beta=" + run);
    assertThat(money(betaRow, "total"))
        .isEqualByComparingTo(money(costs.get(jobs.get(2)), "currentCost"));
    JsonObject q1 = byName(attribution, "byProject", "Q1 " + run);
    assertThat(money(q1, "profit"))
        .isEqualByComparingTo(
            new BigDecimal("1000").subtract(acmeCost).subtract(new BigDecimal("100.50")));
    assertThat(q1.getString("band")).isEqualTo("green");

    JsonObject optimization = api.get("api/v1/optimization" + range, viewer).json();
    List<JsonObject> spot =
        List.of(costs.get(jobs.get(0)), costs.get(jobs.get(1)), costs.get(jobs.get(3)));
    BigDecimal spotCost =
        spot.stream().map(c -> money(c, "currentCost")).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal onDemand =
        spot.stream()
            .map(c -> money(c, "onDemandEquivalent"))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(money(optimization, "totalSpotCost")).isEqualByComparingTo(spotCost);
    assertThat(money(optimization, "onDemandEquivalent")).isEqualByComparingTo(onDemand);
    assertThat(money(optimization, "netSavings")).isEqualByComparingTo(onDemand.subtract(spotCost));
    assertThat(optimization.getInt("interruptions")).isEqualTo(4);
    assertThat(optimization.getJsonObject("interruptionHistogram").getInt("3")).isEqualTo(1);
    assertThat(optimization.getJsonNumber("spotSharePercent").bigDecimalValue())
        .isEqualByComparingTo("75.00");

    // Attribution CSV: one row a job, the API's figures, formula cells neutralised.
    List<CSVRecord> rows = csv("api/v1/reports/attribution.csv" + range);
    assertThat(rows.get(0).getParser().getHeaderNames())
        .containsExactly(
            "Client", "Project", "Job", "Cost", "Date", "Duration", "GPU", "Creator", "Status");
    assertThat(rows).hasSize(4);
    assertThat(
            rows.stream()
                .map(r -> new BigDecimal(r.get("Cost")))
                .reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(total);
    assertThat(rows)
        .extracting(r -> r.get("Client"))
        .contains("'=cmd|' /C calc'!A0", acmeName, "Beta=" + run);
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.get("GPU")).isEqualTo("A100");
              assertThat(row.get("Status")).isEqualTo("completed");
              assertThat(row.get("Date")).matches("\\d{4}-\\d{2}-\\d{2}");
            });
    Map<String, BigDecimal> csvByClient = new HashMap<>();
    rows.forEach(
        r -> csvByClient.merge(r.get("Client"), new BigDecimal(r.get("Cost")), BigDecimal::add));
    assertThat(csvByClient.get(acmeName)).isEqualByComparingTo(money(acmeRow, "total"));

    List<CSVRecord> jobRows = csv("api/v1/reports/jobs.csv" + range);
    assertThat(jobRows).hasSize(4);
    for (CSVRecord row : jobRows) {
      JsonObject c = costs.get(Long.parseLong(row.get("Job ID")));
      assertThat(new BigDecimal(row.get("Current cost")))
          .isEqualByComparingTo(money(c, "currentCost"));
      assertThat(new BigDecimal(row.get("On-demand equivalent")))
          .isEqualByComparingTo(money(c, "onDemandEquivalent"));
      assertThat(new BigDecimal(row.get("Savings"))).isEqualByComparingTo(money(c, "savings"));
    }
    assertThat(csv("api/v1/reports/cost-optimization.csv" + range)).hasSize(4);
    List<CSVRecord> clientRows = csv("api/v1/reports/client/" + acme + ".csv" + range);
    assertThat(clientRows)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.get("Client")).isEqualTo(acmeName));

    // PDFs: the figures of the API in the text, on both papers, page numbers on each page.
    for (String paper : List.of("a4", "letter")) {
      List<String> pages =
          pdf("api/v1/reports/attribution.pdf" + range + "&paper=" + paper, "attribution-" + paper);
      String text = String.join("\n", pages);
      assertThat(text)
          .contains(
              "Cost attribution report", dollars(total), acmeName, dollars(money(acmeRow, "total")))
          .contains(dollars(money(q1, "profit")), "=cmd|' /C calc'!A0");
      assertThat(pages.get(pages.size() - 1))
          .contains("Page %d of %d".formatted(pages.size(), pages.size()));
    }
    String optimizationText =
        String.join("\n", pdf("api/v1/reports/cost-optimization.pdf" + range, "cost-optimization"));
    assertThat(optimizationText)
        .contains(dollars(spotCost), dollars(onDemand), dollars(onDemand.subtract(spotCost)))
        .contains("Increase spot usage to 95%");
    String clientText =
        String.join(
            "\n",
            pdf("api/v1/reports/client/" + acme + ".pdf" + range + "&paper=letter", "client"));
    assertThat(clientText).contains(acmeName, dollars(acmeCost), "Q1 " + run);

    assertThat(download("api/v1/reports/attribution.pdf" + range + "&paper=legal").statusCode())
        .isEqualTo(400);
    assertThat(download("api/v1/reports/client/99999999.pdf" + range).statusCode()).isEqualTo(404);
    assertThat(api.get("api/v1/attribution?from=" + day, viewer).status()).isEqualTo(400);
  }

  private static JsonObject byName(JsonObject report, String list, String name) {
    return report.getJsonArray(list).getValuesAs(JsonObject.class).stream()
        .filter(o -> o.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + list));
  }
}
