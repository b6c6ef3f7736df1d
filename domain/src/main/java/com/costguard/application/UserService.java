package com.costguard.application;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.model.user.ApiToken;
import com.costguard.model.user.NewUser;
import com.costguard.model.user.PasswordHash;
import com.costguard.model.user.Role;
import com.costguard.model.user.Secrets;
import com.costguard.model.user.User;
import com.costguard.model.user.UserChanges;
import com.costguard.model.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who is calling (portal sign-in by password, API calls by bearer token), and the users an ADMIN
 * manages (SPEC §4 and §5): their roles, their Slack mapping, their password and their API tokens.
 *
 * <p>Passwords are kept as PBKDF2 hashes ({@link PasswordHash}) and API tokens as SHA-256 hashes
 * ({@link Secrets#tokenHash}): a new token is shown once, in the answer that issues it. The
 * installation always keeps an ADMIN.
 */
@ApplicationScoped
public class UserService {

  public static final String ADMIN = "admin";

  static final int MIN_PASSWORD = 12;

  /** Generous for a passphrase, small enough that hashing it costs what any password does. */
  static final int MAX_PASSWORD = 1024;

  /** The label of a token issued without one. */
  static final String DEFAULT_TOKEN_LABEL = "api";

  /** Something that looks like an address Slack and a mail server could know: name@host.domain. */
  private static final Pattern EMAIL =
      Pattern.compile(
          "[^@\\s]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");

  /** Slack user ids: U (or W on Enterprise Grid) and capital letters and digits, e.g. U024BE7LH. */
  private static final Pattern SLACK_USER_ID = Pattern.compile("[UW][A-Z0-9]{2,49}");

  private static final String ROLES =
      Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "));

  @Inject UserRepository users;
  @Inject UserWriter writer;
  @Inject Clock clock;

  public Optional<User> authenticate(String username, char[] password) {
    Optional<User> user = users.byUsername(username).filter(u -> u.passwordHash().isPresent());
    if (user.isEmpty()) {
      PasswordHash.checkDecoy(password);
      return Optional.empty();
    }
    return user.filter(u -> PasswordHash.matches(password, u.passwordHash().get()));
  }

  public Optional<User> byToken(String token) {
    return users.tokenByHash(Secrets.tokenHash(token)).map(ApiToken::user);
  }

  @Transactional // also for the outbox dispatcher's channels, outside any request
  public Optional<User> byUsername(String username) {
    return users.byUsername(username);
  }

  /** The user an ADMIN mapped to this Slack user id (SPEC §3). */
  @Transactional
  public Optional<User> bySlackUserId(String slackUserId) {
    return users.bySlackUserId(slackUserId);
  }

  /** The user with this e-mail (any case): how Slack users are matched when not mapped by id. */
  @Transactional
  public Optional<User> byEmail(String email) {
    return users.byEmail(email);
  }

  /**
   * Every user, oldest first.
   *
   * @throws RequestRefusedException FORBIDDEN unless the actor is an ADMIN
   */
  public List<User> list(User actor) {
    mayManageUsers(actor);
    return users.list();
  }

  /**
   * @throws RequestRefusedException FORBIDDEN unless the actor is an ADMIN, NOT_FOUND for an
   *     unknown id
   */
  public User get(User actor, long id) {
    mayManageUsers(actor);
    return users.byId(id).orElseThrow(() -> notFound(id));
  }

  /**
   * Adds a user. The username is the e-mail unless one is given; without a password the user cannot
   * sign in to the portal, but may still be given API tokens and act in Slack.
   *
   * @throws RequestRefusedException FORBIDDEN unless the actor is an ADMIN, VALIDATION naming an
   *     invalid field, CONFLICT naming the e-mail, username or Slack id another user has
   */
  public User create(User actor, NewUser user) {
    mayManageUsers(actor);
    Set<Role> roles = validate(user);
    Optional<String> passwordHash = user.password().map(p -> PasswordHash.of(p.toCharArray()));
    try {
      return writer.create(entity(user, roles, passwordHash));
    } catch (PersistenceException raced) {
      // Another request took the e-mail, username or Slack id between our look-up and our
      // insert; the second pass finds it and answers with the conflict.
      return writer.create(entity(user, roles, passwordHash));
    }
  }

  /**
   * Changes a user's name, roles, password or Slack mapping: each field given replaces the user's.
   * Nobody may take the ADMIN role from the installation's last ADMIN.
   *
   * @throws RequestRefusedException FORBIDDEN unless the actor is an ADMIN, NOT_FOUND for an
   *     unknown id, VALIDATION naming an invalid field, CONFLICT naming {@code roles} when no ADMIN
   *     would remain or {@code slackUserId} when that id is another user's
   */
  public User update(User actor, long id, UserChanges changes) {
    mayManageUsers(actor);
    changes.name().ifPresent(name -> CostEventService.text("name", Optional.of(name), true));
    Optional<Set<Role>> roles = changes.roles().map(UserService::roles);
    changes.password().ifPresent(UserService::password);
    changes.slackUserId().flatMap(s -> s).ifPresent(UserService::slackUserId);
    UserWriter.Change change =
        new UserWriter.Change(
            changes.name(),
            roles,
            changes.password().map(p -> PasswordHash.of(p.toCharArray())),
            changes.slackUserId());
    try {
      return writer.update(id, change);
    } catch (PersistenceException raced) {
      // Another request took the Slack id at once, or two ADMINs demoting each other deadlocked
      // and this one was rolled back: the second pass sees what the other committed.
      return writer.update(id, change);
    }
  }

  /**
   * Issues a new API token to the user: the answer is the only place it is ever shown; it is stored
   * as its SHA-256 hash. The user's other tokens keep working.
   *
   * @param label what the token is for, e.g. the runner using it; {@value #DEFAULT_TOKEN_LABEL}
   *     when empty or blank
   * @throws RequestRefusedException FORBIDDEN unless the actor is an ADMIN, NOT_FOUND for an
   *     unknown id, VALIDATION naming {@code label} when it is too long
   */
  @Transactional
  public IssuedToken issueToken(User actor, long id, Optional<String> label) {
    mayManageUsers(actor);
    CostEventService.text("label", label, false);
    String labelled = label.filter(l -> !l.isBlank()).orElse(DEFAULT_TOKEN_LABEL);
    User user = users.byId(id).orElseThrow(() -> notFound(id));
    String token = Secrets.generate("cg_", 24);
    Instant now = now();
    users.add(new ApiToken(user, Secrets.tokenHash(token), labelled, now));
    users.flush();
    return new IssuedToken(id, token, labelled, now);
  }

  /**
   * The user's API tokens, oldest first: labels and dates only, the tokens themselves are never
   * kept.
   *
   * @throws RequestRefusedException FORBIDDEN unless the actor is an ADMIN, NOT_FOUND for an
   *     unknown user
   */
  public List<ApiToken> tokens(User actor, long userId) {
    mayManageUsers(actor);
    return users.tokensOf(users.byId(userId).orElseThrow(() -> notFound(userId)));
  }

  /**
   * Revokes one of the user's API tokens: calls with it are refused from now on.
   *
   * @throws RequestRefusedException FORBIDDEN unless the actor is an ADMIN, NOT_FOUND when the user
   *     has no such token
   */
  @Transactional
  public void revokeToken(User actor, long userId, long tokenId) {
    mayManageUsers(actor);
    ApiToken token =
        users
            .tokenById(tokenId)
            .filter(t -> t.user().id() == userId)
            .orElseThrow(
                () ->
                    new RequestRefusedException(
                        Reason.NOT_FOUND,
                        null,
                        "user %d has no API token %d".formatted(userId, tokenId)));
    users.remove(token);
  }

  /** Creates the bootstrap {@code admin} user with this password unless it exists already. */
  @Transactional
  public boolean ensureAdmin(String password) {
    if (users.byUsername(ADMIN).isPresent()) {
      return false;
    }
    users.add(
        new User(
            ADMIN,
            "admin@localhost",
            "Administrator",
            EnumSet.of(Role.ADMIN),
            PasswordHash.of(password.toCharArray()),
            clock.instant()));
    return true;
  }

  /**
   * Gives {@code username} a new random API token unless it has one; returns the token, which is
   * stored only as its hash.
   */
  @Transactional
  public Optional<String> firstToken(String username, String label) {
    User user = users.byUsername(username).orElseThrow();
    if (users.hasTokens(user)) {
      return Optional.empty();
    }
    String token = Secrets.generate("cg_", 24);
    users.add(new ApiToken(user, Secrets.tokenHash(token), label, clock.instant()));
    return Optional.of(token);
  }

  /** Registers {@code token} as an API token of {@code username} unless it is registered. */
  @Transactional
  public void ensureToken(String username, String token, String label) {
    String hash = Secrets.tokenHash(token);
    if (users.tokenByHash(hash).isEmpty()) {
      User user = users.byUsername(username).orElseThrow();
      users.add(new ApiToken(user, hash, label, clock.instant()));
    }
  }

  static RequestRefusedException notFound(long id) {
    return new RequestRefusedException(Reason.NOT_FOUND, null, "there is no user " + id);
  }

  private static void mayManageUsers(User actor) {
    if (!actor.hasRole(Role.ADMIN)) {
      throw new RequestRefusedException(
          Reason.FORBIDDEN, null, "only an ADMIN may manage users and their API tokens");
    }
  }

  /** The instant as {@code DATETIME(6)} keeps it, so an answer equals every later read. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private User entity(NewUser user, Set<Role> roles, Optional<String> passwordHash) {
    User entity =
        new User(
            user.usernameOrEmail(),
            user.email(),
            user.name(),
            roles,
            passwordHash.orElse(null),
            now());
    entity.mapToSlackUser(user.slackUserId());
    return entity;
  }

  /** Checks every field of a new user, in the order a body lists them; answers its roles. */
  private static Set<Role> validate(NewUser user) {
    email(user.email());
    user.username().ifPresent(UserService::username);
    CostEventService.text("name", Optional.ofNullable(user.name()), true);
    Set<Role> roles = roles(user.roles());
    user.password().ifPresent(UserService::password);
    user.slackUserId().ifPresent(UserService::slackUserId);
    return roles;
  }

  private static void email(String email) {
    if (email == null || email.isBlank()) {
      throw invalid("email", "email is required");
    }
    if (email.length() > CostEventService.MAX_TEXT) {
      throw invalid("email", "at most %d characters".formatted(CostEventService.MAX_TEXT));
    }
    if (!EMAIL.matcher(email).matches()) {
      throw invalid("email", "email must be an e-mail address, e.g. ada@example.com");
    }
  }

  private static void username(String username) {
    if (username.isBlank()) {
      throw invalid("username", "username must not be blank; leave it out to use the e-mail");
    }
    if (username.length() > CostEventService.MAX_TEXT) {
      throw invalid("username", "at most %d characters".formatted(CostEventService.MAX_TEXT));
    }
    if (!username.strip().equals(username)) {
      // People type their username at sign-in; nobody types the spaces around it.
      throw invalid("username", "username must not start or end with spaces");
    }
  }

  private static Set<Role> roles(List<String> names) {
    if (names == null) {
      throw invalid("roles", "roles is required: a list of one or more of " + ROLES);
    }
    if (names.isEmpty()) {
      throw invalid("roles", "a user needs at least one role of " + ROLES);
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String field = "roles[" + i + "]";
      roles.add(
          Arrays.stream(Role.values())
              .filter(r -> r.name().equals(name))
              .findFirst()
              .orElseThrow(() -> invalid(field, "a role is one of " + ROLES)));
    }
    return roles;
  }

  private static void password(String password) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_PASSWORD) {
      throw invalid("password", "a password has at least %d characters".formatted(MIN_PASSWORD));
    }
    if (length > MAX_PASSWORD) {
      throw invalid("password", "at most %d characters".formatted(MAX_PASSWORD));
    }
  }

  private static void slackUserId(String slackUserId) {
    if (!SLACK_USER_ID.matcher(slackUserId).matches()) {
      throw invalid(
          "slackUserId",
          "slackUserId must be a Slack user id: U or W and capital letters and digits, e.g."
              + " U024BE7LH");
    }
  }
}
