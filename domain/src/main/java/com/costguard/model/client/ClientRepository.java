package com.costguard.model.client;

import com.costguard.cost.attribution.PriorityTier;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stored clients, their projects and the priority tiers' monthly allocations. */
public interface ClientRepository {

  /** Every client, by name. */
  List<Client> clients();

  Optional<Client> client(long id);

  /** Whether another client than {@code exceptId} has this code or this name. */
  boolean clientTaken(String code, String name, Optional<Long> exceptId);

  void add(Client client);

  /** Every project, by name. */
  List<Project> projects();

  Optional<Project> project(long id);

  /** Whether another project than {@code exceptId} has this code or this name. */
  boolean projectTaken(String code, String name, Optional<Long> exceptId);

  void add(Project project);

  /** What each tier is allocated a month; a tier missing from the table has its default. */
  Map<PriorityTier, BigDecimal> monthlyAllocations();

  /** Sets what {@code tier} is allocated a month. */
  void setMonthlyAllocation(PriorityTier tier, BigDecimal amount);

  /** The tiers whose clients carry unused allocation into the next month. */
  Set<PriorityTier> rolloverTiers();

  /** Turns {@code tier}'s rollover on or off. */
  void setRollover(PriorityTier tier, boolean rollover);

  /** Sends pending writes to the database now, so a constraint violation surfaces here. */
  void flush();
}
