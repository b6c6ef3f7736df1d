package com.costguard.application;

import com.costguard.model.user.ApiToken;
import com.costguard.model.user.PasswordHash;
import com.costguard.model.user.Role;
import com.costguard.model.user.Secrets;
import com.costguard.model.user.User;
import com.costguard.model.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;

/** Who is calling: portal sign-in by password, API calls by bearer token. */
@ApplicationScoped
public class UserService {

  public static final String ADMIN = "admin";

  @Inject UserRepository users;
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

  public Optional<User> byUsername(String username) {
    return users.byUsername(username);
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
}
