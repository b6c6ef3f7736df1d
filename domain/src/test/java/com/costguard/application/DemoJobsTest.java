package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.cost.job.EstimateZone;
import com.costguard.cost.job.Pricing;
import com.costguard.model.client.Client;
import com.costguard.model.increase.IncreaseRequest;
import com.costguard.model.increase.IncreaseStatus;
import com.costguard.model.job.Job;
import com.costguard.model.job.JobStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo's jobs, budgets and increase requests, loaded through the real services in memory. */
class DemoJobsTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private final MovableClock clock = new MovableClock(NOW);
  private final InMemoryJobRepository jobRepository = new InMemoryJobRepository();
  private final InMemoryIncreaseRequestRepository requests =
      new InMemoryIncreaseRequestRepository();
  private final DemoJobs demo = new DemoJobs();
  private final InMemoryJobCostSnapshotRepository snapshotStore =
      new InMemoryJobCostSnapshotRepository();
  private JobService jobs;
  private BudgetService budgets;

  @BeforeEach
  void wire() {
    BudgetAlerts alerts =
        Alerting.wired(new InMemoryBudgetRepository(), new InMemoryCostEventRepository(), clock);
    budgets = alerts.budgetService;
    budgets.jobs = jobRepository;
    InMemoryUserRepository userRepository = (InMemoryUserRepository) budgets.users;

    UserService users = new UserService();
    users.users = userRepository;
    users.writer = new UserWriter();
    users.writer.users = userRepository;
    users.clock = clock;
    users.ensureAdmin("a-demo-admin-password");

    JobWriter writer = new JobWriter();
    writer.jobs = jobRepository;
    writer.clock = clock;
    writer.audit = budgets.audit;
    writer.alerts = alerts;
    writer.estimateAlerts = Alerting.estimates(alerts, userRepository, clock);
    jobs = new JobService();
    jobs.jobs = jobRepository;
    jobs.writer = writer;
    jobs.batches = Alerting.batches(jobRepository, writer, alerts);
    jobs.alerts = alerts;
    jobs.runners = cancel -> {};
    jobs.clock = clock;

    IncreaseRequestService increases = new IncreaseRequestService();
    increases.requests = requests;
    increases.budgets = budgets.budgets;
    increases.budgetService = budgets;
    increases.audit = budgets.audit;
    increases.clock = clock;

    demo.jobs = jobs;
    demo.users = users;
    demo.budgets = budgets;
    demo.increases = increases;
    ClientService clients = new ClientService();
    clients.clients = new InMemoryClientRepository();
    clients.writer = new ClientService.Writer();
    clients.writer.clients = clients.clients;
    clients.writer.clock = clock;
    clients.writer.audit = budgets.audit;
    demo.clients = clients;
    demo.clock = clock;
    demo.snapshots = new JobSnapshots();
    demo.snapshots.jobs = jobRepository;
    demo.snapshots.snapshots = snapshotStore;
    demo.snapshots.clock = clock;
  }

  @Test
  void sixMonthsOfJobsOfEveryStatusTierAndSeveralGpus() {
    assertThat(demo.loadIfMissing()).isGreaterThan(40);

    List<Job> all = jobRepository.withStatus(List.of());
    assertThat(all.stream().map(Job::status).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.allOf(JobStatus.class));
    assertThat(all.stream().map(Job::pricing).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.allOf(Pricing.class));
    assertThat(all.stream().map(j -> j.gpuType().orElseThrow()).distinct()).hasSizeGreaterThan(2);
    assertThat(
            all.stream().flatMap(j -> j.endedAt().stream()).min(Instant::compareTo).orElseThrow())
        .isBefore(NOW.minus(Duration.ofDays(150)));
    Set<EstimateZone> zones =
        jobRepository.withStatus(List.of(JobStatus.RUNNING)).stream()
            .map(j -> jobs.cost(j.id()).view().zone())
            .collect(Collectors.toSet());
    assertThat(zones).isEqualTo(EnumSet.allOf(EstimateZone.class));
    Job green =
        all.stream().filter(j -> j.externalId().equals("demo-job-live-green")).findFirst().get();
    List<BigDecimal> chart =
        demo.snapshots.of(green.id()).stream().map(s -> s.currentCost()).toList();
    assertThat(chart).as("six hours of 5-minute snapshots").hasSizeBetween(68, 72);
    assertThat(chart).isSorted();
    assertThat(chart.get(chart.size() - 1)).isLessThan(jobs.cost(green.id()).view().currentCost());

    assertThat(demo.loadIfMissing()).as("loaded once").isZero();
  }

  @Test
  void budgetsSitNearEachThresholdAndIncreasesWaitForApproval() {
    demo.loadIfMissing();

    List<BigDecimal> usage =
        budgets.list(Optional.empty(), false).stream()
            .filter(v -> v.budget().scope().client().isPresent())
            .map(v -> v.status().usagePercentage())
            .toList();
    assertThat(usage)
        .anySatisfy(p -> assertThat(p).isBetween(new BigDecimal("81"), new BigDecimal("83")))
        .anySatisfy(p -> assertThat(p).isBetween(new BigDecimal("95"), new BigDecimal("97")))
        .anySatisfy(p -> assertThat(p).isGreaterThan(new BigDecimal("100")));
    assertThat(requests.stored)
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(IncreaseStatus.PENDING))
        .extracting(IncreaseRequest::approver)
        .containsOnly(Optional.of("maria"));
  }

  @Test
  void theJobsClientsAndProjectsAreRegisteredWithRevenue() {
    demo.loadIfMissing();

    Set<String> jobClients =
        jobRepository.withStatus(List.of(JobStatus.values())).stream()
            .map(j -> j.client().orElseThrow())
            .collect(Collectors.toSet());
    assertThat(demo.clients.clients().stream().map(Client::name))
        .containsExactlyInAnyOrderElementsOf(jobClients);
    assertThat(demo.clients.projects())
        .hasSize(4)
        .allSatisfy(p -> assertThat(p.projectedRevenue()).isPresent());
  }

  @Test
  void runningDemoJobsMoveOnEveryMinute() {
    demo.loadIfMissing();
    List<Job> running = jobRepository.withStatus(List.of(JobStatus.RUNNING));
    long stepsBefore = steps(running);

    clock.advance(Duration.ofMinutes(1));

    assertThat(demo.advanceRunningJobs()).isEqualTo(running.size());
    assertThat(steps(running)).isGreaterThan(stepsBefore + running.size() - 1);
  }

  private long steps(List<Job> running) {
    return running.stream()
        .mapToLong(j -> jobs.cost(j.id()).view().projection().orElseThrow().completedSteps())
        .sum();
  }
}
