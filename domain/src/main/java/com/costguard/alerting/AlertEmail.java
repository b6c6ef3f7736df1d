package com.costguard.alerting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.Objects;

/**
 * The e-mail of an alert (SPEC §3, issue 4): a subject, an HTML body and the same in plain text
 * (sent as multipart/alternative). Both carry the budget's name, a status bar with the percent also
 * written out, spent / limit / remaining, the reason, and links to the portal: the dashboard,
 * increasing the budget and cancelling its jobs. Every text a user wrote is HTML-escaped.
 */
public record AlertEmail(String subject, String html, String text) {

  private static final String DASHBOARD = "/dashboard/training-budget";

  public AlertEmail {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(text, "text");
  }

  /**
   * @param baseUrl the portal's address ({@code COSTGUARD_BASE_URL})
   */
  public static AlertEmail of(AlertNotice notice, URI baseUrl) {
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

  /** A subject is one line: a name with line breaks would otherwise start new headers. */
  private static String oneLine(AlertNotice notice) {
    return notice.budgetName().replaceAll("[\\r\\n\\t]+", " ").strip();
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
            links.dashboard(),
            links.increase(),
            links.cancelJobs(),
            n.alertId(),
            n.firedAt());
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
