package com.costguard.infrastructure.persistence;

import com.costguard.model.job.JobCostSnapshot;
import com.costguard.model.job.JobCostSnapshotRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

@ApplicationScoped
public class JpaJobCostSnapshotRepository implements JobCostSnapshotRepository {

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  /**
   * {@code INSERT IGNORE} against the unique key (job, slot): a second instance taking the same
   * slot's snapshot stores nothing and fails nothing, without a look-up that could race. (IGNORE
   * would also hide a foreign-key or range error, but the job was just read and a cost fits.)
   */
  @Override
  public boolean addIfSlotFree(JobCostSnapshot snapshot) {
    return em.createNativeQuery(
                "insert ignore into job_cost_snapshots"
                    + " (job_id, slot_start, taken_at, current_cost) values (?, ?, ?, ?)")
            .setParameter(1, snapshot.jobId())
            .setParameter(2, LocalDateTime.ofInstant(snapshot.slotStart(), ZoneOffset.UTC))
            .setParameter(3, LocalDateTime.ofInstant(snapshot.takenAt(), ZoneOffset.UTC))
            .setParameter(4, snapshot.currentCost())
            .executeUpdate()
        == 1;
  }

  /** Rows per statement: 4 parameters each, well below the driver's and server's limits. */
  static final int ROWS_PER_INSERT = 500;

  /** As {@link #addIfSlotFree}, many rows per {@code INSERT IGNORE}; answers the rows stored. */
  @Override
  public int addIfSlotsFree(List<JobCostSnapshot> snapshots) {
    int stored = 0;
    for (int from = 0; from < snapshots.size(); from += ROWS_PER_INSERT) {
      List<JobCostSnapshot> rows =
          snapshots.subList(from, Math.min(snapshots.size(), from + ROWS_PER_INSERT));
      Query insert =
          em.createNativeQuery(
              "insert ignore into job_cost_snapshots (job_id, slot_start, taken_at, current_cost)"
                  + " values "
                  + String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?)")));
      int p = 1;
      for (JobCostSnapshot snapshot : rows) {
        insert
            .setParameter(p++, snapshot.jobId())
            .setParameter(p++, LocalDateTime.ofInstant(snapshot.slotStart(), ZoneOffset.UTC))
            .setParameter(p++, LocalDateTime.ofInstant(snapshot.takenAt(), ZoneOffset.UTC))
            .setParameter(p++, snapshot.currentCost());
      }
      stored += insert.executeUpdate();
    }
    return stored;
  }

  @Override
  public List<JobCostSnapshot> of(long jobId) {
    return em.createQuery(
            "select s from JobCostSnapshot s where s.jobId = :job order by s.slotStart",
            JobCostSnapshot.class)
        .setParameter("job", jobId)
        .getResultList();
  }
}
