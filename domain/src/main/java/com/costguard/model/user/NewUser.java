package com.costguard.model.user;

import java.util.List;
import java.util.Optional;

/**
 * A user as an ADMIN describes one, before it is accepted. Values are as given, not yet checked:
 * {@code email}, {@code name} and {@code roles} are null when missing, and {@code UserService}
 * validates them.
 *
 * @param username the portal sign-in name; the e-mail when absent
 * @param roles {@link Role} names as sent
 * @param password for portal sign-in; without one the user only calls the API or acts in Slack
 * @param slackUserId the user's Slack id, when Slack should not match the user by e-mail
 */
public record NewUser(
    Optional<String> username,
    String email,
    String name,
    List<String> roles,
    Optional<String> password,
    Optional<String> slackUserId) {

  /** The sign-in name the user gets: the one given, else the e-mail. */
  public String usernameOrEmail() {
    return username.orElse(email);
  }

  /** Without the password, which must never reach a log. */
  @Override
  public String toString() {
    return "NewUser[username=%s, email=%s, name=%s, roles=%s, password=%s, slackUserId=%s]"
        .formatted(
            username,
            email,
            name,
            roles,
            password.map(p -> "(given)").orElse("(none)"),
            slackUserId);
  }
}
