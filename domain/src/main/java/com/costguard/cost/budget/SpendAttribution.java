package com.costguard.cost.budget;

import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a cost's attribution a budget scope can filter on. A blank value is the same as no
 * value: it names nobody.
 */
public record SpendAttribution(
    Optional<String> client,
    Optional<String> project,
    Optional<String> team,
    Optional<String> provider) {

  public SpendAttribution {
    client = named(client, "client");
    project = named(project, "project");
    team = named(team, "team");
    provider = named(provider, "provider");
  }

  public static SpendAttribution none() {
    return new SpendAttribution(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** For callers holding nullable columns: {@code null} is no value. */
  public static SpendAttribution ofNullable(
      String client, String project, String team, String provider) {
    return new SpendAttribution(
        Optional.ofNullable(client),
        Optional.ofNullable(project),
        Optional.ofNullable(team),
        Optional.ofNullable(provider));
  }

  static Optional<String> named(Optional<String> value, String part) {
    return Objects.requireNonNull(value, part).filter(v -> !v.isBlank());
  }
}
