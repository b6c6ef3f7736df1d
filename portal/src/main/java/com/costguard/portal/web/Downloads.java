package com.costguard.portal.web;

import com.costguard.config.Configuration;
import com.costguard.portal.reports.ReportFormat;
import com.costguard.portal.reports.Reports;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;

/**
 * Report files served to a portal button's postback, through the signed-in session (the REST
 * reports want a bearer token), named as {@code GET /api/v1/reports} names them.
 */
final class Downloads {

  static final String CSV = "text/csv; charset=UTF-8";
  static final String PDF = "application/pdf";

  private Downloads() {}

  interface Render {
    void to(OutputStream out) throws IOException;
  }

  /** The report writer in the installation's currency and time zone, dated now. */
  static Reports reports(Configuration configuration, Clock clock) {
    return new Reports(
        new ReportFormat(configuration.currency().getCurrencyCode(), configuration.timezone()),
        clock.instant());
  }

  /** Answers the postback with the file {@code name_first_last.csv|pdf}. */
  static void send(String type, String name, DateRange range, Render render) throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType(type);
    external.setResponseHeader(
        "Content-Disposition",
        "attachment; filename=\"%s_%s_%s.%s\""
            .formatted(name, range.firstDay(), range.lastDay(), type.equals(PDF) ? "pdf" : "csv"));
    render.to(external.getResponseOutputStream());
    faces.responseComplete();
  }
}
