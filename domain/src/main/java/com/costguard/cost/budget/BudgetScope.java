package com.costguard.cost.budget;

import java.util.Optional;

/**
 * Which spend a budget counts: every part that is set must equal the spend's (exactly,
 * case-sensitive, as stored); a part that is not set matches anything. A scope with no part set is
 * the whole organisation. Spend that lacks a part the scope sets (no client, say) does not match: a
 * budget for client "acme" does not count unattributed spend.
 */
public record BudgetScope(
    Optional<String> client,
    Optional<String> project,
    Optional<String> team,
    Optional<String> provider) {

  public BudgetScope {
    client = SpendAttribution.named(client, "client");
    project = SpendAttribution.named(project, "project");
    team = SpendAttribution.named(team, "team");
    provider = SpendAttribution.named(provider, "provider");
  }

  public static BudgetScope wholeOrganisation() {
    return new BudgetScope(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** For callers holding nullable columns: {@code null} (or blank) matches anything. */
  public static BudgetScope ofNullable(
      String client, String project, String team, String provider) {
    return new BudgetScope(
        Optional.ofNullable(client),
        Optional.ofNullable(project),
        Optional.ofNullable(team),
        Optional.ofNullable(provider));
  }

  public boolean isWholeOrganisation() {
    return client.isEmpty() && project.isEmpty() && team.isEmpty() && provider.isEmpty();
  }

  public boolean matches(SpendAttribution spend) {
    return admits(client, spend.client())
        && admits(project, spend.project())
        && admits(team, spend.team())
        && admits(provider, spend.provider());
  }

  private static boolean admits(Optional<String> required, Optional<String> actual) {
    return required.isEmpty() || required.equals(actual);
  }
}
