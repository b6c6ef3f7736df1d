package com.costguard.portal.reports;

import com.costguard.application.AttributionService.AttributionReport;
import com.costguard.application.AttributionService.ClientReport;
import com.costguard.application.AttributionService.OptimizationReport;
import com.costguard.cost.attribution.Attribution;
import com.costguard.cost.attribution.ClientCost;
import com.costguard.cost.attribution.CostedJob;
import com.costguard.cost.attribution.MarginBand;
import com.costguard.cost.attribution.PricingInsights;
import com.costguard.cost.attribution.ProjectProfit;
import com.costguard.cost.attribution.TierAllocation;
import com.costguard.cost.optimization.Advice;
import com.costguard.cost.optimization.SpotSavings;
import com.itextpdf.kernel.colors.Color;
import com.itextpdf.layout.element.Table;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The three PDF reports of SPEC §4: attribution, cost optimisation and one client's costs. */
public final class Reports {

  private final ReportFormat format;
  private final Instant generatedAt;

  public Reports(ReportFormat format, Instant generatedAt) {
    this.format = format;
    this.generatedAt = generatedAt;
  }

  /** Executive summary, cost by client (pie and table), profitability (table and bars), jobs. */
  public void attribution(AttributionReport report, Paper paper, OutputStream out) {
    Attribution a = report.attribution();
    try (ReportPdf pdf = new ReportPdf(out, paper, "Cost attribution report")) {
      pdf.titlePage(
          "Cost attribution report",
          format.range(report.from(), report.to()),
          List.of(
              "Job costs by client and by project, with profitability",
              "Generated " + format.instant(generatedAt),
              "Currency: " + report.currency()));

      pdf.heading("Executive summary");
      List<String[]> figures = new ArrayList<>();
      figures.add(pair("Total training cost", format.money(a.total())));
      figures.add(pair("Jobs", Integer.toString(a.jobs())));
      long clientsWithJobs = a.byClient().stream().filter(c -> !c.jobs().isEmpty()).count();
      figures.add(pair("Clients with jobs", Long.toString(clientsWithJobs)));
      a.byClient().stream()
          .filter(c -> !c.jobs().isEmpty())
          .findFirst()
          .ifPresent(
              top ->
                  figures.add(
                      pair("Largest client", top.name() + " — " + format.money(top.total()))));
      insights(figures, a.insights());
      long alerts = report.allocations().stream().filter(TierAllocation::alert).count();
      figures.add(
          pair("Allocation alerts (" + report.allocationMonth() + ")", Long.toString(alerts)));
      pdf.figures(figures);

      if (a.total().signum() > 0) {
        pdf.chart("Cost by client", PdfCharts.pie(pdf, slices(a.byClient(), a.total())));
      } else {
        pdf.heading("Cost by client");
        pdf.note("No job costs in this range.");
      }
      clientTable(pdf, a.byClient(), a.total(), a.jobs());

      pdf.heading("Profitability by project");
      profitTable(pdf, a.byProject());
      List<PdfCharts.Item> margins = marginBars(a.byProject());
      if (!margins.isEmpty()) {
        pdf.chart("Margin by project", PdfCharts.bars(pdf, margins));
        pdf.note("Green above 70%, yellow 40–70%, red below 40%.");
      }

      pdf.heading("Allocation by priority tier, " + report.allocationMonth());
      allocationTable(pdf, report.allocations());

      pdf.heading("Jobs");
      jobTable(pdf, a.byClient(), a.byProject());
    }
  }

  /** One client: profile, totals, projects with profitability, its jobs. */
  public void client(ClientReport report, Paper paper, OutputStream out) {
    ClientCost cost = report.cost();
    try (ReportPdf pdf = new ReportPdf(out, paper, "Client cost report")) {
      pdf.titlePage(
          "Client cost report",
          report.client().name(),
          List.of(
              format.range(report.from(), report.to()),
              "Generated " + format.instant(generatedAt),
              "Currency: " + report.currency()));
      pdf.heading("Profile");
      pdf.figures(
          List.of(
              pair("Client", report.client().name()),
              pair("Code", report.client().code()),
              pair("Industry", report.client().industry().orElse("—")),
              pair("Priority tier", report.client().tier().name()),
              pair("Total", format.money(cost.total()) + " across " + cost.jobs().size() + " jobs"),
              pair("Average per job", format.money(cost.averagePerJob()))));
      pdf.heading("Projects");
      profitTable(pdf, report.projects());
      List<PdfCharts.Item> margins = marginBars(report.projects());
      if (!margins.isEmpty()) {
        pdf.chart(null, PdfCharts.bars(pdf, margins));
      }
      pdf.heading("Jobs");
      jobTable(pdf, List.of(cost), report.projects());
    }
  }

  /** Every figure of SPEC §2's spot vs on-demand list, charts, advice and the per-job table. */
  public void optimization(OptimizationReport report, Paper paper, OutputStream out) {
    SpotSavings s = report.savings();
    try (ReportPdf pdf = new ReportPdf(out, paper, "Cost optimisation report")) {
      pdf.titlePage(
          "Cost optimisation report",
          format.range(report.from(), report.to()),
          List.of(
              "Spot vs on-demand",
              "Generated " + format.instant(generatedAt),
              "Currency: " + report.currency()));
      pdf.heading("Spot savings");
      pdf.figures(
          List.of(
              pair(
                  "Total spot cost",
                  format.money(s.totalSpotCost()) + " (" + s.spotJobs() + " spot jobs)"),
              pair("On-demand equivalent", format.money(s.onDemandEquivalent())),
              pair(
                  "Savings",
                  format.money(s.savings())
                      + " ("
                      + ReportFormat.percent(s.savingsPercent())
                      + ")"),
              pair("Recovery overhead", format.money(s.recoveryOverhead())),
              pair(
                  "Net savings after overhead",
                  format.money(s.netSavings())
                      + " ("
                      + ReportFormat.percent(s.netSavingsPercent())
                      + ")"),
              pair("Monthly savings", format.money(s.monthlySavings())),
              pair("Annualised (× 12)", format.money(s.annualisedSavings()))));
      pdf.chart(
          null,
          PdfCharts.bars(
              pdf,
              List.of(
                  item("Spot cost", s.totalSpotCost(), ReportPdf.BLUE),
                  item("Recovery overhead", s.recoveryOverhead(), ReportPdf.YELLOW),
                  item("Net savings", s.netSavings(), ReportPdf.GREEN),
                  item("On-demand equivalent", s.onDemandEquivalent(), ReportPdf.MUTED))));

      pdf.heading("Interruptions");
      pdf.figures(
          List.of(
              pair("Interruptions", s.interruptions() + " across " + s.spotJobs() + " spot jobs"),
              pair(
                  "Average per spot job",
                  s.averageInterruptions().map(BigDecimal::toPlainString).orElse("—")),
              pair(
                  "Spot jobs with at most 2",
                  ReportFormat.percent(s.shareWithAtMostTwoInterruptions())),
              pair("Spot jobs interrupted", ReportFormat.percent(s.interruptionRatePercent()))));
      if (!s.histogram().isEmpty()) {
        List<PdfCharts.Item> histogram = new ArrayList<>();
        s.histogram()
            .forEach(
                (count, jobs) ->
                    histogram.add(
                        new PdfCharts.Item(
                            count + (count == 1 ? " interruption" : " interruptions"),
                            BigDecimal.valueOf(jobs),
                            jobs + (jobs == 1 ? " job" : " jobs"),
                            ReportPdf.BLUE)));
        pdf.chart(null, PdfCharts.bars(pdf, histogram));
      }

      List<PdfCharts.Item> months = new ArrayList<>();
      s.byMonth()
          .forEach(
              (month, amount) ->
                  months.add(
                      item(
                          month.toString(),
                          amount,
                          amount.signum() < 0 ? ReportPdf.RED : ReportPdf.GREEN)));
      pdf.chart("Net savings by month", PdfCharts.bars(pdf, months));

      pdf.heading("Strategy");
      pdf.paragraph(
          "Mix: "
              + ReportFormat.percent(s.spotSharePercent())
              + " spot ("
              + s.spotJobs()
              + " jobs), "
              + s.onDemandJobs()
              + " on-demand jobs.");
      for (Advice advice : s.advice()) {
        pdf.paragraph("• " + advice.text());
      }

      pdf.heading("Jobs");
      Table table =
          pdf.table(
              new float[] {24, 10, 10, 12, 13, 11, 9, 11},
              "Job",
              "GPU",
              "Pricing",
              "Actual cost",
              "On-demand",
              "Savings",
              "Interr.",
              "Status");
      for (CostedJob j : s.jobs()) {
        table.addCell(pdf.text(j.name()));
        table.addCell(pdf.text(j.gpuType().orElse("—")));
        table.addCell(pdf.text(j.pricing().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        table.addCell(pdf.number(format.money(j.currentCost())));
        table.addCell(pdf.number(format.money(j.onDemandEquivalent())));
        table.addCell(pdf.number(format.money(j.savings())));
        table.addCell(pdf.number(Integer.toString(j.interruptions())));
        table.addCell(pdf.text(j.status()));
      }
      pdf.add(table);
    }
  }

  private void insights(List<String[]> figures, PricingInsights i) {
    figures.add(pair("Average training cost per project", format.money(i.averageTrainingCost())));
    figures.add(
        pair(
            "Cost-to-revenue multiplier",
            i.revenueMultiplier().map(m -> m.toPlainString() + "×").orElse("—")));
    figures.add(pair("Recommended pricing", i.recommendation().map(b -> b.label()).orElse("—")));
    figures.add(
        pair(
            "Project margins",
            i.margins().isEmpty()
                ? "—"
                : i.margins().stream()
                        .map(m -> m.toPlainString() + "%")
                        .collect(Collectors.joining(", "))
                    + " (average "
                    + ReportFormat.percent(i.averageMargin())
                    + ")"));
  }

  private List<PdfCharts.Item> slices(List<ClientCost> clients, BigDecimal total) {
    List<PdfCharts.Item> slices = new ArrayList<>();
    int i = 0;
    for (ClientCost c : clients) {
      if (c.total().signum() <= 0) {
        continue;
      }
      String share =
          c.total()
                  .multiply(BigDecimal.valueOf(100))
                  .divide(total, 1, java.math.RoundingMode.HALF_UP)
              + "%";
      slices.add(
          new PdfCharts.Item(
              c.name(),
              c.total(),
              format.money(c.total()) + " (" + share + ")",
              PdfCharts.PALETTE[i++ % PdfCharts.PALETTE.length]));
    }
    return slices;
  }

  private void clientTable(ReportPdf pdf, List<ClientCost> clients, BigDecimal total, int jobs) {
    Table table =
        pdf.table(
            new float[] {30, 22, 8, 10, 15, 15},
            "Client",
            "Industry",
            "Tier",
            "Jobs",
            "Total cost",
            "Avg/job");
    for (ClientCost c : clients) {
      table.addCell(pdf.text(c.name()));
      table.addCell(pdf.text(c.client().flatMap(x -> x.industry()).orElse("—")));
      table.addCell(pdf.text(c.client().map(x -> x.tier().name()).orElse("—")));
      table.addCell(pdf.number(Integer.toString(c.jobs().size())));
      table.addCell(pdf.number(format.money(c.total())));
      table.addCell(pdf.number(format.money(c.averagePerJob())));
    }
    long named = clients.stream().filter(c -> !c.jobs().isEmpty()).count();
    table.addCell(pdf.text("Total").setFont(pdf.bold()));
    table.addCell(pdf.text(named + " clients"));
    table.addCell(pdf.text(""));
    table.addCell(pdf.number(Integer.toString(jobs)).setFont(pdf.bold()));
    table.addCell(pdf.number(format.money(total)).setFont(pdf.bold()));
    table.addCell(pdf.text(""));
    pdf.add(table);
  }

  private void profitTable(ReportPdf pdf, List<ProjectProfit> projects) {
    Table table =
        pdf.table(
            new float[] {20, 16, 6, 12, 13, 11, 13, 9},
            "Project",
            "Client",
            "Jobs",
            "Training cost",
            "Revenue",
            "Other costs",
            "Profit",
            "Margin");
    for (ProjectProfit p : projects) {
      table.addCell(pdf.text(p.name()));
      table.addCell(pdf.text(p.clientName()));
      table.addCell(pdf.number(Integer.toString(p.jobs().size())));
      table.addCell(pdf.number(format.money(p.trainingCost())));
      table.addCell(pdf.number(format.money(p.revenue())));
      table.addCell(pdf.number(format.money(p.otherCosts())));
      table.addCell(pdf.number(format.money(p.profit())));
      table.addCell(
          pdf.number(ReportFormat.percent(p.marginPercent()))
              .setFontColor(p.band().map(Reports::color).orElse(ReportPdf.INK))
              .setFont(pdf.bold()));
    }
    pdf.add(table);
  }

  private List<PdfCharts.Item> marginBars(List<ProjectProfit> projects) {
    return projects.stream()
        .filter(p -> p.marginPercent().isPresent())
        .map(
            p ->
                new PdfCharts.Item(
                    p.name(),
                    p.marginPercent().get(),
                    p.marginPercent().get().toPlainString() + "%",
                    color(p.band().orElseThrow())))
        .toList();
  }

  private void allocationTable(ReportPdf pdf, List<TierAllocation> allocations) {
    Table table =
        pdf.table(
            new float[] {28, 8, 14, 14, 14, 12, 10},
            "Client",
            "Tier",
            "Allocated",
            "Spent (MTD)",
            "Remaining",
            "Utilisation",
            "Alert");
    for (TierAllocation t : allocations) {
      table.addCell(pdf.text(t.client().name()));
      table.addCell(pdf.text(t.client().tier().name()));
      table.addCell(pdf.number(format.money(t.allocated())));
      table.addCell(pdf.number(format.money(t.spent())));
      table.addCell(pdf.number(format.money(t.remaining())));
      table.addCell(pdf.number(ReportFormat.percent(t.utilisationPercent())));
      table.addCell(
          pdf.text(t.alert() ? "90%+" : "").setFontColor(ReportPdf.RED).setFont(pdf.bold()));
    }
    pdf.add(table);
  }

  private void jobTable(ReportPdf pdf, List<ClientCost> clients, List<ProjectProfit> projects) {
    Map<Long, String> projectOf = new HashMap<>();
    projects.forEach(p -> p.jobs().forEach(j -> projectOf.put(j.id(), p.name())));
    Table table =
        pdf.table(
            new float[] {15, 15, 16, 10, 11, 7, 8, 10, 8},
            "Client",
            "Project",
            "Job",
            "Cost",
            "Date",
            "Duration",
            "GPU",
            "Creator",
            "Status");
    for (ClientCost c : clients) {
      for (CostedJob j : c.jobs()) {
        table.addCell(pdf.text(c.name()));
        table.addCell(pdf.text(projectOf.getOrDefault(j.id(), j.project().orElse("—"))));
        table.addCell(pdf.text(j.name()));
        table.addCell(pdf.number(format.money(j.costInRange())));
        table.addCell(pdf.text(j.date().toString()));
        table.addCell(pdf.number(ReportFormat.duration(j.activeTime())));
        table.addCell(pdf.text(j.gpuType().orElse("—")));
        table.addCell(pdf.text(j.creator()));
        table.addCell(pdf.text(j.status()));
      }
    }
    pdf.add(table);
  }

  private PdfCharts.Item item(String label, BigDecimal value, Color color) {
    return new PdfCharts.Item(label, value, format.money(value), color);
  }

  private static String[] pair(String label, String value) {
    return new String[] {label, value};
  }

  private static Color color(MarginBand band) {
    return switch (band) {
      case GREEN -> ReportPdf.GREEN;
      case YELLOW -> ReportPdf.YELLOW;
      case RED -> ReportPdf.RED;
    };
  }
}
