package com.costguard.application;

import com.costguard.cost.attribution.PriorityTier;
import com.costguard.model.client.Client;
import com.costguard.model.client.ClientRepository;
import com.costguard.model.client.Project;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Clients and projects in lists, ids by position; uniqueness as the tables' keys check it. */
class InMemoryClientRepository implements ClientRepository {

  final List<Client> clients = new ArrayList<>();
  final List<Project> projects = new ArrayList<>();
  final Map<PriorityTier, BigDecimal> allocations = new EnumMap<>(PriorityTier.class);
  final java.util.Set<PriorityTier> rollover = java.util.EnumSet.noneOf(PriorityTier.class);

  @Override
  public List<Client> clients() {
    return List.copyOf(clients);
  }

  @Override
  public Optional<Client> client(long id) {
    return clients.stream().filter(c -> c.id() == id).findFirst();
  }

  @Override
  public boolean clientTaken(String code, String name, Optional<Long> exceptId) {
    return clients.stream()
        .filter(c -> exceptId.map(id -> !id.equals(c.id())).orElse(true))
        .anyMatch(c -> c.code().equals(code) || c.name().equals(name));
  }

  @Override
  public void add(Client client) {
    setId(client, clients.size() + 1L);
    clients.add(client);
  }

  @Override
  public List<Project> projects() {
    return List.copyOf(projects);
  }

  @Override
  public Optional<Project> project(long id) {
    return projects.stream().filter(p -> p.id() == id).findFirst();
  }

  @Override
  public boolean projectTaken(String code, String name, Optional<Long> exceptId) {
    return projects.stream()
        .filter(p -> exceptId.map(id -> !id.equals(p.id())).orElse(true))
        .anyMatch(p -> p.code().equals(code) || p.name().equals(name));
  }

  @Override
  public void add(Project project) {
    setId(project, projects.size() + 1L);
    projects.add(project);
  }

  @Override
  public Map<PriorityTier, BigDecimal> monthlyAllocations() {
    Map<PriorityTier, BigDecimal> amounts = new EnumMap<>(PriorityTier.class);
    for (PriorityTier tier : PriorityTier.values()) {
      amounts.put(tier, allocations.getOrDefault(tier, tier.defaultMonthlyAllocation()));
    }
    return amounts;
  }

  @Override
  public void setMonthlyAllocation(PriorityTier tier, BigDecimal amount) {
    allocations.put(tier, amount);
  }

  @Override
  public java.util.Set<PriorityTier> rolloverTiers() {
    return java.util.Set.copyOf(rollover);
  }

  @Override
  public void setRollover(PriorityTier tier, boolean on) {
    if (on) {
      rollover.add(tier);
    } else {
      rollover.remove(tier);
    }
  }

  @Override
  public void flush() {}

  private static void setId(Object entity, long value) {
    try {
      java.lang.reflect.Field id = entity.getClass().getDeclaredField("id");
      id.setAccessible(true);
      id.set(entity, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
