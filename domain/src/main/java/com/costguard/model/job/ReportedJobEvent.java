package com.costguard.model.job;

import com.costguard.cost.job.JobEvent;
import com.costguard.cost.job.JobEventType;
import com.costguard.cost.job.Stage;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One lifecycle or progress event of a job, stored as the runner reported it (once per idempotency
 * key and job). The cost engine replays a job's events as {@link JobEvent}s.
 */
@Entity
@Table(name = "job_events")
@Cacheable(false)
public class ReportedJobEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "job_id", nullable = false)
  private Long jobId;

  @Column(name = "idempotency_key", nullable = false)
  private String idempotencyKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private JobEventType type;

  @Column(name = "occurred_at", nullable = false)
  private Instant at;

  private Long step;

  @Enumerated(EnumType.STRING)
  private Stage stage;

  @Column(name = "recovery_minutes", precision = 19, scale = 6)
  private BigDecimal recoveryMinutes;

  @Column(name = "storage_gb", precision = 19, scale = 6)
  private BigDecimal storageGb;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected ReportedJobEvent() {}

  public ReportedJobEvent(long jobId, JobEvent event, Instant receivedAt) {
    this.jobId = jobId;
    this.idempotencyKey = event.idempotencyKey();
    this.type = event.type();
    this.at = event.at();
    this.step = event.step().orElse(null);
    this.stage = event.stage().orElse(null);
    this.recoveryMinutes = event.recoveryMinutes().orElse(null);
    this.storageGb = event.storageGb().orElse(null);
    this.receivedAt = receivedAt;
  }

  /** The event as the cost engine reads it. */
  public JobEvent toJobEvent() {
    return new JobEvent(
        type,
        at,
        Optional.ofNullable(step),
        Optional.ofNullable(stage),
        Optional.ofNullable(recoveryMinutes),
        Optional.ofNullable(storageGb),
        idempotencyKey);
  }

  public Long id() {
    return id;
  }

  public long jobId() {
    return jobId;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public JobEventType type() {
    return type;
  }

  public Instant at() {
    return at;
  }

  public Instant receivedAt() {
    return receivedAt;
  }
}
