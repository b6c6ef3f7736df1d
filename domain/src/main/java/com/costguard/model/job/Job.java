package com.costguard.model.job;

import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.job.JobActivity;
import com.costguard.cost.job.JobSpec;
import com.costguard.cost.job.Pricing;
import com.costguard.model.user.User;
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
import java.util.List;
import java.util.Optional;

/**
 * A long-running metered job (SPEC §1), typically a GPU training run. Its cost is never stored
 * while it runs: the cost engine computes it from the job's {@link ReportedJobEvent events}. Once
 * the job ends, its final cost is locked here.
 *
 * <p>Not kept in the shared cache: several instances share one database (SPEC §7), and a status
 * read from a stale cache would take events for a job another instance has just ended.
 */
@Entity
@Table(name = "jobs")
@Cacheable(false)
public class Job {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "external_id", nullable = false, unique = true)
  private String externalId;

  @Column(nullable = false)
  private String name;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  private String client;
  private String project;
  private String team;
  private String provider;

  @Column(name = "gpu_type")
  private String gpuType;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Pricing pricing;

  @Column(name = "hourly_rate", nullable = false, precision = 19, scale = 6)
  private BigDecimal hourlyRate;

  @Column(name = "on_demand_hourly_rate", nullable = false, precision = 19, scale = 6)
  private BigDecimal onDemandHourlyRate;

  @Column(name = "estimate_min", nullable = false, precision = 19, scale = 6)
  private BigDecimal estimateMin;

  @Column(name = "estimate_max", nullable = false, precision = 19, scale = 6)
  private BigDecimal estimateMax;

  @Column(name = "total_steps", nullable = false)
  private long totalSteps;

  @Column(name = "control_url")
  private String controlUrl;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private JobStatus status;

  @Column(name = "cancel_requested", nullable = false)
  private boolean cancelRequested;

  @Column(name = "cancelled_by")
  private String cancelledBy;

  @Column(name = "final_cost", precision = 19, scale = 6)
  private BigDecimal finalCost;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  /**
   * When its first and its last event happened, once the job has finished (V26): a period that
   * holds both counts the job with its final cost, so reads at scale sum these columns instead of
   * replaying every job's events ({@link JobRepository#settledTotal}).
   */
  @Column(name = "first_event_at")
  private Instant firstEventAt;

  @Column(name = "last_event_at")
  private Instant lastEventAt;

  /** Whether the job's days are in the daily rollups (V28): set once it has finished. */
  @Column(name = "days_rolled_up", nullable = false)
  private boolean daysRolledUp;

  protected Job() {}

  /**
   * A queued job from a validated announcement.
   *
   * @param createdBy the creator: the one the runner named, else the caller
   */
  public Job(NewJob job, String createdBy, Pricing pricing, Instant createdAt) {
    this.externalId = job.externalId();
    this.name = job.name();
    this.createdBy = createdBy;
    this.client = job.client().orElse(null);
    this.project = job.project().orElse(null);
    this.team = job.team().orElse(null);
    this.provider = job.provider().orElse(null);
    this.gpuType = job.gpuType().orElse(null);
    this.pricing = pricing;
    this.hourlyRate = job.hourlyRate();
    this.onDemandHourlyRate = job.onDemandHourlyRate().orElse(job.hourlyRate());
    this.estimateMin = job.estimateMin();
    this.estimateMax = job.estimateMax();
    this.totalSteps = job.totalSteps();
    this.controlUrl = job.controlUrl().orElse(null);
    this.status = JobStatus.QUEUED;
    this.createdAt = createdAt;
  }

  /** What the cost engine needs: storage included, the default finalization overhead. */
  public JobSpec spec() {
    return JobSpec.of(
        pricing, hourlyRate, onDemandHourlyRate, estimateMin, estimateMax, totalSteps);
  }

  /**
   * Follows what the job's events add up to: its status, and once it has ended, when it ended and
   * its final cost, locked from then on.
   */
  public void follow(JobActivity activity, BigDecimal currentCost) {
    status = JobStatus.of(activity.state());
    if (status.isFinished()) {
      endedAt = activity.endedAt().orElse(activity.asOf());
      finalCost = currentCost;
    }
  }

  /** Marks the job cancelled at {@code at} with its cost then, and asks its runner to stop. */
  public void cancel(String by, Instant at, BigDecimal costThen) {
    status = JobStatus.CANCELLED;
    cancelRequested = true;
    cancelledBy = by;
    endedAt = at;
    finalCost = costThen;
  }

  /**
   * Keeps the span of a finished job's events, which {@link #settledIn} reads. A job that never
   * started cost nothing in any period and has none: the cost engine leaves it out of every period
   * ({@code JobAccrual#ranIn}), and so do the reads.
   *
   * @param activity the job's events replayed
   * @param events every event of the job
   */
  public void settle(JobActivity activity, List<ReportedJobEvent> events) {
    if (status.isFinished() && activity.startedAt().isPresent()) {
      firstEventAt =
          events.stream().map(ReportedJobEvent::at).min(Instant::compareTo).orElseThrow();
      lastEventAt = events.stream().map(ReportedJobEvent::at).max(Instant::compareTo).orElseThrow();
    }
  }

  /**
   * Whether the job's cost in {@code period} is simply its final cost: it has finished and every
   * event of it happened inside the period, after its start and before its end. (The cost engine
   * then costs it from zero to the final cost within the period: {@code JobAccrual#in}.) The rule
   * the database applies to the stored span, {@code JpaJobRepository}, in Java.
   */
  public boolean settledIn(BudgetPeriod period) {
    if (finalCost == null || firstEventAt == null || !status.isFinished()) {
      return false;
    }
    boolean afterStart = period.start().equals(Instant.MIN) || firstEventAt.isAfter(period.start());
    return afterStart && period.end().map(lastEventAt::isBefore).orElse(true);
  }

  /**
   * Renames the job and moves it to another client, project and team (a validated {@link JobEdit}).
   * Its cost is not stored per attribution, so everything it has cost follows it.
   */
  public void edit(JobEdit edit) {
    name = edit.name();
    client = edit.client().orElse(null);
    project = edit.project().orElse(null);
    team = edit.team().orElse(null);
  }

  /** Whether {@code user} created the job: the creator is named by username or e-mail. */
  public boolean isCreatedBy(User user) {
    return createdBy.equals(user.username()) || createdBy.equalsIgnoreCase(user.email());
  }

  /** Whether the job's days are in the daily rollups ({@code JobRepository#addDays}). */
  public boolean daysRolledUp() {
    return daysRolledUp;
  }

  /** Records that the job's days are in the daily rollups now. */
  public void rollDaysUp() {
    daysRolledUp = true;
  }

  public Long id() {
    return id;
  }

  public String externalId() {
    return externalId;
  }

  public String name() {
    return name;
  }

  public String createdBy() {
    return createdBy;
  }

  public Optional<String> client() {
    return Optional.ofNullable(client);
  }

  public Optional<String> project() {
    return Optional.ofNullable(project);
  }

  public Optional<String> team() {
    return Optional.ofNullable(team);
  }

  public Optional<String> provider() {
    return Optional.ofNullable(provider);
  }

  public Optional<String> gpuType() {
    return Optional.ofNullable(gpuType);
  }

  public Pricing pricing() {
    return pricing;
  }

  public BigDecimal hourlyRate() {
    return hourlyRate;
  }

  public BigDecimal onDemandHourlyRate() {
    return onDemandHourlyRate;
  }

  public BigDecimal estimateMin() {
    return estimateMin;
  }

  public BigDecimal estimateMax() {
    return estimateMax;
  }

  public long totalSteps() {
    return totalSteps;
  }

  public Optional<String> controlUrl() {
    return Optional.ofNullable(controlUrl);
  }

  public JobStatus status() {
    return status;
  }

  public boolean cancelRequested() {
    return cancelRequested;
  }

  public Optional<String> cancelledBy() {
    return Optional.ofNullable(cancelledBy);
  }

  public Optional<BigDecimal> finalCost() {
    return Optional.ofNullable(finalCost);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> endedAt() {
    return Optional.ofNullable(endedAt);
  }

  public Optional<Instant> firstEventAt() {
    return Optional.ofNullable(firstEventAt);
  }

  public Optional<Instant> lastEventAt() {
    return Optional.ofNullable(lastEventAt);
  }
}
