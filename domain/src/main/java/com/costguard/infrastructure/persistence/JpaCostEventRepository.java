package com.costguard.infrastructure.persistence;

import com.costguard.model.costevent.CostEvent;
import com.costguard.model.costevent.CostEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class JpaCostEventRepository implements CostEventRepository {

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  @Override
  public Set<String> existingKeys(Collection<String> keys) {
    if (keys.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createQuery(
                "select e.idempotencyKey from CostEvent e where e.idempotencyKey in :keys",
                String.class)
            .setParameter("keys", keys)
            .getResultList());
  }

  @Override
  public void add(CostEvent event) {
    em.persist(event);
  }

  @Override
  public void flush() {
    em.flush();
  }

  @Override
  public List<CostEvent> page(int first, int size) {
    return em.createQuery(
            "select e from CostEvent e order by e.occurredAt desc, e.id desc", CostEvent.class)
        .setFirstResult(first)
        .setMaxResults(size)
        .getResultList();
  }

  @Override
  public long count() {
    return em.createQuery("select count(e) from CostEvent e", Long.class).getSingleResult();
  }

  @Override
  public BigDecimal total(Instant from, Instant to) {
    BigDecimal total =
        em.createQuery(
                "select sum(e.amount) from CostEvent e"
                    + " where e.occurredAt >= :from and e.occurredAt < :to",
                BigDecimal.class)
            .setParameter("from", from)
            .setParameter("to", to)
            .getSingleResult();
    return total == null ? BigDecimal.ZERO : total;
  }

  @Override
  public long count(Instant from, Instant to) {
    return em.createQuery(
            "select count(e) from CostEvent e where e.occurredAt >= :from and e.occurredAt < :to",
            Long.class)
        .setParameter("from", from)
        .setParameter("to", to)
        .getSingleResult();
  }
}
