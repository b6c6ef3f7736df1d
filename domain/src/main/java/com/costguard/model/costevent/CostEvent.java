package com.costguard.model.costevent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** A discrete metered operation (an LLM call, an API fee) with its exact cost. */
@Entity
@Table(name = "cost_events")
public class CostEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "idempotency_key", nullable = false, unique = true)
  private String idempotencyKey;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "operation_type", nullable = false)
  private String operationType;

  @Column(nullable = false, precision = 19, scale = 6)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(precision = 19, scale = 6)
  private BigDecimal units;

  @Column(name = "unit_type")
  private String unitType;

  private String client;
  private String project;
  private String team;

  @Column(name = "user_name")
  private String user;

  private String provider;
  private String mode;

  @Column(name = "session_id")
  private String sessionId;

  @Column(name = "job_id")
  private Long jobId;

  @Column(name = "list_cost", precision = 19, scale = 6)
  private BigDecimal listCost;

  @Column(name = "reused_from")
  private String reusedFrom;

  private String metadata;

  protected CostEvent() {}

  /** An accepted event priced at {@code amount} in {@code currency}. */
  public CostEvent(NewCostEvent event, BigDecimal amount, String currency, Instant receivedAt) {
    this.idempotencyKey = event.idempotencyKey();
    this.occurredAt = event.occurredAt();
    this.receivedAt = receivedAt;
    this.operationType = event.operationType();
    this.amount = amount;
    this.currency = currency;
    this.units = event.units().orElse(null);
    this.unitType = event.unitType().orElse(null);
    Attribution a = event.attribution();
    this.client = a.client().orElse(null);
    this.project = a.project().orElse(null);
    this.team = a.team().orElse(null);
    this.user = a.user().orElse(null);
    this.provider = a.provider().orElse(null);
    this.mode = a.mode().orElse(null);
    this.sessionId = a.sessionId().orElse(null);
    this.jobId = a.jobId().orElse(null);
    this.listCost = event.listCost().orElse(null);
    this.reusedFrom = event.reusedFrom().orElse(null);
    this.metadata = event.metadataJson().orElse(null);
  }

  public Long id() {
    return id;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public String operationType() {
    return operationType;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  public Optional<BigDecimal> units() {
    return Optional.ofNullable(units);
  }

  public Optional<String> unitType() {
    return Optional.ofNullable(unitType);
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

  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  public Optional<String> provider() {
    return Optional.ofNullable(provider);
  }

  public Optional<String> mode() {
    return Optional.ofNullable(mode);
  }

  public Optional<String> sessionId() {
    return Optional.ofNullable(sessionId);
  }

  public Optional<Long> jobId() {
    return Optional.ofNullable(jobId);
  }

  public Optional<BigDecimal> listCost() {
    return Optional.ofNullable(listCost);
  }

  public Optional<String> reusedFrom() {
    return Optional.ofNullable(reusedFrom);
  }

  public Optional<String> metadata() {
    return Optional.ofNullable(metadata);
  }
}
