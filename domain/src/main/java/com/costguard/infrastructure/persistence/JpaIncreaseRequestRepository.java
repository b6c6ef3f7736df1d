package com.costguard.infrastructure.persistence;

import com.costguard.model.increase.IncreaseRequest;
import com.costguard.model.increase.IncreaseRequestRepository;
import com.costguard.model.increase.IncreaseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

@ApplicationScoped
public class JpaIncreaseRequestRepository implements IncreaseRequestRepository {

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  @Override
  public Optional<IncreaseRequest> byId(long id) {
    return Optional.ofNullable(em.find(IncreaseRequest.class, id));
  }

  @Override
  public Optional<IncreaseRequest> byIdForUpdate(long id) {
    return Optional.ofNullable(em.find(IncreaseRequest.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public List<IncreaseRequest> dueForExpiryForUpdate(Instant now, int max) {
    List<?> ids =
        em.createNativeQuery(
                "select id from increase_requests where status = 'pending' and expires_at <= ?"
                    + " order by id limit ? for update skip locked")
            .setParameter(1, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
            .setParameter(2, max)
            .getResultList();
    // Locked already: the locking find reads each row afresh (never a cached copy) and takes no
    // new lock.
    return ids.stream()
        .map(
            id ->
                em.find(
                    IncreaseRequest.class,
                    ((Number) id).longValue(),
                    LockModeType.PESSIMISTIC_WRITE))
        .filter(Objects::nonNull)
        .toList();
  }

  @Override
  public List<IncreaseRequest> pending() {
    return em.createQuery(
            "select r from IncreaseRequest r where r.status = :pending order by r.id",
            IncreaseRequest.class)
        .setParameter("pending", IncreaseStatus.PENDING.apiName())
        .getResultList();
  }

  @Override
  public void add(IncreaseRequest request) {
    em.persist(request);
    em.flush();
  }
}
