package com.costguard.portal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.application.AttributionService.AttributionReport;
import com.costguard.application.AttributionService.ClientReport;
import com.costguard.application.AttributionService.OptimizationReport;
import com.costguard.cost.attribution.Attribution;
import com.costguard.cost.attribution.AttributionCalculator;
import com.costguard.cost.attribution.ClientInfo;
import com.costguard.cost.attribution.CostedJob;
import com.costguard.cost.attribution.Directory;
import com.costguard.cost.attribution.PriorityTier;
import com.costguard.cost.attribution.ProjectInfo;
import com.costguard.cost.job.Pricing;
import com.costguard.cost.optimization.SpotSavingsCalculator;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The exports without a container: CSV read back with Commons CSV (formula cells neutralised, the
 * figures the report holds), PDFs read back with iText (figures, page numbers, headers repeated on
 * each page a table runs onto). The PDFs are also written to {@code target/report-previews} to be
 * looked at.
 */
class ReportsTest {

  private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-05-01T00:00:00Z");
  private static final ClientInfo ACME =
      new ClientInfo(
          1, "Acme Financial", "ACME", Optional.of("Financial services"), PriorityTier.A);
  private static final ClientInfo EVIL =
      new ClientInfo(2, "=HYPERLINK(\"http://x\")", "EVIL", Optional.of("@cmd"), PriorityTier.C);
  private static final Directory DIRECTORY =
      new Directory(
          List.of(ACME, EVIL),
          List.of(
              new ProjectInfo(
                  10,
                  "Q1 AI Enhancement",
                  "ACME-Q1",
                  1,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(new BigDecimal("25000")),
                  new BigDecimal("1500")),
              new ProjectInfo(
                  11,
                  "Fraud model",
                  "ACME-FR",
                  1,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(new BigDecimal("900")),
                  new BigDecimal("300")),
              new ProjectInfo(
                  12,
                  "Triage 中文",
                  "EVIL-T",
                  2,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(new BigDecimal("400")),
                  BigDecimal.ZERO)));

  private final ReportFormat format = new ReportFormat("USD", ZoneOffset.UTC);
  private final Reports reports = new Reports(format, Instant.parse("2026-05-02T09:30:00Z"));

  private static List<CostedJob> jobs() {
    List<CostedJob> jobs = new ArrayList<>();
    String[][] attribution = {
      {"ACME", "ACME-Q1"}, {"ACME", "ACME-FR"}, {"EVIL", "EVIL-T"}, {"Other Co", null}, {null, null}
    };
    for (int i = 1; i <= 70; i++) {
      String[] a = attribution[i % attribution.length];
      boolean spot = i % 4 != 0;
      BigDecimal cost = new BigDecimal(i * 3 + ".25");
      jobs.add(
          new CostedJob(
              i,
              i == 3 ? "-2+3 job" : "train-" + i,
              i == 5 ? "@mallory" : "ana",
              "completed",
              Optional.of(i % 2 == 0 ? "A100" : "H100"),
              spot ? Pricing.SPOT : Pricing.ON_DEMAND,
              Optional.ofNullable(a[0]),
              Optional.ofNullable(a[1]),
              LocalDate.of(2026, 3, 1).plusDays(i % 60),
              cost,
              cost,
              spot ? cost.multiply(new BigDecimal("3")) : cost,
              spot ? i % 5 : 0,
              spot ? new BigDecimal("0.50").multiply(BigDecimal.valueOf(i % 5)) : BigDecimal.ZERO,
              Duration.ofMinutes(60L * i + 15)));
    }
    return jobs;
  }

  private static AttributionReport attributionReport() {
    Attribution a = AttributionCalculator.attribute(jobs(), DIRECTORY);
    return new AttributionReport(
        FROM,
        TO,
        "USD",
        a,
        YearMonth.of(2026, 4),
        AttributionCalculator.allocate(
            a.byClient(),
            java.util.Map.of(
                PriorityTier.A, new BigDecimal("200"), PriorityTier.C, new BigDecimal("100"))));
  }

  @Test
  void attributionCsvHasSpecColumnsNeutralisedCellsAndTheReportsFigures() throws IOException {
    AttributionReport report = attributionReport();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportCsv.attribution(report, out);
    String csv = out.toString(StandardCharsets.UTF_8);

    assertThat(csv).contains("\r\n");
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();
    assertThat(rows.get(0).getParser().getHeaderNames()).isEqualTo(ReportCsv.ATTRIBUTION);
    assertThat(rows).hasSize(70);
    BigDecimal sum =
        rows.stream()
            .map(r -> new BigDecimal(r.get("Cost")))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(sum).isEqualByComparingTo(report.attribution().total());
    assertThat(rows)
        .extracting(r -> r.get("Client"))
        .contains("'=HYPERLINK(\"http://x\")", "Acme Financial", "Other Co", "(none)");
    assertThat(rows).extracting(r -> r.get("Job")).contains("'-2+3 job");
    assertThat(rows).extracting(r -> r.get("Creator")).contains("'@mallory");
    assertThat(rows).extracting(r -> r.get("Project")).contains("Triage 中文");
    CSVRecord first = rows.get(0);
    assertThat(first.get("Duration")).matches("\\d+:\\d\\d");
  }

  @Test
  void pdfReportsCarryTheFiguresPageNumbersAndRepeatedHeaders() throws IOException {
    AttributionReport report = attributionReport();
    for (Paper paper : Paper.values()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      reports.attribution(report, paper, out);
      List<String> pages = pages(out.toByteArray(), "attribution-" + paper);
      String all = String.join("\n", pages);
      assertThat(pages.get(0)).contains("Cost attribution report", "1 Mar 2026 – 30 Apr 2026");
      assertThat(all)
          .contains(format.money(report.attribution().total()))
          .contains("Executive summary", "Cost by client", "Margin by project")
          .contains("Triage ??")
          .contains("=HYPERLINK");
      for (int i = 0; i < pages.size(); i++) {
        assertThat(pages.get(i)).contains("Page %d of %d".formatted(i + 1, pages.size()));
      }
      long jobHeaders = pages.stream().filter(p -> p.contains("Duration")).count();
      assertThat(jobHeaders)
          .as("the jobs table's header on each page it runs onto")
          .isGreaterThan(1);
    }

    OptimizationReport optimization =
        new OptimizationReport(
            FROM,
            TO,
            "USD",
            SpotSavingsCalculator.analyse(jobs(), YearMonth.of(2026, 3), YearMonth.of(2026, 4)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reports.optimization(optimization, Paper.LETTER, out);
    String all = String.join("\n", pages(out.toByteArray(), "optimization-LETTER"));
    assertThat(all)
        .contains(format.money(optimization.savings().totalSpotCost()))
        .contains(format.money(optimization.savings().netSavings()))
        .contains(format.money(optimization.savings().annualisedSavings()));

    Attribution a = report.attribution();
    ClientReport client =
        new ClientReport(
            FROM,
            TO,
            "USD",
            ACME,
            a.byClient().stream()
                .filter(c -> c.client().filter(ACME::equals).isPresent())
                .findFirst()
                .orElseThrow(),
            a.byProject().stream()
                .filter(p -> p.project().filter(x -> x.clientId() == 1).isPresent())
                .toList());
    out = new ByteArrayOutputStream();
    reports.client(client, Paper.A4, out);
    assertThat(String.join("\n", pages(out.toByteArray(), "client-A4")))
        .contains("Acme Financial", format.money(client.cost().total()), "Q1 AI Enhancement");
  }

  private static List<String> pages(byte[] pdf, String name) throws IOException {
    Path previews = Path.of("target", "report-previews");
    Files.createDirectories(previews);
    Files.write(previews.resolve(name + ".pdf"), pdf);
    List<String> pages = new ArrayList<>();
    try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        pages.add(PdfTextExtractor.getTextFromPage(doc.getPage(i)));
      }
    }
    return pages;
  }
}
