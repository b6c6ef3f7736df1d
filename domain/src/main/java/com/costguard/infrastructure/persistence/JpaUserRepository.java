package com.costguard.infrastructure.persistence;

import com.costguard.model.user.ApiToken;
import com.costguard.model.user.User;
import com.costguard.model.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaUserRepository implements UserRepository {

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  @Override
  public Optional<User> byUsername(String username) {
    return em.createQuery("select u from User u where u.username = :username", User.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<ApiToken> tokenByHash(String tokenHash) {
    return em.createQuery("select t from ApiToken t where t.tokenHash = :hash", ApiToken.class)
        .setParameter("hash", tokenHash)
        .getResultStream()
        .findFirst();
  }

  @Override
  public boolean hasTokens(User user) {
    return em.createQuery("select count(t) from ApiToken t where t.user = :user", Long.class)
            .setParameter("user", user)
            .getSingleResult()
        > 0;
  }

  @Override
  public void add(User user) {
    em.persist(user);
  }

  @Override
  public void add(ApiToken token) {
    em.persist(token);
  }
}
