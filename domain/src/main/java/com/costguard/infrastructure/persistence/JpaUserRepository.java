package com.costguard.infrastructure.persistence;

import com.costguard.model.user.ApiToken;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import com.costguard.model.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Users in MariaDB. The {@code users} table's collation is case-insensitive, so comparing a
 * username or e-mail here agrees with its unique key.
 */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  @Override
  public List<User> list() {
    return em.createQuery("select u from User u order by u.id", User.class).getResultList();
  }

  @Override
  public Optional<User> byId(long id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  @Override
  public Optional<User> byIdForUpdate(long id) {
    return Optional.ofNullable(em.find(User.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public Optional<User> byUsername(String username) {
    return one("username", username);
  }

  @Override
  public Optional<User> byEmail(String email) {
    return one("email", email);
  }

  @Override
  public Optional<User> bySlackUserId(String slackUserId) {
    return one("slackUserId", slackUserId);
  }

  private Optional<User> one(String attribute, String value) {
    return em.createQuery(
            "select u from User u where u." + attribute + " = :value order by u.id", User.class)
        .setParameter("value", value)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<User> withRoleForUpdate(Role role) {
    // Roles are stored comma-separated; the pattern narrows the rows, hasRole decides exactly.
    return em
        .createQuery("select u from User u where u.roles like :role order by u.id", User.class)
        .setParameter("role", "%" + role.name() + "%")
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList()
        .stream()
        .filter(u -> u.hasRole(role))
        .toList();
  }

  /**
   * Every API request asks, runners with the same token many at once: read-only (nobody changes
   * what it answers; a change loads the user for update), with the token's user in the same query.
   * It reads the database each time, so a revoked token is refused at once. (A hang of the
   * benchmark's runners in EclipseLink's WriteLockManager.acquireLocksForClone, cloning the token
   * and its user from the shared cache, was the first sign of the cache locks that persistence.xml
   * now avoids by keeping no shared cache.)
   */
  @Override
  public Optional<ApiToken> tokenByHash(String tokenHash) {
    return em.createQuery(
            "select t from ApiToken t join fetch t.user where t.tokenHash = :hash", ApiToken.class)
        .setParameter("hash", tokenHash)
        .setHint("eclipselink.read-only", "true")
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ApiToken> tokensOf(User user) {
    return em.createQuery(
            "select t from ApiToken t where t.user = :user order by t.id", ApiToken.class)
        .setParameter("user", user)
        .getResultList();
  }

  @Override
  public Optional<ApiToken> tokenById(long id) {
    return Optional.ofNullable(em.find(ApiToken.class, id));
  }

  @Override
  public void remove(ApiToken token) {
    em.remove(em.contains(token) ? token : em.merge(token));
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

  @Override
  public void flush() {
    em.flush();
  }
}
