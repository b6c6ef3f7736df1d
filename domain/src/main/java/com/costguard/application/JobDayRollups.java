package com.costguard.application;

import com.costguard.model.job.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Keeps the daily rollups of finished jobs (V28) whole: jobs finish into them as they finish
 * ({@link JobWriter}); these add the ones that finished before the rollups existed, or before the
 * installation's time zone changed, a batch per transaction.
 */
@ApplicationScoped
public class JobDayRollups {

  /** Jobs per transaction: their events are read and costed together. */
  static final int BATCH = 500;

  @Inject JobRepository jobs;

  /** Starts the rollups over when they hold another time zone's days; answers whether it did. */
  @Transactional
  public boolean startOverInAnotherZone() {
    return jobs.clearDaysOfOtherZones();
  }

  /** Adds a batch of finished jobs not in the rollups yet; answers how many (0: all are in). */
  @Transactional
  public int addPending() {
    return jobs.rollUpPendingDays(BATCH);
  }
}
