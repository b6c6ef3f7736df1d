package com.costguard.model.job;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A job's current cost as it stood in one snapshot slot: the points of the portal's mini cost
 * chart. At most one per job and slot, whichever instance takes it.
 */
@Entity
@Table(name = "job_cost_snapshots")
@Cacheable(false)
public class JobCostSnapshot {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "job_id", nullable = false)
  private Long jobId;

  @Column(name = "slot_start", nullable = false)
  private Instant slotStart;

  @Column(name = "taken_at", nullable = false)
  private Instant takenAt;

  @Column(name = "current_cost", nullable = false, precision = 19, scale = 6)
  private BigDecimal currentCost;

  protected JobCostSnapshot() {}

  public JobCostSnapshot(long jobId, Instant slotStart, Instant takenAt, BigDecimal currentCost) {
    this.jobId = jobId;
    this.slotStart = slotStart;
    this.takenAt = takenAt;
    this.currentCost = currentCost;
  }

  public long jobId() {
    return jobId;
  }

  public Instant slotStart() {
    return slotStart;
  }

  public Instant takenAt() {
    return takenAt;
  }

  public BigDecimal currentCost() {
    return currentCost;
  }
}
