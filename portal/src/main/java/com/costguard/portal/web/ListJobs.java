package com.costguard.portal.web;

import com.costguard.application.JobListing;
import com.costguard.application.JobService;
import com.costguard.model.job.JobStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The jobs list: every job, most expensive first (running ones costed now by the engine), 25 a
 * page, filtered by status; each links to its job page.
 */
@Named
@ViewScoped
public class ListJobs implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject JobService jobs;

  /** A status's wire name, or empty for every job. */
  private String status = "";

  /** One line of the table, detached from the entity. */
  public record JobRow(
      long id,
      String name,
      String status,
      String createdBy,
      String client,
      String project,
      String gpu,
      String pricing,
      Instant createdAt,
      Instant endedAt,
      BigDecimal cost)
      implements Serializable {

    static JobRow of(JobListing listing) {
      var job = listing.job();
      return new JobRow(
          job.id(),
          job.name(),
          job.status().wireName(),
          job.createdBy(),
          job.client().orElse(""),
          job.project().orElse(""),
          job.gpuType().orElse(""),
          job.pricing().name().equals("SPOT") ? "spot" : "on-demand",
          job.createdAt(),
          job.endedAt().orElse(null),
          listing.cost());
    }
  }

  private final LazyDataModel<JobRow> rows =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return listings().size();
        }

        @Override
        public List<JobRow> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          List<JobListing> all = listings();
          return all
              .subList(Math.min(first, all.size()), Math.min(first + pageSize, all.size()))
              .stream()
              .map(JobRow::of)
              .toList();
        }

        @Override
        public String getRowKey(JobRow row) {
          return Long.toString(row.id());
        }
      };

  private List<JobListing> listings() {
    return jobs.byCost(
        status.isEmpty() ? List.of() : List.of(JobStatus.valueOf(status.toUpperCase(Locale.ROOT))));
  }

  public LazyDataModel<JobRow> getRows() {
    return rows;
  }

  public String getStatus() {
    return status;
  }

  /** Only a known status filters; anything else shows every job. */
  public void setStatus(String status) {
    this.status =
        Arrays.stream(JobStatus.values())
            .map(JobStatus::wireName)
            .filter(s -> s.equals(status))
            .findFirst()
            .orElse("");
  }

  public List<String> getStatuses() {
    return Arrays.stream(JobStatus.values()).map(JobStatus::wireName).toList();
  }

  /** "running" → "Running". */
  public String label(String wireName) {
    return wireName.isEmpty()
        ? "All"
        : wireName.substring(0, 1).toUpperCase(Locale.ROOT) + wireName.substring(1);
  }
}
