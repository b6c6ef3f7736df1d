package com.costguard.model.job;

import java.util.Optional;
import java.util.function.Function;

/**
 * What the daily rollups of finished jobs (V28) group by: the whole organisation, or one attribute
 * of the job (empty for a job without it).
 */
public enum JobDimension {
  ALL("all", job -> Optional.empty()),
  CLIENT("client", Job::client),
  PROJECT("project", Job::project),
  TEAM("team", Job::team),
  PROVIDER("provider", Job::provider),
  STATUS("status", job -> Optional.of(job.status().wireName())),
  CREATOR("creator", job -> Optional.of(job.createdBy()));

  private final String column;
  private final Function<Job, Optional<String>> value;

  JobDimension(String column, Function<Job, Optional<String>> value) {
    this.column = column;
    this.value = value;
  }

  /** Its name in {@code job_days.dimension}. */
  public String column() {
    return column;
  }

  /** The job's value of it. */
  public Optional<String> of(Job job) {
    return value.apply(job);
  }
}
