package com.costguard.model.job;

import java.util.List;
import java.util.Optional;

/** Stored jobs and their reported events. */
public interface JobRepository {

  Optional<Job> byId(long id);

  /**
   * The job, locked until the current transaction ends: events, cancels and status changes of one
   * job happen one after another, on every instance.
   */
  Optional<Job> byIdForUpdate(long id);

  boolean externalIdExists(String externalId);

  /** Jobs started and not ended (running, interrupted or paused). */
  List<Job> inProgress();

  void add(Job job);

  /** The job's events in the order they arrived. */
  List<ReportedJobEvent> events(long jobId);

  void add(ReportedJobEvent event);

  /** Sends pending writes to the database now, so a constraint violation surfaces here. */
  void flush();
}
