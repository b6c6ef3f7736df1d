package com.costguard.model.job;

import com.costguard.cost.budget.SpendAttribution;
import com.costguard.cost.job.JobEvent;
import java.util.List;
import java.util.Objects;

/**
 * A job with every event it reported, in arrival order: all the cost engine needs to cost it at any
 * instant.
 */
public record JobHistory(Job job, List<ReportedJobEvent> events) {

  public JobHistory {
    Objects.requireNonNull(job, "job");
    events = List.copyOf(events);
  }

  /** The events as the cost engine reads them. */
  public List<JobEvent> jobEvents() {
    return events.stream().map(ReportedJobEvent::toJobEvent).toList();
  }

  /** What a budget scope filters the job's cost on. */
  public SpendAttribution attribution() {
    return new SpendAttribution(job.client(), job.project(), job.team(), job.provider());
  }
}
