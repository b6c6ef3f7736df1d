package com.costguard.model.client;

import com.costguard.cost.attribution.PriorityTier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A client whose work is attributed to it (SPEC §2). Jobs and cost events name it in their {@code
 * client} field by its {@link #code()}, else by its {@link #name()}.
 */
@Entity
@Table(name = "clients")
public class Client {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String code;

  private String industry;

  @Enumerated(EnumType.STRING)
  @Column(name = "priority_tier", nullable = false)
  private PriorityTier priorityTier;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Client() {}

  public Client(
      String name, String code, Optional<String> industry, PriorityTier tier, Instant at) {
    change(name, code, industry, tier);
    this.createdAt = at;
  }

  /** Replaces what people entered; the id and creation time stay. */
  public void change(String name, String code, Optional<String> industry, PriorityTier tier) {
    this.name = name;
    this.code = code;
    this.industry = industry.orElse(null);
    this.priorityTier = tier;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String code() {
    return code;
  }

  public Optional<String> industry() {
    return Optional.ofNullable(industry);
  }

  public PriorityTier priorityTier() {
    return priorityTier;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
