package com.costguard.infrastructure.persistence;

import com.costguard.model.job.JobCostSnapshot;
import com.costguard.model.job.JobCostSnapshotRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

  /** Rows per statement: about 70 bytes each, far below {@code max_allowed_packet}. */
  static final int ROWS_PER_INSERT = 2_000;

  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  /**
   * As {@link #addIfSlotFree}, many rows per {@code INSERT IGNORE}; answers the rows stored. The
   * values are written into the statement as literals, not bound: with thousands of positional
   * parameters EclipseLink's argument records look each one up linearly (a stack sample of the
   * sweep of 10,000 jobs stood in {@code AbstractRecord.get/put} under {@code rowFromArguments}
   * most of the time). Every value is a number or a timestamp that we format, never text from
   * outside.
   */
  @Override
  public int addIfSlotsFree(List<JobCostSnapshot> snapshots) {
    int stored = 0;
    for (int from = 0; from < snapshots.size(); from += ROWS_PER_INSERT) {
      List<JobCostSnapshot> rows =
          snapshots.subList(from, Math.min(snapshots.size(), from + ROWS_PER_INSERT));
      StringBuilder sql =
          new StringBuilder(80 + rows.size() * 72)
              .append(
                  "insert ignore into job_cost_snapshots (job_id, slot_start, taken_at,"
                      + " current_cost) values ");
      for (int i = 0; i < rows.size(); i++) {
        JobCostSnapshot snapshot = rows.get(i);
        sql.append(i == 0 ? "(" : ", (")
            .append(snapshot.jobId())
            .append(", '")
            .append(datetime(snapshot.slotStart()))
            .append("', '")
            .append(datetime(snapshot.takenAt()))
            .append("', ")
            .append(snapshot.currentCost().toPlainString())
            .append(')');
      }
      stored += em.createNativeQuery(sql.toString()).executeUpdate();
    }
    return stored;
  }

  private static String datetime(Instant instant) {
    return DATETIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
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
