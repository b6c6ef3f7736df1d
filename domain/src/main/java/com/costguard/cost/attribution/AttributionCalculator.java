package com.costguard.cost.attribution;

import com.costguard.cost.Money;
import com.costguard.cost.budget.CentsDivision;
import com.costguard.cost.budget.Rollover;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Attribution, profitability, pricing insights and tier allocation (SPEC §2); pure. */
public final class AttributionCalculator {

  /** An allocation alert fires at 90 % of the tier's monthly amount. */
  public static final BigDecimal ALLOCATION_ALERT_PERCENT = BigDecimal.valueOf(90);

  /** The client of an unregistered project whose jobs name different clients. */
  public static final String SEVERAL = "(several)";

  private AttributionCalculator() {}

  /** Every job in exactly one client and one project group; registered ones without jobs too. */
  public static Attribution attribute(List<CostedJob> jobs, Directory directory) {
    Map<String, List<CostedJob>> byClient = new LinkedHashMap<>();
    Map<String, Optional<ClientInfo>> clients = new LinkedHashMap<>();
    directory.clients().forEach(c -> register(byClient, clients, c.name(), Optional.of(c)));
    Map<String, List<CostedJob>> byProject = new LinkedHashMap<>();
    Map<String, Optional<ProjectInfo>> projects = new LinkedHashMap<>();
    Map<String, String> projectClient = new LinkedHashMap<>();
    for (ProjectInfo p : directory.projects()) {
      register(byProject, projects, p.name(), Optional.of(p));
      projectClient.put(p.name(), directory.client(p.clientId()).map(ClientInfo::name).orElse(""));
    }
    BigDecimal total = BigDecimal.ZERO;
    for (CostedJob job : jobs) {
      total = total.add(job.costInRange());
      Optional<ClientInfo> client = directory.clientOf(job);
      String clientName =
          client.map(ClientInfo::name).orElse(job.client().orElse(Attribution.NONE));
      register(byClient, clients, clientName, client);
      byClient.get(clientName).add(job);
      Optional<ProjectInfo> project = directory.projectOf(job);
      String projectName =
          project.map(ProjectInfo::name).orElse(job.project().orElse(Attribution.NONE));
      register(byProject, projects, projectName, project);
      // An unregistered project's client is its jobs' client, when they agree on one.
      String before = projectClient.putIfAbsent(projectName, clientName);
      if (project.isEmpty() && before != null && !before.equals(clientName)) {
        projectClient.put(projectName, SEVERAL);
      }
      byProject.get(projectName).add(job);
    }
    List<ClientCost> clientCosts = new ArrayList<>();
    byClient.forEach((name, its) -> clientCosts.add(clientCost(name, clients.get(name), its)));
    clientCosts.sort(
        Comparator.comparing(ClientCost::total).reversed().thenComparing(ClientCost::name));
    List<ProjectProfit> profits = new ArrayList<>();
    byProject.forEach(
        (name, its) -> profits.add(profit(name, projects.get(name), projectClient.get(name), its)));
    profits.sort(
        Comparator.comparing(
                (ProjectProfit p) -> p.marginPercent().orElse(null),
                Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(ProjectProfit::trainingCost, Comparator.reverseOrder())
            .thenComparing(ProjectProfit::name));
    return new Attribution(total, jobs.size(), clientCosts, profits, insights(profits));
  }

  /** Each registered client's allocation against what its jobs cost this month, no rollover. */
  public static List<TierAllocation> allocate(
      List<ClientCost> monthToDate, Map<PriorityTier, BigDecimal> monthlyAllocations) {
    return allocate(monthToDate, List.of(), monthlyAllocations, Set.of());
  }

  /**
   * Each registered client's allocation against what its jobs cost this month. A client whose tier
   * rolls over receives what it left unused last month, capped at one tier amount ({@link
   * Rollover}, as budgets carry unused limit); and passes this month's unused allocation on to next
   * month the same way. Last month is measured against today's tier amount (amounts are not kept by
   * month), and only a client found in {@code previousMonth} carries anything: one registered this
   * month had no allocation last month.
   *
   * @param previousMonth what each client registered before this month spent last month
   * @param rolloverTiers the tiers whose clients carry unused allocation over
   */
  public static List<TierAllocation> allocate(
      List<ClientCost> monthToDate,
      List<ClientCost> previousMonth,
      Map<PriorityTier, BigDecimal> monthlyAllocations,
      Set<PriorityTier> rolloverTiers) {
    Map<Long, BigDecimal> spentLastMonth = new HashMap<>();
    previousMonth.forEach(
        c -> c.client().ifPresent(info -> spentLastMonth.put(info.id(), c.total())));
    List<TierAllocation> allocations = new ArrayList<>();
    for (ClientCost cost : monthToDate) {
      if (cost.client().isEmpty()) {
        continue;
      }
      ClientInfo client = cost.client().get();
      BigDecimal amount = tierAmount(monthlyAllocations, client.tier());
      boolean rollover = rolloverTiers.contains(client.tier());
      BigDecimal carriedIn =
          rollover && spentLastMonth.containsKey(client.id())
              ? Rollover.carry(amount, spentLastMonth.get(client.id()), amount)
              : BigDecimal.ZERO;
      BigDecimal allocated = amount.add(carriedIn);
      BigDecimal spent = cost.total();
      BigDecimal nextMonth =
          rollover ? amount.add(Rollover.carry(allocated, spent, amount)) : amount;
      allocations.add(
          new TierAllocation(
              client,
              allocated,
              spent,
              allocated.subtract(spent),
              utilisation(spent, allocated),
              reachesAlert(spent, allocated),
              amount,
              rollover,
              carriedIn,
              nextMonth));
    }
    allocations.sort(
        Comparator.comparing((TierAllocation a) -> a.client().tier())
            .thenComparing(a -> a.client().name()));
    return allocations;
  }

  /** The clients' allocations added up by tier, every tier (one without clients too). */
  public static List<TierUtilisation> byTier(
      List<TierAllocation> allocations,
      Map<PriorityTier, BigDecimal> monthlyAllocations,
      Set<PriorityTier> rolloverTiers) {
    List<TierUtilisation> tiers = new ArrayList<>();
    for (PriorityTier tier : PriorityTier.values()) {
      List<TierAllocation> its =
          allocations.stream().filter(a -> a.client().tier() == tier).toList();
      BigDecimal allocated =
          its.stream().map(TierAllocation::allocated).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal spent =
          its.stream().map(TierAllocation::spent).reduce(BigDecimal.ZERO, BigDecimal::add);
      tiers.add(
          new TierUtilisation(
              tier,
              tierAmount(monthlyAllocations, tier),
              rolloverTiers.contains(tier),
              its.size(),
              allocated,
              spent,
              utilisation(spent, allocated),
              (int) its.stream().filter(TierAllocation::alert).count()));
    }
    return tiers;
  }

  private static BigDecimal tierAmount(Map<PriorityTier, BigDecimal> amounts, PriorityTier tier) {
    return amounts.getOrDefault(tier, tier.defaultMonthlyAllocation());
  }

  private static Optional<BigDecimal> utilisation(BigDecimal spent, BigDecimal allocated) {
    return allocated.signum() == 0
        ? Optional.empty()
        : Optional.of(Money.percent(spent, allocated));
  }

  private static boolean reachesAlert(BigDecimal spent, BigDecimal allocated) {
    return allocated.signum() > 0
        && spent
                .multiply(BigDecimal.valueOf(100))
                .compareTo(allocated.multiply(ALLOCATION_ALERT_PERCENT))
            >= 0;
  }

  private static <T> void register(
      Map<String, List<CostedJob>> groups,
      Map<String, Optional<T>> infos,
      String name,
      Optional<T> info) {
    groups.computeIfAbsent(name, n -> new ArrayList<>());
    infos.putIfAbsent(name, info);
  }

  private static ClientCost clientCost(
      String name, Optional<ClientInfo> client, List<CostedJob> jobs) {
    BigDecimal total = sum(jobs);
    return new ClientCost(name, client, costliestFirst(jobs), total, average(total, jobs.size()));
  }

  private static ProjectProfit profit(
      String name, Optional<ProjectInfo> project, String clientName, List<CostedJob> jobs) {
    BigDecimal training = sum(jobs);
    Optional<BigDecimal> revenue = project.flatMap(ProjectInfo::revenue);
    BigDecimal other = project.map(ProjectInfo::otherCosts).orElse(BigDecimal.ZERO);
    Optional<BigDecimal> profit = revenue.map(r -> r.subtract(training).subtract(other));
    Optional<BigDecimal> margin =
        revenue.filter(r -> r.signum() != 0).map(r -> Money.percent(profit.orElseThrow(), r));
    return new ProjectProfit(
        name,
        project,
        clientName,
        costliestFirst(jobs),
        training,
        average(training, jobs.size()),
        revenue,
        other,
        profit,
        margin,
        margin.map(MarginBand::of));
  }

  private static PricingInsights insights(List<ProjectProfit> projects) {
    List<ProjectProfit> drawn =
        projects.stream().filter(p -> p.project().isPresent() && !p.jobs().isEmpty()).toList();
    BigDecimal training =
        drawn.stream().map(ProjectProfit::trainingCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    Optional<BigDecimal> average = average(training, drawn.size());
    List<ProjectProfit> earning =
        drawn.stream()
            .filter(p -> p.revenue().isPresent() && p.trainingCost().signum() > 0)
            .toList();
    BigDecimal revenue =
        earning.stream().map(p -> p.revenue().get()).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal earningTraining =
        earning.stream().map(ProjectProfit::trainingCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    Optional<BigDecimal> multiplier =
        earning.isEmpty()
            ? Optional.empty()
            : Optional.of(CentsDivision.quotientInCents(revenue, earningTraining));
    List<BigDecimal> margins =
        drawn.stream()
            .flatMap(p -> p.marginPercent().stream())
            .sorted(Comparator.reverseOrder())
            .toList();
    Optional<BigDecimal> averageMargin =
        average(margins.stream().reduce(BigDecimal.ZERO, BigDecimal::add), margins.size());
    return new PricingInsights(
        drawn.size(),
        average,
        multiplier,
        average.map(PricingBand::forTrainingCost),
        margins,
        averageMargin);
  }

  static BigDecimal sum(List<CostedJob> jobs) {
    return jobs.stream().map(CostedJob::costInRange).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  static Optional<BigDecimal> average(BigDecimal total, int count) {
    return count == 0
        ? Optional.empty()
        : Optional.of(CentsDivision.quotientInCents(total, BigDecimal.valueOf(count)));
  }

  private static List<CostedJob> costliestFirst(List<CostedJob> jobs) {
    return jobs.stream()
        .sorted(
            Comparator.comparing(CostedJob::costInRange).reversed().thenComparing(CostedJob::id))
        .toList();
  }
}
