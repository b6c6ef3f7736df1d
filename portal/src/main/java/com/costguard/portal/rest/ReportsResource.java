package com.costguard.portal.rest;

import com.costguard.application.AttributionService;
import com.costguard.config.Configuration;
import com.costguard.portal.reports.Paper;
import com.costguard.portal.reports.ReportCsv;
import com.costguard.portal.reports.ReportFormat;
import com.costguard.portal.reports.Reports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /reports/{attribution,cost-optimization,jobs,client/{id}}.{pdf,csv}}: the exports of
 * SPEC §4, over the same {@code ?from&to} as {@code /attribution}, PDFs on {@code
 * ?paper=a4|letter}. Each is rendered whole before the answer starts, so a failure is an error
 * answer rather than a truncated file.
 */
@Path("reports")
@ApplicationScoped
public class ReportsResource {

  private static final String CSV = "text/csv; charset=UTF-8";
  private static final String PDF = "application/pdf";

  @Inject AttributionService attribution;
  @Inject Configuration configuration;
  @Inject Clock clock;

  @GET
  @Path("attribution.{format: csv|pdf}")
  @Operation(
      summary = "Attribution export: CSV rows or the PDF report",
      description =
          "CSV (RFC 4180, UTF-8): Client, Project, Job, Cost, Date, Duration, GPU, Creator,"
              + " Status, one row per job with its cost in the range (as GET /attribution);"
              + " cells starting with = + - @ are prefixed with '. PDF: title page, executive"
              + " summary, cost by client (pie, table), profitability (table, margin bars),"
              + " allocation by tier, jobs; paper a4 (default) or letter."
              + AttributionResource.RANGE)
  @APIResponse(responseCode = "400", description = "invalid range or paper")
  public Response attribution(
      @PathParam("format") String format,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("paper") String paper) {
    return export(
        "attribution",
        new Request(format, from, to, paper),
        attribution::attribution,
        ReportCsv::attribution,
        Reports::attribution);
  }

  @GET
  @Path("cost-optimization.{format: csv|pdf}")
  @Operation(
      summary = "Cost optimisation export: the per-job CSV or the PDF report",
      description =
          "CSV: the jobs of GET /optimization with their cost view (Job ID, Job, Client,"
              + " Project, Creator, Status, Pricing, GPU, Date, Duration, Cost, Current cost,"
              + " On-demand equivalent, Savings, Interruptions, Recovery overhead). PDF: every"
              + " spot vs on-demand figure, savings and histogram bars, recommendations, jobs."
              + AttributionResource.RANGE)
  @APIResponse(responseCode = "400", description = "invalid range or paper")
  public Response optimization(
      @PathParam("format") String format,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("paper") String paper) {
    return export(
        "cost-optimization",
        new Request(format, from, to, paper),
        attribution::optimization,
        ReportCsv::jobs,
        Reports::optimization);
  }

  @GET
  @Path("jobs.csv")
  @Operation(
      summary = "Jobs export (CSV)",
      description =
          "Every job that ran in the range, the columns of cost-optimization.csv."
              + AttributionResource.RANGE)
  @APIResponse(responseCode = "400", description = "invalid range")
  public Response jobs(@QueryParam("from") String from, @QueryParam("to") String to) {
    return optimization("csv", from, to, null);
  }

  @GET
  @Path("client/{id: \\d+}.{format: csv|pdf}")
  @Operation(
      summary = "One client's cost report: its attribution rows (CSV) or the PDF report",
      description =
          "PDF: profile, totals, projects with profitability and margin bars, jobs."
              + AttributionResource.RANGE)
  @APIResponse(responseCode = "400", description = "invalid range or paper")
  @APIResponse(responseCode = "404", description = "no client has this id")
  public Response client(
      @PathParam("id") long id,
      @PathParam("format") String format,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("paper") String paper) {
    return export(
        "client-" + id,
        new Request(format, from, to, paper),
        (first, end) -> attribution.client(id, first, end),
        ReportCsv::client,
        Reports::client);
  }

  /** The query of an export: its format ({@code csv} or {@code pdf}), range and paper. */
  private record Request(String format, String from, String to, String paper) {}

  private interface Csv<R> {
    void write(R report, OutputStream out) throws IOException;
  }

  private interface Pdf<R> {
    void write(Reports reports, R report, Paper paper, OutputStream out) throws IOException;
  }

  private interface Render {
    void to(OutputStream out) throws IOException;
  }

  /**
   * One export: the range and paper are read (400 before anything is computed), the report computed
   * once, then written as CSV or PDF.
   */
  private <R> Response export(
      String name,
      Request request,
      BiFunction<Instant, Instant, R> compute,
      Csv<R> csv,
      Pdf<R> pdf) {
    RangeParams range = range(request.from(), request.to());
    Paper size = Paper.of(request.paper());
    R report = compute.apply(range.from(), range.to());
    return request.format().equals("csv")
        ? file(CSV, name, range, out -> csv.write(report, out))
        : file(PDF, name, range, out -> pdf.write(reports(), report, size, out));
  }

  private Response file(String type, String name, RangeParams range, Render render) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      render.to(bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String extension = type.equals(PDF) ? "pdf" : "csv";
    LocalDate first = LocalDate.ofInstant(range.from(), configuration.timezone());
    LocalDate last = LocalDate.ofInstant(range.to().minusNanos(1), configuration.timezone());
    StreamingOutput body = out -> bytes.writeTo(out);
    return Response.ok(body, type)
        .header(
            "Content-Disposition",
            "attachment; filename=\"%s_%s_%s.%s\"".formatted(name, first, last, extension))
        .build();
  }

  private Reports reports() {
    return new Reports(
        new ReportFormat(configuration.currency().getCurrencyCode(), configuration.timezone()),
        clock.instant());
  }

  private RangeParams range(String from, String to) {
    return RangeParams.of(from, to, configuration.timezone(), clock.instant());
  }
}
