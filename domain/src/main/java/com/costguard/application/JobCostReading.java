package com.costguard.application;

import com.costguard.cost.job.JobActivity;
import com.costguard.cost.job.JobCostCalculator;
import com.costguard.cost.job.JobCostView;
import com.costguard.cost.job.JobTimeline;
import com.costguard.model.job.Job;
import com.costguard.model.job.JobStatus;
import com.costguard.model.job.ReportedJobEvent;
import java.time.Instant;
import java.util.List;

/**
 * A job and its cost view at one instant, as the cost engine computes it from the job's events: the
 * answer to a runner's event, a cost request and a cancel.
 */
public record JobCostReading(Job job, JobCostView view) {

  public JobStatus status() {
    return job.status();
  }

  /** Whether the job's runner has been asked to stop (SPEC §3). */
  public boolean cancelRequested() {
    return job.cancelRequested();
  }

  static JobCostReading of(Job job, List<ReportedJobEvent> events, Instant now) {
    return of(job, replay(events, now));
  }

  static JobCostReading of(Job job, JobActivity activity) {
    return new JobCostReading(job, JobCostCalculator.cost(job.spec(), activity));
  }

  /** What the job's events add up to at {@code now} (locked at the job's end, if it has ended). */
  static JobActivity replay(List<ReportedJobEvent> events, Instant now) {
    return JobTimeline.of(events.stream().map(ReportedJobEvent::toJobEvent).toList()).replay(now);
  }
}
