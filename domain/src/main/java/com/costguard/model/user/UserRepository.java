package com.costguard.model.user;

import java.util.Optional;

/** Users and their API tokens. */
public interface UserRepository {

  Optional<User> byUsername(String username);

  /** The token whose hash is {@code tokenHash}. */
  Optional<ApiToken> tokenByHash(String tokenHash);

  /** Whether the user has any API token. */
  boolean hasTokens(User user);

  void add(User user);

  void add(ApiToken token);
}
