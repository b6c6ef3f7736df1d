package com.costguard.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bearer token for the REST API, stored only as its SHA-256 hash; acts as its user. */
@Entity
@Table(name = "api_tokens")
public class ApiToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "user_id")
  private User user;

  @Column(name = "token_hash", nullable = false, unique = true)
  private String tokenHash;

  @Column(nullable = false)
  private String label;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ApiToken() {}

  public ApiToken(User user, String tokenHash, String label, Instant createdAt) {
    this.user = user;
    this.tokenHash = tokenHash;
    this.label = label;
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public User user() {
    return user;
  }

  public String label() {
    return label;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
