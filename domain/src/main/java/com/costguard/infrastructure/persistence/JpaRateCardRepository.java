package com.costguard.infrastructure.persistence;

import com.costguard.model.ratecard.RateCardRepository;
import com.costguard.model.ratecard.RateCardVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaRateCardRepository implements RateCardRepository {

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  @Override
  public List<RateCardVersion> list(Optional<String> operationType, Optional<String> unitType) {
    StringBuilder jpql = new StringBuilder("select r from RateCardVersion r where 1 = 1");
    operationType.ifPresent(o -> jpql.append(" and r.operationType = :operationType"));
    unitType.ifPresent(u -> jpql.append(" and r.unitType = :unitType"));
    jpql.append(" order by r.effectiveFrom desc, r.version desc, r.id desc");
    TypedQuery<RateCardVersion> query = em.createQuery(jpql.toString(), RateCardVersion.class);
    operationType.ifPresent(o -> query.setParameter("operationType", o));
    unitType.ifPresent(u -> query.setParameter("unitType", u));
    return query.getResultList();
  }

  @Override
  public List<RateCardVersion> forOperationTypes(Collection<String> operationTypes) {
    if (operationTypes.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select r from RateCardVersion r where r.operationType in :types",
            RateCardVersion.class)
        .setParameter("types", operationTypes)
        .getResultList();
  }

  @Override
  public Optional<RateCardVersion> byId(long id) {
    return Optional.ofNullable(em.find(RateCardVersion.class, id));
  }

  @Override
  public Optional<Integer> latestVersion(String operationType, String unitType) {
    return Optional.ofNullable(
        em.createQuery(
                "select max(r.version) from RateCardVersion r"
                    + " where r.operationType = :operationType and r.unitType = :unitType",
                Integer.class)
            .setParameter("operationType", operationType)
            .setParameter("unitType", unitType)
            .getSingleResult());
  }

  @Override
  public void add(RateCardVersion card) {
    em.persist(card);
  }

  @Override
  public void flush() {
    em.flush();
  }
}
