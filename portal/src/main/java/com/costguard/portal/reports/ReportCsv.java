package com.costguard.portal.reports;

import com.costguard.application.AttributionService.AttributionReport;
import com.costguard.application.AttributionService.ClientReport;
import com.costguard.application.AttributionService.OptimizationReport;
import com.costguard.cost.attribution.ClientCost;
import com.costguard.cost.attribution.CostedJob;
import com.costguard.cost.attribution.ProjectProfit;
import com.costguard.portal.rest.CsvCells;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV exports for accounting (seed FR7.3.2): RFC 4180, UTF-8, a header row, every text cell
 * spreadsheet-safe ({@link CsvCells}, as the audit log's export). Amounts are plain decimals with
 * two places, so a spreadsheet sums them to the API's totals.
 */
public final class ReportCsv {

  /** SPEC §4's attribution columns. */
  public static final List<String> ATTRIBUTION =
      List.of("Client", "Project", "Job", "Cost", "Date", "Duration", "GPU", "Creator", "Status");

  public static final List<String> JOBS =
      List.of(
          "Job ID",
          "Job",
          "Client",
          "Project",
          "Creator",
          "Status",
          "Pricing",
          "GPU",
          "Date",
          "Duration",
          "Cost",
          "Current cost",
          "On-demand equivalent",
          "Savings",
          "Interruptions",
          "Recovery overhead");

  private ReportCsv() {}

  /** One row per job: its client and project as attribution resolved them, its cost in range. */
  public static void attribution(AttributionReport report, OutputStream out) throws IOException {
    Map<Long, String> projects = projectNames(report.attribution().byProject());
    write(
        ATTRIBUTION,
        report.attribution().byClient().stream()
            .flatMap(c -> c.jobs().stream().map(j -> attributionRow(c, projects, j))),
        out);
  }

  /** The attribution rows of one client. */
  public static void client(ClientReport report, OutputStream out) throws IOException {
    Map<Long, String> projects = projectNames(report.projects());
    ClientCost cost = report.cost();
    write(ATTRIBUTION, cost.jobs().stream().map(j -> attributionRow(cost, projects, j)), out);
  }

  /** Every job of the spot analysis with its cost view's figures. */
  public static void jobs(OptimizationReport report, OutputStream out) throws IOException {
    write(JOBS, report.savings().jobs().stream().map(ReportCsv::jobRow), out);
  }

  private static Map<Long, String> projectNames(List<ProjectProfit> projects) {
    Map<Long, String> names = new HashMap<>();
    projects.forEach(p -> p.jobs().forEach(j -> names.put(j.id(), p.name())));
    return names;
  }

  private static List<String> attributionRow(
      ClientCost client, Map<Long, String> projects, CostedJob j) {
    return List.of(
        client.name(),
        projects.getOrDefault(j.id(), j.project().orElse("")),
        j.name(),
        amount(j.costInRange()),
        j.date().toString(),
        ReportFormat.duration(j.activeTime()),
        j.gpuType().orElse(""),
        j.creator(),
        j.status());
  }

  private static List<String> jobRow(CostedJob j) {
    return List.of(
        Long.toString(j.id()),
        j.name(),
        j.client().orElse(""),
        j.project().orElse(""),
        j.creator(),
        j.status(),
        j.pricing().name().toLowerCase(Locale.ROOT),
        j.gpuType().orElse(""),
        j.date().toString(),
        ReportFormat.duration(j.activeTime()),
        amount(j.costInRange()),
        amount(j.currentCost()),
        amount(j.onDemandEquivalent()),
        amount(j.savings()),
        Integer.toString(j.interruptions()),
        amount(j.recoveryOverhead()));
  }

  private static String amount(BigDecimal value) {
    return com.costguard.cost.Money.cents(value).toPlainString();
  }

  static void write(List<String> header, Stream<List<String>> rows, OutputStream out)
      throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    try (CSVPrinter csv = new CSVPrinter(writer, format)) {
      for (var it = rows.iterator(); it.hasNext(); ) {
        csv.printRecord(it.next().stream().map(CsvCells::safe));
      }
    }
  }
}
