package com.costguard.model.user;

import java.util.List;
import java.util.Optional;

/**
 * Users and their API tokens. Usernames and e-mails are unique regardless of case, as the database
 * compares them; a Slack id belongs to one user at most.
 */
public interface UserRepository {

  /** Every user, oldest first. */
  List<User> list();

  Optional<User> byId(long id);

  /** The user, its row locked until the transaction ends. */
  Optional<User> byIdForUpdate(long id);

  Optional<User> byUsername(String username);

  Optional<User> byEmail(String email);

  Optional<User> bySlackUserId(String slackUserId);

  /**
   * The users who have {@code role}, their rows locked until the transaction ends: whoever takes
   * the role away from one of them waits, so two such changes cannot each see the other as the one
   * who keeps it.
   */
  List<User> withRoleForUpdate(Role role);

  /** The token whose hash is {@code tokenHash}. */
  Optional<ApiToken> tokenByHash(String tokenHash);

  /** The user's API tokens, oldest first (their hashes only: tokens are never kept). */
  List<ApiToken> tokensOf(User user);

  Optional<ApiToken> tokenById(long id);

  /** Deletes the token: it stops working at once. */
  void remove(ApiToken token);

  /** Whether the user has any API token. */
  boolean hasTokens(User user);

  void add(User user);

  void add(ApiToken token);

  /** Writes pending changes now, so that a unique key refuses them here and not at commit. */
  void flush();
}
