package com.costguard.model.user;

import java.util.List;
import java.util.Optional;

/**
 * What an ADMIN changes of a user: each field given replaces the user's, each left empty stays.
 * Values are as given, not yet checked ({@code UserService} validates them).
 *
 * @param roles {@link Role} names as sent; they replace the user's roles whole
 * @param slackUserId empty: unchanged; holding an empty {@code Optional}: the mapping is removed
 *     (Slack matches the user by e-mail again); holding an id: the user is mapped to it
 */
public record UserChanges(
    Optional<String> name,
    Optional<List<String>> roles,
    Optional<String> password,
    Optional<Optional<String>> slackUserId) {

  public static UserChanges none() {
    return new UserChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Without the password, which must never reach a log. */
  @Override
  public String toString() {
    return "UserChanges[name=%s, roles=%s, password=%s, slackUserId=%s]"
        .formatted(name, roles, password.map(p -> "(given)").orElse("(unchanged)"), slackUserId);
  }
}
