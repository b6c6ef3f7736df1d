package com.costguard.portal.web;

import com.costguard.application.AttributionService;
import com.costguard.application.AttributionService.AttributionReport;
import com.costguard.application.AttributionService.ReuseReport;
import com.costguard.config.Configuration;
import com.costguard.cost.attribution.MarginBand;
import com.costguard.cost.attribution.ProjectProfit;
import com.costguard.portal.reports.Paper;
import com.costguard.portal.reports.ReportCsv;
import com.costguard.portal.reports.Reports;
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

  @Inject AttributionService attribution;
  @Inject Configuration configuration;
  @Inject Clock clock;
  @Inject Formats formats;
  @Inject PaperChoice paperChoice;

  private DateRange range;
  private AttributionReport report;
  private ReuseReport reuse;

  /**
   * Reads the range from the request's parameters: the query string of a GET, the export form's
   * hidden fields on a postback (view parameters are not kept across it in a template client).
   */
  @PostConstruct
  void readRange() {
    range =
        new DateRange(
            FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap(),
            today(),
            "30");
  }

  /** The first day of the range shown. */
  public LocalDate getFirstDay() {
    return range.firstDay();
  }

  /** The last day of the range shown (included). */
  public LocalDate getLastDay() {
    return range.lastDay();
  }

  /** "30", "90", "all" or "custom"; an unreadable or backwards custom range falls back to 30. */
  public String chosen() {
    return range.chosen();
  }

  /** Whether a custom range was asked for but could not be read. */
  public boolean isCustomRefused() {
    return range.customRefused();
  }

  public String rangeLabel() {
    return range.label();
  }

  public AttributionReport getReport() {
    if (report == null) {
      ZoneId zone = configuration.timezone();
      report = attribution.attribution(range.start(zone), range.end(zone));
    }
    return report;
  }

  /** Reuse ("shared intelligence") savings by client over the range shown. */
  public ReuseReport getReuse() {
    if (reuse == null) {
      ZoneId zone = configuration.timezone();
      reuse = attribution.reuse(range.start(zone), range.end(zone));
    }
    return reuse;
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
    Downloads.send(Downloads.CSV, "attribution", range, out -> ReportCsv.attribution(shown, out));
  }

  public void downloadPdf() throws IOException {
    AttributionReport shown = getReport();
    Reports reports = Downloads.reports(configuration, clock);
    Paper size = paperChoice.paper();
    Downloads.send(
        Downloads.PDF, "attribution", range, out -> reports.attribution(shown, size, out));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(configuration.timezone()));
  }
}
