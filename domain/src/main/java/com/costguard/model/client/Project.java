package com.costguard.model.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A client's project (SPEC §2): its revenue and other costs are entered by people, its training
 * cost is what its jobs cost. Jobs and cost events name it in their {@code project} field by its
 * {@link #code()}, else by its {@link #name()}.
 */
@Entity
@Table(name = "projects")
public class Project {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "client_id", nullable = false)
  private long clientId;

  @Column(nullable = false)
  private String code;

  @Column(name = "start_date")
  private LocalDate startDate;

  @Column(name = "end_date")
  private LocalDate endDate;

  @Column(name = "projected_revenue", precision = 19, scale = 6)
  private BigDecimal projectedRevenue;

  @Column(name = "other_costs", nullable = false, precision = 19, scale = 6)
  private BigDecimal otherCosts;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Project() {}

  /** A project from validated details (client id present, other costs defaulted). */
  public Project(ProjectDetails details, Instant at) {
    change(details);
    this.createdAt = at;
  }

  /** Replaces what people entered from validated details; the id and creation time stay. */
  public void change(ProjectDetails details) {
    this.name = details.name();
    this.clientId = details.clientId();
    this.code = details.code();
    this.startDate = details.startDate().orElse(null);
    this.endDate = details.endDate().orElse(null);
    this.projectedRevenue = details.projectedRevenue().orElse(null);
    this.otherCosts = details.otherCosts().orElse(BigDecimal.ZERO);
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public long clientId() {
    return clientId;
  }

  public String code() {
    return code;
  }

  public Optional<LocalDate> startDate() {
    return Optional.ofNullable(startDate);
  }

  public Optional<LocalDate> endDate() {
    return Optional.ofNullable(endDate);
  }

  public Optional<BigDecimal> projectedRevenue() {
    return Optional.ofNullable(projectedRevenue);
  }

  public BigDecimal otherCosts() {
    return otherCosts;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
