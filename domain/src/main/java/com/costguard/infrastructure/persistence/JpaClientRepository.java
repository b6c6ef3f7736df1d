package com.costguard.infrastructure.persistence;

import com.costguard.cost.attribution.PriorityTier;
import com.costguard.model.client.Client;
import com.costguard.model.client.ClientRepository;
import com.costguard.model.client.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class JpaClientRepository implements ClientRepository {

  @PersistenceContext(unitName = "costguard")
  EntityManager em;

  @Override
  public List<Client> clients() {
    return em.createQuery("select c from Client c order by c.name, c.id", Client.class)
        .getResultList();
  }

  @Override
  public Optional<Client> client(long id) {
    return Optional.ofNullable(em.find(Client.class, id));
  }

  @Override
  public boolean clientTaken(String code, String name, Optional<Long> exceptId) {
    return em.createQuery(
                "select count(c) from Client c where (c.code = :code or c.name = :name)"
                    + " and c.id <> :except",
                Long.class)
            .setParameter("code", code)
            .setParameter("name", name)
            .setParameter("except", exceptId.orElse(-1L))
            .getSingleResult()
        > 0;
  }

  @Override
  public void add(Client client) {
    em.persist(client);
  }

  @Override
  public List<Project> projects() {
    return em.createQuery("select p from Project p order by p.name, p.id", Project.class)
        .getResultList();
  }

  @Override
  public Optional<Project> project(long id) {
    return Optional.ofNullable(em.find(Project.class, id));
  }

  @Override
  public boolean projectTaken(String code, String name, Optional<Long> exceptId) {
    return em.createQuery(
                "select count(p) from Project p where (p.code = :code or p.name = :name)"
                    + " and p.id <> :except",
                Long.class)
            .setParameter("code", code)
            .setParameter("name", name)
            .setParameter("except", exceptId.orElse(-1L))
            .getSingleResult()
        > 0;
  }

  @Override
  public void add(Project project) {
    em.persist(project);
  }

  @Override
  public Map<PriorityTier, BigDecimal> monthlyAllocations() {
    Map<PriorityTier, BigDecimal> amounts = new EnumMap<>(PriorityTier.class);
    for (PriorityTier tier : PriorityTier.values()) {
      amounts.put(tier, tier.defaultMonthlyAllocation());
    }
    List<?> rows =
        em.createNativeQuery("select tier, monthly_allocation from priority_tiers").getResultList();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      amounts.put(
          PriorityTier.valueOf(columns[0].toString()), new BigDecimal(columns[1].toString()));
    }
    return amounts;
  }

  @Override
  public void setMonthlyAllocation(PriorityTier tier, BigDecimal amount) {
    em.createNativeQuery(
            "insert into priority_tiers (tier, monthly_allocation) values (?, ?)"
                + " on duplicate key update monthly_allocation = values(monthly_allocation)")
        .setParameter(1, tier.name())
        .setParameter(2, amount)
        .executeUpdate();
  }

  @Override
  public Set<PriorityTier> rolloverTiers() {
    Set<PriorityTier> tiers = EnumSet.noneOf(PriorityTier.class);
    List<?> rows =
        em.createNativeQuery("select tier from priority_tiers where rollover").getResultList();
    rows.forEach(tier -> tiers.add(PriorityTier.valueOf(tier.toString())));
    return tiers;
  }

  @Override
  public void setRollover(PriorityTier tier, boolean rollover) {
    // A tier missing from the table gets its default amount along with the flag.
    em.createNativeQuery(
            "insert into priority_tiers (tier, monthly_allocation, rollover) values (?, ?, ?)"
                + " on duplicate key update rollover = values(rollover)")
        .setParameter(1, tier.name())
        .setParameter(2, tier.defaultMonthlyAllocation())
        .setParameter(3, rollover)
        .executeUpdate();
  }

  @Override
  public void flush() {
    em.flush();
  }
}
