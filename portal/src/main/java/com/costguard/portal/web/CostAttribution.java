package com.costguard.portal.web;

import com.costguard.application.AttributionService;
import com.costguard.application.AttributionService.AttributionReport;
import com.costguard.config.Configuration;
import com.costguard.cost.attribution.MarginBand;
import com.costguard.cost.attribution.ProjectProfit;
import com.costguard.portal.reports.Paper;
import com.costguard.portal.reports.ReportCsv;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The cost attribution page ({@code /dashboard/cost-attribution}): the {@link AttributionService}
 * report for a range chosen in the query string ({@code ?range=30|90|all|custom&from&to}, dates in
 * the installation's time zone, {@code to} inclusive, as {@code GET /api/v1/attribution} reads
 * them), so a range is a plain link and can be bookmarked. Anyone signed in reads it. The exports
 * are served here through the signed-in session, since the REST reports want a bearer token.
 */
@Named
@RequestScoped
public class CostAttribution {

  /**
   * "All time" starts here: earlier than any job (tests date theirs in the 1950s), and a job only
   * costs from the day it started, so the early bound costs nothing.
   */
  private static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

  @Inject AttributionService attribution;
  @Inject Configuration configuration;
  @Inject Clock clock;
  @Inject Formats formats;

  private String range;
  private String from;
  private String to;
  private AttributionReport report;

  /**
   * Reads the range from the request's parameters: the query string of a GET, the export form's
   * hidden fields on a postback (view parameters are not kept across it in a template client).
   */
  @PostConstruct
  void readRange() {
    Map<String, String> parameters =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    range = parameters.get("range");
    from = parameters.get("from");
    to = parameters.get("to");
  }

  /** The first day of the range shown. */
  public LocalDate getFirstDay() {
    return switch (chosen()) {
      case "90" -> today().minusDays(89);
      case "all" -> BEGINNING;
      case "custom" -> LocalDate.parse(from);
      default -> today().minusDays(29);
    };
  }

  /** The last day of the range shown (included). */
  public LocalDate getLastDay() {
    return chosen().equals("custom") ? LocalDate.parse(to) : today();
  }

  /** "30", "90", "all" or "custom"; an unreadable or backwards custom range falls back to 30. */
  public String chosen() {
    if ("custom".equals(range) || (range == null && from != null)) {
      try {
        if (from != null && to != null && !LocalDate.parse(from).isAfter(LocalDate.parse(to))) {
          return "custom";
        }
      } catch (DateTimeParseException e) {
        // falls back below
      }
      return "30";
    }
    return "90".equals(range) || "all".equals(range) ? range : "30";
  }

  /** Whether a custom range was asked for but could not be read. */
  public boolean isCustomRefused() {
    return "custom".equals(range) && !chosen().equals("custom");
  }

  public String rangeLabel() {
    return switch (chosen()) {
      case "90" -> "Last 90 days";
      case "all" -> "All time";
      case "custom" -> getFirstDay() + " to " + getLastDay();
      default -> "Last 30 days";
    };
  }

  public AttributionReport getReport() {
    if (report == null) {
      ZoneId zone = configuration.timezone();
      report =
          attribution.attribution(
              getFirstDay().atStartOfDay(zone).toInstant(),
              getLastDay().plusDays(1).atStartOfDay(zone).toInstant());
    }
    return report;
  }

  /** Reads the report again after a change made on this page (other costs), for the answer. */
  void refresh() {
    report = null;
  }

  /** The CSS class of a project's margin band: zone-green, zone-yellow, zone-red, or none. */
  public String bandClass(ProjectProfit project) {
    return project.band().map(b -> "zone-" + b.name().toLowerCase()).orElse("zone-none");
  }

  /** The band in a word, so it is not told by colour alone. */
  public String bandWord(ProjectProfit project) {
    return project.band().map(CostAttribution::word).orElse("no revenue");
  }

  private static String word(MarginBand band) {
    return switch (band) {
      case GREEN -> "healthy";
      case YELLOW -> "watch";
      case RED -> "at risk";
    };
  }

  /** An amount that may be absent (no jobs, no revenue) in the portal's money format, else "—". */
  public String money(Optional<BigDecimal> amount) {
    return amount.map(formats::money).orElse("—");
  }

  /** "72.50 %", else "—". */
  public String percent(Optional<BigDecimal> percent) {
    return percent.map(p -> p.toPlainString() + " %").orElse("—");
  }

  public void downloadCsv() throws IOException {
    AttributionReport shown = getReport();
    FileDownload.send(FileDownload.CSV, filename("csv"), out -> ReportCsv.attribution(shown, out));
  }

  public void downloadPdf() throws IOException {
    AttributionReport shown = getReport();
    FileDownload.send(
        FileDownload.PDF,
        filename("pdf"),
        out ->
            FileDownload.reports(configuration, clock.instant()).attribution(shown, Paper.A4, out));
  }

  /** Named as {@code GET /api/v1/reports} names it. */
  private String filename(String extension) {
    return "attribution_%s_%s.%s".formatted(getFirstDay(), getLastDay(), extension);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(configuration.timezone()));
  }
}
