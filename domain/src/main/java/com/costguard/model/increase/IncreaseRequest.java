package com.costguard.model.increase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** A request to raise a budget's limit (SPEC §2 "Budget increases"). */
@Entity
@Table(name = "increase_requests")
public class IncreaseRequest {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "budget_id", nullable = false)
  private long budgetId;

  @Column(name = "current_limit", nullable = false, precision = 19, scale = 6)
  private BigDecimal currentLimit;

  @Column(name = "new_limit", nullable = false, precision = 19, scale = 6)
  private BigDecimal newLimit;

  @Column(nullable = false)
  private String justification;

  @Column(name = "requested_by", nullable = false)
  private String requestedBy;

  /** Who must decide; null for any user with the APPROVER role. */
  @Column(name = "approver")
  private String approver;

  /** The {@link IncreaseStatus#apiName()}. */
  @Column(nullable = false)
  private String status;

  @Column(name = "reason")
  private String reason;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  protected IncreaseRequest() {}

  public IncreaseRequest(
      long budgetId,
      BigDecimal currentLimit,
      BigDecimal newLimit,
      String justification,
      String requestedBy,
      Optional<String> approver,
      IncreaseStatus status,
      Instant createdAt,
      Instant expiresAt) {
    this.budgetId = budgetId;
    this.currentLimit = Objects.requireNonNull(currentLimit);
    this.newLimit = Objects.requireNonNull(newLimit);
    this.justification = Objects.requireNonNull(justification);
    this.requestedBy = Objects.requireNonNull(requestedBy);
    this.approver = approver.orElse(null);
    this.status = status.apiName();
    this.createdAt = stored(createdAt);
    this.expiresAt = stored(expiresAt);
  }

  /** Records a decision (or expiry) of a pending request. */
  public void decide(
      IncreaseStatus outcome, Optional<String> by, Optional<String> why, Instant at) {
    if (status() != IncreaseStatus.PENDING) {
      throw new IllegalStateException("request " + id + " is " + status);
    }
    this.status = outcome.apiName();
    this.decidedBy = by.orElse(null);
    this.reason = why.orElse(null);
    this.decidedAt = stored(at);
  }

  /** To the microsecond, as {@code DATETIME(6)} keeps it. */
  private static Instant stored(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  public Long id() {
    return id;
  }

  public long budgetId() {
    return budgetId;
  }

  public BigDecimal currentLimit() {
    return currentLimit;
  }

  public BigDecimal newLimit() {
    return newLimit;
  }

  public String justification() {
    return justification;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public Optional<String> approver() {
    return Optional.ofNullable(approver);
  }

  public IncreaseStatus status() {
    return IncreaseStatus.fromApiName(status).orElseThrow();
  }

  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  public Optional<String> decidedBy() {
    return Optional.ofNullable(decidedBy);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Optional<Instant> decidedAt() {
    return Optional.ofNullable(decidedAt);
  }
}
