package com.costguard.application;

import com.costguard.model.user.ApiToken;
import com.costguard.model.user.Role;
import com.costguard.model.user.Secrets;
import com.costguard.model.user.User;
import com.costguard.model.user.UserRepository;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The users port held in memory, for service tests without a database: ids assigned as {@code
 * AUTO_INCREMENT} would, usernames and e-mails compared regardless of case as the table's collation
 * does.
 */
class InMemoryUserRepository implements UserRepository {

  final List<User> stored = new ArrayList<>();
  final List<ApiToken> tokens = new ArrayList<>();
  private long lastId;

  @Override
  public List<User> list() {
    return List.copyOf(stored);
  }

  @Override
  public Optional<User> byId(long id) {
    return stored.stream().filter(u -> u.id() == id).findFirst();
  }

  @Override
  public Optional<User> byIdForUpdate(long id) {
    return byId(id);
  }

  @Override
  public Optional<User> byUsername(String username) {
    return stored.stream().filter(u -> u.username().equalsIgnoreCase(username)).findFirst();
  }

  @Override
  public Optional<User> byEmail(String email) {
    return stored.stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
  }

  @Override
  public Optional<User> bySlackUserId(String slackUserId) {
    return stored.stream()
        .filter(u -> u.slackUserId().filter(slackUserId::equalsIgnoreCase).isPresent())
        .findFirst();
  }

  @Override
  public List<User> withRoleForUpdate(Role role) {
    return stored.stream().filter(u -> u.hasRole(role)).toList();
  }

  @Override
  public Optional<ApiToken> tokenByHash(String tokenHash) {
    return tokens.stream().filter(t -> hashOf(t).equals(tokenHash)).findFirst();
  }

  @Override
  public boolean hasTokens(User user) {
    return tokens.stream().anyMatch(t -> t.user() == user);
  }

  @Override
  public void add(User user) {
    try {
      Field id = User.class.getDeclaredField("id");
      id.setAccessible(true);
      id.set(user, ++lastId);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    stored.add(user);
  }

  @Override
  public List<ApiToken> tokensOf(User user) {
    return tokens.stream().filter(t -> t.user() == user).toList();
  }

  @Override
  public Optional<ApiToken> tokenById(long id) {
    return tokens.stream().filter(t -> t.id() != null && t.id() == id).findFirst();
  }

  @Override
  public void remove(ApiToken token) {
    tokens.remove(token);
  }

  @Override
  public void add(ApiToken token) {
    try {
      Field id = ApiToken.class.getDeclaredField("id");
      id.setAccessible(true);
      id.set(token, (long) tokens.size() + 1);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    tokens.add(token);
  }

  @Override
  public void flush() {}

  /** What the database keeps of a token: its hash, never the token ({@link Secrets#tokenHash}). */
  static String hashOf(ApiToken token) {
    try {
      Field hash = ApiToken.class.getDeclaredField("tokenHash");
      hash.setAccessible(true);
      return (String) hash.get(token);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
