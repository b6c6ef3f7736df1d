package com.costguard.application;

import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import com.costguard.model.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;

/**
 * Stores a validated user, or a validated change of one, in one transaction. What must be unique
 * (username, e-mail, Slack id) is looked up first so that a clash is answered as a conflict naming
 * the field; the unique keys catch the clash of two requests at once, which {@link UserService}
 * then answers the same way.
 */
@ApplicationScoped
public class UserWriter {

  @Inject UserRepository users;

  /** A change that {@link UserService} has validated, with the new password already hashed. */
  public record Change(
      Optional<String> name,
      Optional<Set<Role>> roles,
      Optional<String> passwordHash,
      Optional<Optional<String>> slackUserId) {

    boolean removesRole(User user, Role role) {
      return user.hasRole(role) && roles.filter(r -> !r.contains(role)).isPresent();
    }
  }

  /**
   * @throws RequestRefusedException CONFLICT naming the e-mail, username or Slack id taken
   */
  @Transactional
  public User create(User user) {
    users
        .byEmail(user.email())
        .ifPresent(
            other -> {
              throw new RequestRefusedException(
                  Reason.CONFLICT,
                  "email",
                  "a user with e-mail '%s' exists".formatted(user.email()));
            });
    users
        .byUsername(user.username())
        .ifPresent(
            other -> {
              throw new RequestRefusedException(
                  Reason.CONFLICT,
                  "username",
                  "a user named '%s' exists".formatted(user.username()));
            });
    user.slackUserId().ifPresent(slack -> slackUserIdFree(slack, null));
    users.add(user);
    users.flush();
    return user;
  }

  /**
   * Changes the user with its row locked. Taking the ADMIN role away also locks every ADMIN's row:
   * the installation always keeps one ADMIN, even when two ADMINs demote each other at once.
   *
   * @throws RequestRefusedException NOT_FOUND for an unknown id, CONFLICT when the Slack id is
   *     another user's or the change would leave no ADMIN
   */
  @Transactional
  public User update(long id, Change change) {
    User user = users.byIdForUpdate(id).orElseThrow(() -> UserService.notFound(id));
    change.slackUserId().flatMap(s -> s).ifPresent(slack -> slackUserIdFree(slack, user));
    if (change.removesRole(user, Role.ADMIN)
        && users.withRoleForUpdate(Role.ADMIN).stream().allMatch(a -> a.id().equals(id))) {
      throw new RequestRefusedException(
          Reason.CONFLICT,
          "roles",
          "'%s' is the last ADMIN: give another user the ADMIN role first"
              .formatted(user.username()));
    }
    change.name().ifPresent(user::rename);
    change.roles().ifPresent(user::assignRoles);
    change.passwordHash().ifPresent(user::changePassword);
    change.slackUserId().ifPresent(user::mapToSlackUser);
    users.flush();
    return user;
  }

  private void slackUserIdFree(String slackUserId, User except) {
    users
        .bySlackUserId(slackUserId)
        .filter(other -> except == null || !other.id().equals(except.id()))
        .ifPresent(
            other -> {
              throw new RequestRefusedException(
                  Reason.CONFLICT,
                  "slackUserId",
                  "Slack user %s is mapped to '%s' already"
                      .formatted(slackUserId, other.username()));
            });
  }
}
