package com.costguard.alerting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The e-mail of an alert (SPEC §3, issue 4): a subject, an HTML body and the same in plain text
 * (sent as multipart/alternative). Both carry the budget's name, a status bar with the percent also
 * written out, spent / limit / remaining, the reason, and links to the portal: the dashboard,
 * increasing the budget and cancelling its jobs. Every text a user wrote is HTML-escaped.
 */
public record AlertEmail(String subject, String html, String text) {

  private static final String DASHBOARD = "/dashboard/training-budget";
  private static final String JOB_PAGE = "/dashboard/job";

  /** Active jobs listed by name; the rest are counted. */
  static final int MAX_LISTED_JOBS = 10;

  public AlertEmail {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(text, "text");
  }

  /**
   * @param baseUrl the portal's address ({@code COSTGUARD_BASE_URL})
   */
  public static AlertEmail of(AlertNotice notice, URI baseUrl) {
    if (notice.job().isPresent()) {
      return ofJob(notice, notice.job().get(), baseUrl);
    }
    Links links = Links.of(baseUrl, notice.budgetId());
    String subject =
        switch (notice.kind()) {
          case THRESHOLD ->
              "[Costguard] %d%% of budget \"%s\" used"
                  .formatted(notice.threshold(), oneLine(notice));
          case BLOCKED -> "[Costguard] Budget \"%s\" blocked a new job".formatted(oneLine(notice));
          case FORECAST ->
              "[Costguard] Budget \"%s\" is forecast to pass its limit".formatted(oneLine(notice));
          default ->
              "[Costguard] %s alert for budget \"%s\""
                  .formatted(notice.kind().apiName(), oneLine(notice));
        };
    return new AlertEmail(subject, html(notice, links), text(notice, links));
  }

  /**
   * A job's estimate alert, to its creator: the job, its cost against the estimate amount, and
   * links to the job and to cancelling it.
   */
  private static AlertEmail ofJob(AlertNotice n, AlertNotice.JobSubject job, URI baseUrl) {
    String page = baseUrl.toString().replaceAll("/+$", "") + JOB_PAGE + "?id=" + job.jobId();
    String cancel = page + "&action=cancel";
    String subject =
        "[Costguard] Job \"%s\" reached %d%% of its estimate".formatted(oneLine(n), n.threshold());
    String html =
        """
        <!DOCTYPE html>
        <html><body style="font-family:Arial,Helvetica,sans-serif;color:#222;max-width:560px">
        <h2 style="margin:0 0 8px">Job %s</h2>
        <p style="font-size:15px">%s.</p>
        <table style="border-collapse:collapse">
        <tr><td style="padding:2px 12px 2px 0;color:#555">Created by</td><td><strong>%s</strong></td></tr>
        <tr><td style="padding:2px 12px 2px 0;color:#555">Current cost</td><td><strong>%s</strong></td></tr>
        <tr><td style="padding:2px 12px 2px 0;color:#555">%d%% threshold</td><td><strong>%s</strong></td></tr>
        </table>
        <p style="margin-top:16px"><a href="%s">View job</a> &middot; <a href="%s">Cancel job</a></p>
        <p style="color:#888;font-size:12px">Costguard alert %d, fired %s.</p>
        </body></html>
        """
            .formatted(
                escape(n.budgetName()),
                escape(n.reason()),
                escape(job.createdBy()),
                escape(n.money(n.spent())),
                n.threshold(),
                escape(n.money(n.limit())),
                escape(page),
                escape(cancel),
                n.alertId(),
                n.firedAt());
    String text =
        """
        Job: %s

        %s.

        Created by:    %s
        Current cost:  %s
        %d%% threshold: %s

        View job:   %s
        Cancel job: %s

        Costguard alert %d, fired %s.
        """
            .formatted(
                n.budgetName(),
                n.reason(),
                job.createdBy(),
                n.money(n.spent()),
                n.threshold(),
                n.money(n.limit()),
                page,
                cancel,
                n.alertId(),
                n.firedAt());
    return new AlertEmail(subject, html, text);
  }

  /** A subject is one line: a name with line breaks would otherwise start new headers. */
  private static String oneLine(AlertNotice notice) {
    return oneLine(notice.budgetName());
  }

  private record Links(String dashboard, String increase, String cancelJobs) {
    static Links of(URI baseUrl, long budgetId) {
      String base = baseUrl.toString().replaceAll("/+$", "");
      String page = base + DASHBOARD + "?budget=" + budgetId;
      return new Links(page, page + "&action=increase", page + "&action=cancel-jobs");
    }
  }

  /** The bar's filled width in whole percents, 0 to 100 (over the limit is a full bar). */
  static int barWidth(BigDecimal usagePercent) {
    return usagePercent
        .setScale(0, RoundingMode.HALF_UP)
        .max(BigDecimal.ZERO)
        .min(BigDecimal.valueOf(100))
        .intValueExact();
  }

  /** Red from 100%, orange from 95%, yellow below (SPEC §3's tiers). */
  static String colour(BigDecimal usagePercent) {
    if (usagePercent.compareTo(BigDecimal.valueOf(100)) >= 0) {
      return "#d32f2f";
    }
    return usagePercent.compareTo(BigDecimal.valueOf(95)) >= 0 ? "#f57c00" : "#fbc02d";
  }

  private static String html(AlertNotice n, Links links) {
    BigDecimal usage = n.usagePercent();
    int width = barWidth(usage);
    String row =
        "<tr><td style=\"padding:2px 12px 2px 0;color:#555\">%s</td><td style=\"padding:2px 0\"><strong>%s</strong></td></tr>";
    return """
        <!DOCTYPE html>
        <html><body style="font-family:Arial,Helvetica,sans-serif;color:#222;max-width:560px">
        <h2 style="margin:0 0 8px">%s</h2>
        <p style="font-size:15px">%s.</p>
        <div role="img" aria-label="%s%% of the limit used" style="background:#eee;border-radius:4px;height:16px;width:100%%">
        <div style="background:%s;border-radius:4px;height:16px;width:%d%%"></div></div>
        <p style="margin:4px 0 12px">%s%% of the limit used</p>
        <table style="border-collapse:collapse">%s%s%s</table>
        %s
        <p style="margin-top:16px">
        <a href="%s">View dashboard</a> &middot;
        <a href="%s">Increase budget</a> &middot;
        <a href="%s">Cancel active jobs</a></p>
        <p style="color:#888;font-size:12px">Costguard alert %d, fired %s.</p>
        </body></html>
        """
        .formatted(
            escape(n.budgetName()),
            escape(n.reason()),
            usage.toPlainString(),
            colour(usage),
            width,
            usage.toPlainString(),
            row.formatted("Spent", escape(n.money(n.spent()))),
            row.formatted("Limit", escape(n.money(n.limit()))),
            row.formatted("Remaining", escape(n.money(n.remaining()))),
            activeJobsHtml(n),
            escape(links.dashboard()),
            escape(links.increase()),
            escape(links.cancelJobs()),
            n.alertId(),
            n.firedAt());
  }

  private static String text(AlertNotice n, Links links) {
    BigDecimal usage = n.usagePercent();
    int filled = barWidth(usage) / 5;
    String bar = "[" + "#".repeat(filled) + "-".repeat(20 - filled) + "]";
    return """
        Budget: %s

        %s.

        Used:      %s%% %s
        Spent:     %s
        Limit:     %s
        Remaining: %s

        %s
        View dashboard:     %s
        Increase budget:    %s
        Cancel active jobs: %s

        Costguard alert %d, fired %s.
        """
        .formatted(
            n.budgetName(),
            n.reason(),
            usage.toPlainString(),
            bar,
            n.money(n.spent()),
            n.money(n.limit()),
            n.money(n.remaining()),
            activeJobsText(n),
            links.dashboard(),
            links.increase(),
            links.cancelJobs(),
            n.alertId(),
            n.firedAt());
  }

  /**
   * The budget's active jobs as an HTML table (name, creator, cost so far), at most {@link
   * #MAX_LISTED_JOBS} with a count of the rest; a sentence when there are none.
   */
  private static String activeJobsHtml(AlertNotice n) {
    List<AlertNotice.ActiveJob> jobs = n.activeJobs();
    if (jobs.isEmpty()) {
      return "<p style=\"margin:12px 0 0\">No active jobs.</p>";
    }
    StringBuilder html =
        new StringBuilder(
            "<h3 style=\"margin:16px 0 4px;font-size:15px\">Active jobs (%d)</h3>"
                    .formatted(jobs.size())
                + "<table style=\"border-collapse:collapse\"><tr>"
                + "<th style=\"text-align:left;padding:2px 12px 2px 0\">Job</th>"
                + "<th style=\"text-align:left;padding:2px 12px 2px 0\">Created by</th>"
                + "<th style=\"text-align:right;padding:2px 0\">Current cost</th></tr>");
    for (AlertNotice.ActiveJob job : jobs.subList(0, Math.min(jobs.size(), MAX_LISTED_JOBS))) {
      html.append(
          ("<tr><td style=\"padding:2px 12px 2px 0\">%s</td>"
                  + "<td style=\"padding:2px 12px 2px 0\">%s</td>"
                  + "<td style=\"text-align:right;padding:2px 0\">%s</td></tr>")
              .formatted(
                  escape(job.name()), escape(job.createdBy()), escape(n.money(job.currentCost()))));
    }
    html.append("</table>");
    if (jobs.size() > MAX_LISTED_JOBS) {
      html.append(
          "<p style=\"margin:4px 0 0\">and %d more</p>".formatted(jobs.size() - MAX_LISTED_JOBS));
    }
    return html.toString();
  }

  /** The same list in plain text, one job a line (names on one line each). */
  private static String activeJobsText(AlertNotice n) {
    List<AlertNotice.ActiveJob> jobs = n.activeJobs();
    if (jobs.isEmpty()) {
      return "No active jobs.\n";
    }
    StringBuilder text = new StringBuilder("Active jobs (%d):\n".formatted(jobs.size()));
    for (AlertNotice.ActiveJob job : jobs.subList(0, Math.min(jobs.size(), MAX_LISTED_JOBS))) {
      text.append(
          "- %s (by %s): %s\n"
              .formatted(
                  oneLine(job.name()), oneLine(job.createdBy()), n.money(job.currentCost())));
    }
    if (jobs.size() > MAX_LISTED_JOBS) {
      text.append("  and %d more\n".formatted(jobs.size() - MAX_LISTED_JOBS));
    }
    return text.toString();
  }

  /** Text on one line: a name with line breaks would start new headers or list lines. */
  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n\\t]+", " ").strip();
  }

  /** Escapes text for HTML element content and double-quoted attribute values. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
