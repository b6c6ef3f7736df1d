package com.costguard.application;

import com.costguard.cost.job.EventScript;
import com.costguard.cost.job.JobEvent;
import com.costguard.cost.job.Pricing;
import com.costguard.model.job.Job;
import com.costguard.model.job.NewJob;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Jobs stored the way {@link JobWriter} stores them, for service tests that count job costs: an
 * A100 on spot at $1.20/h ($0.02 a minute), 2,000 steps, with the attribution and estimate each
 * test gives, moved along by events written as {@link EventScript} reads them (on {@link
 * EventScript#DAY}, a Monday, unless a time says {@code +1} or {@code -1}).
 */
final class RecordedJobs {

  final InMemoryJobRepository repository = new InMemoryJobRepository();
  private final JobWriter writer = new JobWriter();

  /** Who creates the jobs: a runner's API user. */
  private static final Actor RUNNER =
      Actor.api(
          new User(
              "runner",
              "runner@example.com",
              "Runner",
              EnumSet.of(Role.ENGINEER),
              null,
              Instant.EPOCH));

  private int created;

  RecordedJobs(Clock clock) {
    writer.jobs = repository;
    writer.clock = clock;
    writer.alerts =
        Alerting.wired(new InMemoryBudgetRepository(), new InMemoryCostEventRepository(), clock);
    writer.estimateAlerts = Alerting.estimates(writer.alerts, new InMemoryUserRepository(), clock);
  }

  /** The instant of an {@link EventScript} time. */
  static Instant at(String time) {
    return EventScript.at(time);
  }

  /** A queued job of {@code client} (team ml-platform, provider aws) estimated at $1–$100. */
  Job create(String client) {
    return create(client, Optional.of("Support assistant"), "ml-platform", "aws", "100");
  }

  Job create(
      String client, Optional<String> project, String team, String provider, String estimateMax) {
    created++;
    return writer.create(
        RUNNER,
        new NewJob(
            "job-" + created,
            "Fine-tune " + created,
            Optional.empty(),
            Optional.ofNullable(client),
            project,
            Optional.ofNullable(team),
            Optional.ofNullable(provider),
            Optional.of("A100"),
            "spot",
            new BigDecimal("1.20"),
            Optional.of(new BigDecimal("3.67")),
            BigDecimal.ONE,
            new BigDecimal(estimateMax),
            2000L,
            Optional.empty()),
        "alice",
        Pricing.SPOT,
        List.of());
  }

  /** Reports the script's events for {@code job}, each under a key of its own. */
  Job report(Job job, String script) {
    for (JobEvent event : EventScript.parse(script)) {
      writer
          .record(
              List.of(
                  new JobWriter.JobEventFor(
                      job.id(),
                      new JobEvent(
                          event.type(),
                          event.at(),
                          event.step(),
                          event.stage(),
                          event.recoveryMinutes(),
                          event.storageGb(),
                          job.id() + "-" + event.idempotencyKey() + "-" + event.at()))),
              List.of())
          .get(0)
          .answer();
    }
    return job;
  }
}
