package com.costguard.portal.web;

import com.costguard.config.Configuration;
import com.costguard.portal.reports.ReportFormat;
import com.costguard.portal.reports.Reports;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * Answers a page's postback with a file instead of the page: the portal's export buttons, which
 * serve through the signed-in session what {@code GET /api/v1/reports} serves for a bearer token.
 */
final class FileDownload {

  static final String CSV = "text/csv; charset=UTF-8";
  static final String PDF = "application/pdf";

  private FileDownload() {}

  /** Writes the file to the response. */
  interface Render {
    void to(OutputStream out) throws IOException;
  }

  /** The PDF reports as the REST reports render them, for the installation's currency and zone. */
  static Reports reports(Configuration configuration, Instant now) {
    return new Reports(
        new ReportFormat(configuration.currency().getCurrencyCode(), configuration.timezone()),
        now);
  }

  /** Sends {@code type} as an attachment named {@code filename}; the page is not rendered. */
  static void send(String type, String filename, Render render) throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType(type);
    external.setResponseHeader(
        "Content-Disposition", "attachment; filename=\"%s\"".formatted(filename));
    render.to(external.getResponseOutputStream());
    faces.responseComplete();
  }
}
