package com.costguard.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A person who signs in to the portal, calls the API with a token, or acts in Slack. */
@Entity
@Table(name = "users")
public class User {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String username;

  @Column(nullable = false, unique = true)
  private String email;

  @Column(nullable = false)
  private String name;

  @Column(name = "password_hash")
  private String passwordHash;

  /** Comma-separated {@link Role} names. */
  @Column(nullable = false)
  private String roles;

  @Column(name = "slack_user_id")
  private String slackUserId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected User() {}

  public User(
      String username,
      String email,
      String name,
      Set<Role> roles,
      String passwordHash,
      Instant createdAt) {
    this.username = username;
    this.email = email;
    this.name = name;
    this.roles = joined(roles);
    this.passwordHash = passwordHash;
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String email() {
    return email;
  }

  public String name() {
    return name;
  }

  public Optional<String> passwordHash() {
    return Optional.ofNullable(passwordHash);
  }

  public Set<Role> roles() {
    if (roles.isBlank()) {
      return EnumSet.noneOf(Role.class);
    }
    return Arrays.stream(roles.split(","))
        .map(Role::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
  }

  public boolean hasRole(Role role) {
    return roles().contains(role);
  }

  /** Whether any of the user's roles may change data. */
  public boolean canWrite() {
    return roles().stream().anyMatch(Role::canWrite);
  }

  public Optional<String> slackUserId() {
    return Optional.ofNullable(slackUserId);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public void rename(String name) {
    this.name = name;
  }

  /** Replaces the user's roles; {@code UserService} sees to it that some remain. */
  public void assignRoles(Set<Role> roles) {
    this.roles = joined(roles);
  }

  public void changePassword(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  /** The Slack user this user is in Slack (SPEC §3), or none: Slack then matches by e-mail. */
  public void mapToSlackUser(Optional<String> slackUserId) {
    this.slackUserId = slackUserId.orElse(null);
  }

  private static String joined(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
  }
}
