package com.costguard.portal.web;

import com.costguard.application.AttributionService;
import com.costguard.application.AttributionService.OptimizationReport;
import com.costguard.config.Configuration;
import com.costguard.cost.Money;
import com.costguard.cost.attribution.CostedJob;
import com.costguard.cost.optimization.Advice;
import com.costguard.cost.optimization.SpotSavings;
import com.costguard.portal.reports.Paper;
import com.costguard.portal.reports.ReportCsv;
import com.costguard.portal.reports.Reports;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The spot vs on-demand analysis (SPEC §2; seed FR7.3.1), on its own page ({@code
 * /dashboard/cost-optimization}) and as a section of the budget dashboard, collapsed there until a
 * range or filter is chosen. Every figure is the {@link AttributionService#optimization} report's,
 * the one {@code GET /api/v1/optimization} answers with, over a range chosen in the query string
 * ({@link DateRange}, this month by default as the API). The per-job table's filters (mode, status,
 * GPU) narrow the table only; the range narrows everything. Anyone signed in reads it.
 */
@Named
@RequestScoped
public class CostOptimization {

  /** A spot job with more interruptions than this is highlighted (seed FR7.3.1: "> 3"). */
  static final int MANY_INTERRUPTIONS = 3;

  @Inject AttributionService attribution;
  @Inject Configuration configuration;
  @Inject Clock clock;
  @Inject Formats formats;
  @Inject PaperChoice paperChoice;

  private Map<String, String> parameters;
  private DateRange range;
  private OptimizationReport report;

  @PostConstruct
  void readRange() {
    parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    range =
        new DateRange(parameters, LocalDate.now(clock.withZone(configuration.timezone())), "month");
  }

  public DateRange getRange() {
    return range;
  }

  /**
   * Whether the dashboard's section opens expanded: only when the address chose a range or a filter
   * for it, so following one of its links does not fold it away again.
   */
  public boolean isChosen() {
    return range.explicit()
        || !getMode().isEmpty()
        || !getStatus().isEmpty()
        || !getGpu().isEmpty();
  }

  public OptimizationReport getReport() {
    if (report == null) {
      ZoneId zone = configuration.timezone();
      report = attribution.optimization(range.start(zone), range.end(zone));
    }
    return report;
  }

  public SpotSavings getSavings() {
    return getReport().savings();
  }

  /**
   * The address of this page with {@code range} chosen, keeping the other parameters (the
   * dashboard's {@code budget}) but not the custom dates.
   */
  public String link(String choice) {
    Map<String, String> kept = new LinkedHashMap<>(parameters);
    kept.keySet().removeIf(k -> k.equals("from") || k.equals("to") || !k.matches("[a-z]+"));
    kept.put("range", choice);
    return "?"
        + kept.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  /** The dashboard's budget parameter, kept by the section's GET forms. */
  public String getBudget() {
    return parameters.getOrDefault("budget", "");
  }

  // ---- the per-job table's filters (plain GET parameters) ----

  /** {@code spot}, {@code on_demand} or empty for both. */
  public String getMode() {
    return parameters.getOrDefault("mode", "");
  }

  public String getStatus() {
    return parameters.getOrDefault("status", "");
  }

  public String getGpu() {
    return parameters.getOrDefault("gpu", "");
  }

  /** The mode filter's choices besides both: value → label. */
  public List<Map.Entry<String, String>> getModes() {
    return List.of(Map.entry("spot", "Spot only"), Map.entry("on_demand", "On-demand only"));
  }

  /** The statuses of the range's jobs, for the status filter: value → label. */
  public List<Map.Entry<String, String>> getStatuses() {
    return choices(getSavings().jobs().stream().map(CostedJob::status));
  }

  /** The GPU types of the range's jobs, for the GPU filter. */
  public List<Map.Entry<String, String>> getGpus() {
    return choices(getSavings().jobs().stream().flatMap(j -> j.gpuType().stream()));
  }

  private static List<Map.Entry<String, String>> choices(java.util.stream.Stream<String> values) {
    return values.collect(Collectors.toCollection(TreeSet::new)).stream()
        .map(v -> Map.entry(v, v))
        .toList();
  }

  /** The range's jobs the filters keep, highest savings first (as the report orders them). */
  public List<CostedJob> getJobs() {
    return getSavings().jobs().stream()
        .filter(j -> getMode().isEmpty() || mode(j).equals(getMode()))
        .filter(j -> getStatus().isEmpty() || j.status().equals(getStatus()))
        .filter(j -> getGpu().isEmpty() || j.gpuType().orElse("").equals(getGpu()))
        .toList();
  }

  public static String mode(CostedJob job) {
    return job.spot() ? "spot" : "on_demand";
  }

  /** The highlight of a row (seed FR7.3.1): none for 0 interruptions, many above 3. */
  public String interruptionClass(CostedJob job) {
    if (!job.spot()) {
      return "";
    }
    return job.interruptions() == 0
        ? "interruptions-none"
        : job.interruptions() > MANY_INTERRUPTIONS ? "interruptions-many" : "";
  }

  /** The highlight in words, so it is not told by colour alone. */
  public String interruptionWord(CostedJob job) {
    return switch (interruptionClass(job)) {
      case "interruptions-none" -> "none";
      case "interruptions-many" -> "many";
      default -> "";
    };
  }

  /** A job's savings as a percent of its on-demand equivalent, "58.33 %", else empty. */
  public String savingsPercent(CostedJob job) {
    return job.onDemandEquivalent().signum() == 0 || !job.spot()
        ? ""
        : Money.percent(job.savings(), job.onDemandEquivalent()).toPlainString() + " %";
  }

  // ---- words and shares ----

  public String percent(Optional<BigDecimal> percent) {
    return percent.map(p -> p.toPlainString() + " %").orElse("—");
  }

  /** The on-demand share of jobs: 100 − the spot share. */
  public String onDemandShare() {
    return getSavings()
        .spotSharePercent()
        .map(p -> BigDecimal.valueOf(100).subtract(p).toPlainString() + " %")
        .orElse("—");
  }

  /** The widths of the stacked bar (spot cost, then savings), in percent of the equivalent. */
  public String spotBarWidth() {
    SpotSavings s = getSavings();
    return s.onDemandEquivalent().signum() <= 0
        ? "0"
        : Money.percent(s.totalSpotCost().min(s.onDemandEquivalent()), s.onDemandEquivalent())
            .toPlainString();
  }

  public String adviceIcon(Advice advice) {
    return switch (advice.kind()) {
      case MORE_SPOT -> "pi-lightbulb";
      case OPTIMAL -> "pi-check-circle";
      case OFF_PEAK -> "pi-exclamation-triangle";
    };
  }

  /** The advice in the portal's money format. */
  public String adviceText(Advice advice) {
    return advice.kind() == Advice.Kind.MORE_SPOT
        ? "Increase spot usage to 95%% for an additional %s savings"
            .formatted(formats.money(advice.amount().orElse(BigDecimal.ZERO)))
        : advice.text();
  }

  /** The histogram as rows for the table under the chart: interruptions → spot jobs. */
  public List<Map.Entry<Integer, Integer>> getHistogram() {
    return List.copyOf(getSavings().histogram().entrySet());
  }

  public List<Map.Entry<java.time.YearMonth, BigDecimal>> getMonths() {
    return List.copyOf(getSavings().byMonth().entrySet());
  }

  // ---- charts (Chart.js JSON for p:chart) ----

  public String getHistogramChart() {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder jobs = Json.createArrayBuilder();
    getSavings()
        .histogram()
        .forEach(
            (interruptions, count) -> {
              labels.add(interruptions + (interruptions == 1 ? " interruption" : " interruptions"));
              jobs.add(count);
            });
    JsonArrayBuilder sets =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("label", "Spot jobs")
                    .add("data", jobs)
                    .add("backgroundColor", "#0b5cad"));
    return ChartJs.config("bar", labels, sets, "Spot jobs by number of interruptions")
        .toString();
  }

  public String getCumulativeChart() {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder savings = Json.createArrayBuilder();
    getSavings()
        .cumulative()
        .forEach(
            p -> {
              labels.add(p.date().toString());
              savings.add(Money.cents(p.cumulativeSavings()));
            });
    JsonArrayBuilder sets =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("label", "Net savings so far")
                    .add("data", savings)
                    .add("borderColor", "#2da44e")
                    .add("backgroundColor", "rgba(45, 164, 78, 0.15)")
                    .add("fill", true)
                    .add("stepped", true));
    return ChartJs.config("line", labels, sets, "Cumulative net savings").toString();
  }

  // ---- exports ----

  public void downloadCsv() throws IOException {
    OptimizationReport shown = getReport();
    Downloads.send(Downloads.CSV, "cost-optimization", range, out -> ReportCsv.jobs(shown, out));
  }

  public void downloadPdf() throws IOException {
    OptimizationReport shown = getReport();
    Reports reports = Downloads.reports(configuration, clock);
    Paper size = paperChoice.paper();
    Downloads.send(
        Downloads.PDF, "cost-optimization", range, out -> reports.optimization(shown, size, out));
  }
}
