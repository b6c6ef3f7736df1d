package com.costguard.portal.web;

import com.costguard.application.AttributionService;
import com.costguard.application.AttributionService.ClientReport;
import com.costguard.application.RequestRefusedException;
import com.costguard.config.Configuration;
import com.costguard.cost.Money;
import com.costguard.cost.attribution.CostedJob;
import com.costguard.portal.reports.Paper;
import com.costguard.portal.reports.ReportCsv;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A client's page ({@code /dashboard/clients/{id}}): its profile, totals and averages, projects
 * with profitability, cumulative cost and jobs over the range the attribution page chose (the same
 * query string, read by {@link CostAttribution}), from {@link AttributionService#client}, the
 * report {@code GET /api/v1/reports/client/{id}} renders, so the page, its exports and the API
 * agree to the cent. Anyone signed in reads it.
 */
@Named
@RequestScoped
public class ClientPage {

  static final int PAGE = 25;

  @Inject AttributionService attribution;
  @Inject CostAttribution range;
  @Inject Configuration configuration;
  @Inject Clock clock;
  @Inject Formats formats;

  private Optional<ClientReport> report;
  private LazyDataModel<CostedJob> jobs;

  /** The client named by the {@code id} parameter, or empty for none (the page says so). */
  public Optional<ClientReport> report() {
    if (report == null) {
      report = Optional.empty();
      String id =
          FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
      if (id != null && id.matches("\\d{1,18}")) {
        ZoneId zone = configuration.timezone();
        try {
          report =
              Optional.of(
                  attribution.client(
                      Long.parseLong(id),
                      range.getFirstDay().atStartOfDay(zone).toInstant(),
                      range.getLastDay().plusDays(1).atStartOfDay(zone).toInstant()));
        } catch (RequestRefusedException unknown) {
          // stays empty: "no such client"
        }
      }
    }
    return report;
  }

  public boolean isFound() {
    return report().isPresent();
  }

  public ClientReport getReport() {
    return report().orElseThrow();
  }

  public long getId() {
    return getReport().client().id();
  }

  /** Billed GPU time of the client's jobs, added up. */
  public Duration getTotalTime() {
    return getReport().cost().jobs().stream()
        .map(CostedJob::activeTime)
        .reduce(Duration.ZERO, Duration::plus);
  }

  /** Average billed GPU time per job, or empty without jobs. */
  public Optional<Duration> getAverageTime() {
    int n = getReport().cost().jobs().size();
    return n == 0 ? Optional.empty() : Optional.of(getTotalTime().dividedBy(n));
  }

  public String duration(Duration time) {
    return Durations.text(time);
  }

  public String duration(Optional<Duration> time) {
    return time.map(Durations::text).orElse("—");
  }

  /** The jobs, costliest first, a page at a time. */
  public LazyDataModel<CostedJob> getJobs() {
    if (jobs == null) {
      List<CostedJob> all = getReport().cost().jobs();
      jobs =
          new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
              return all.size();
            }

            @Override
            public List<CostedJob> load(
                int first,
                int pageSize,
                Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
              return all.subList(
                  Math.min(first, all.size()), Math.min(first + pageSize, all.size()));
            }

            @Override
            public String getRowKey(CostedJob job) {
              return Long.toString(job.id());
            }
          };
    }
    return jobs;
  }

  /** A day of the chart: what the jobs started that day cost, and the running total. */
  public record CumulativeDay(LocalDate date, BigDecimal cost, BigDecimal cumulative) {}

  /** The client's cost by the day its jobs started, added up day after day. */
  public List<CumulativeDay> getDays() {
    TreeMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
    for (CostedJob job : getReport().cost().jobs()) {
      byDay.merge(job.date(), job.costInRange(), BigDecimal::add);
    }
    List<CumulativeDay> days = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (var day : byDay.entrySet()) {
      sum = sum.add(day.getValue());
      days.add(new CumulativeDay(day.getKey(), day.getValue(), sum));
    }
    return days;
  }

  /** Chart.js JSON for {@code p:chart}, built with JSON-P so that names are escaped. */
  public String getCostChart() {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder values = Json.createArrayBuilder();
    for (CumulativeDay d : getDays()) {
      labels.add(d.date().toString());
      values.add(Money.cents(d.cumulative()));
    }
    JsonArrayBuilder sets =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("label", "Cost so far")
                    .add("data", values)
                    .add("borderColor", "#0b5cad")
                    .add("backgroundColor", "rgba(11,92,173,0.12)")
                    .add("fill", "origin")
                    .add("borderWidth", 3)
                    .add("pointRadius", 3));
    return ChartJs.config(
            "line",
            labels,
            sets,
            "Cumulative cost by the day jobs started (" + formats.zone() + ")")
        .toString();
  }

  public void downloadCsv() throws IOException {
    ClientReport shown = getReport();
    FileDownload.send(FileDownload.CSV, filename("csv"), out -> ReportCsv.client(shown, out));
  }

  /** "Export client cost report": the PDF of {@code GET /api/v1/reports/client/{id}.pdf}. */
  public void downloadPdf() throws IOException {
    ClientReport shown = getReport();
    FileDownload.send(
        FileDownload.PDF,
        filename("pdf"),
        out -> FileDownload.reports(configuration, clock.instant()).client(shown, Paper.A4, out));
  }

  /** Named as {@code GET /api/v1/reports/client/{id}} names it. */
  private String filename(String extension) {
    return "client-%d_%s_%s.%s"
        .formatted(getId(), range.getFirstDay(), range.getLastDay(), extension);
  }
}
