package com.costguard.application;

import com.costguard.model.user.ApiToken;
import com.costguard.model.user.User;
import com.costguard.model.user.UserRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The users port held in memory: the users a test adds, without tokens. */
class InMemoryUserRepository implements UserRepository {

  final List<User> stored = new ArrayList<>();

  @Override
  public Optional<User> byUsername(String username) {
    return stored.stream().filter(u -> u.username().equals(username)).findFirst();
  }

  @Override
  public Optional<ApiToken> tokenByHash(String tokenHash) {
    return Optional.empty();
  }

  @Override
  public boolean hasTokens(User user) {
    return false;
  }

  @Override
  public void add(User user) {
    stored.add(user);
  }

  @Override
  public void add(ApiToken token) {
    throw new IllegalArgumentException("tokens are not kept in memory");
  }
}
