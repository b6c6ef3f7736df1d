package com.costguard.infrastructure.persistence;

import com.costguard.model.increase.IncreaseRequest;
import com.costguard.model.increase.IncreaseRequestRepository;
import com.costguard.model.increase.IncreaseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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
