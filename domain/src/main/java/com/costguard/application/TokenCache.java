package com.costguard.application;

import com.costguard.model.user.User;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The users of the API tokens in use, by token hash, as last read: an API call then costs no query
 * for its caller (issue 8: the token's query was a tenth of a job event's time). Only tokens that
 * exist are kept, so the cache holds at most one entry per issued token.
 *
 * <p>Every change to users or tokens ({@link #changed}) forgets them all once it has committed. A
 * read that began before that is not kept: entries carry the generation they were read in, and only
 * the current generation's count. So a revoked token or a removed role is refused from the commit
 * on, as it was without the cache.
 */
@ApplicationScoped
public class TokenCache {

  private final Map<String, Entry> users = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  /** Null outside a container (unit tests), where nothing runs in a transaction. */
  @Resource TransactionSynchronizationRegistry transactions;

  private record Entry(User user, long generation) {}

  /** The token's user: from the cache, or read by {@code read} and kept. */
  public Optional<User> user(String tokenHash, Function<String, Optional<User>> read) {
    long current = generation.get();
    Entry entry = users.get(tokenHash);
    if (entry != null && entry.generation() == current) {
      return Optional.of(entry.user());
    }
    Optional<User> user = read.apply(tokenHash);
    user.ifPresentOrElse(
        u -> users.put(tokenHash, new Entry(u, current)), () -> users.remove(tokenHash));
    return user;
  }

  /** Users or tokens change: forget every entry now and again once the transaction has ended. */
  public void changed() {
    forget();
    if (transactions != null && transactions.getTransactionKey() != null) {
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              forget();
            }
          });
    }
  }

  private void forget() {
    generation.incrementAndGet();
    users.clear();
  }
}
