package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.cost.attribution.PriorityTier;
import com.costguard.cost.job.JobState;
import com.costguard.cost.job.Pricing;
import com.costguard.model.audit.AuditEntry;
import com.costguard.model.client.Client;
import com.costguard.model.client.Project;
import com.costguard.model.client.ProjectDetails;
import com.costguard.model.job.Job;
import com.costguard.model.job.JobEdit;
import com.costguard.model.job.JobStatus;
import com.costguard.model.job.NewJob;
import com.costguard.model.job.NewJobEvent;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class JobServiceTest {

  /** Looked at 13:00 on the day every event below happens. */
  private static final Instant NOW = at("13:00");

  private static final User ALICE = user("alice", Role.ENGINEER);
  private static final User BOB = user("bob", Role.ENGINEER);
  private static final String CONTROL_URL = "https://runner.example/jobs/a100-1/control?t=s3cret";

  private final InMemoryJobRepository jobs = new InMemoryJobRepository();
  private final InMemoryJobCostSnapshotRepository snapshotStore =
      new InMemoryJobCostSnapshotRepository();
  private final MovableClock clock = new MovableClock(NOW);
  private final List<CancelRequest> runnersTold = new ArrayList<>();
  private final InMemoryAuditRepository auditLog = new InMemoryAuditRepository();
  private final JobService service = new JobService();
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final JobSnapshots snapshots = new JobSnapshots();
  private final InMemoryClientRepository clients = new InMemoryClientRepository();

  @BeforeEach
  void wire() {
    JobWriter writer = new JobWriter();
    writer.jobs = jobs;
    writer.clock = clock;
    writer.audit = new AuditLog();
    writer.audit.log = auditLog;
    writer.audit.clock = clock;
    BudgetAlerts alerts =
        Alerting.wired(new InMemoryBudgetRepository(), new InMemoryCostEventRepository(), clock);
    writer.alerts = alerts;
    writer.estimateAlerts = Alerting.estimates(alerts, users, clock);
    service.alerts = alerts;
    service.jobs = jobs;
    service.writer = writer;
    service.batches = Alerting.batches(jobs, writer, service.alerts);
    service.runners = runnersTold::add;
    service.clock = clock;
    service.clients = clients;
    snapshots.jobs = jobs;
    snapshots.snapshots = snapshotStore;
    snapshots.clock = clock;
  }

  private static User user(String username, Role role) {
    return new User(
        username, username + "@example.com", username, EnumSet.of(role), null, Instant.EPOCH);
  }

  static Instant at(String time) {
    return Instant.parse("2026-03-02T" + time + ":00Z");
  }

  /** An A100 on spot: $1.20/h against $3.67/h on demand; estimate $10-14 for 2,000 steps. */
  static NewJob a100(String externalId) {
    return new NewJob(
        externalId,
        "Fine-tune support model",
        Optional.empty(),
        Optional.of("Acme Corp"),
        Optional.of("Support assistant"),
        Optional.of("ml-platform"),
        Optional.of("aws"),
        Optional.of("A100"),
        "spot",
        new BigDecimal("1.20"),
        Optional.of(new BigDecimal("3.67")),
        new BigDecimal("10"),
        new BigDecimal("14"),
        2000L,
        Optional.of(CONTROL_URL));
  }

  static NewJobEvent event(String type, String time, String key) {
    return new NewJobEvent(
        type,
        at(time),
        key,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  static NewJobEvent progress(String time, long step, String stage, String key) {
    return new NewJobEvent(
        "progress",
        at(time),
        key,
        Optional.of(step),
        Optional.ofNullable(stage),
        Optional.empty(),
        Optional.empty());
  }

  static NewJobEvent recovered(String time, String minutes, String key) {
    return new NewJobEvent(
        "recovered",
        at(time),
        key,
        Optional.empty(),
        Optional.empty(),
        Optional.of(new BigDecimal(minutes)),
        Optional.empty());
  }

  private long created() {
    return service.create(ALICE, a100("a100-1")).id();
  }

  private JobCostReading report(long id, NewJobEvent... events) {
    JobCostReading last = null;
    for (NewJobEvent event : events) {
      last = service.record(ALICE, id, event);
    }
    return last;
  }

  private static void refused(Runnable call, Reason reason) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            RequestRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Nested
  class Create {

    @Test
    void aNewJobIsQueuedWithTheCallerAsCreatorAndItsRatesExact() {
      Job job = service.create(ALICE, a100("a100-1"));

      assertThat(job.id()).isNotNull();
      assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
      assertThat(job.createdBy()).isEqualTo("alice");
      assertThat(job.pricing()).isEqualTo(Pricing.SPOT);
      assertThat(job.hourlyRate()).isEqualTo("1.20");
      assertThat(job.createdAt()).isEqualTo(NOW);
      assertThat(job.finalCost()).isEmpty();
      assertThat(jobs.jobs).hasSize(1);
    }

    @Test
    void aCreatorNamedByTheRunnerIsKeptAndOnDemandDefaultsToTheHourlyRate() {
      NewJob named =
          with(a100("a"), j -> copy(j, Optional.of("carol"), "on_demand", Optional.empty()));

      Job job = service.create(ALICE, named);

      assertThat(job.createdBy()).isEqualTo("carol");
      assertThat(job.pricing()).isEqualTo(Pricing.ON_DEMAND);
      assertThat(job.onDemandHourlyRate()).isEqualTo("1.20");
    }

    @Test
    void aTakenExternalIdIsAConflict() {
      service.create(ALICE, a100("a100-1"));

      assertThatThrownBy(() -> service.create(BOB, a100("a100-1")))
          .isInstanceOfSatisfying(
              RequestRefusedException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
                assertThat(e.field()).contains("externalId");
              });
      assertThat(jobs.jobs).hasSize(1);
    }

    @Test
    void aViewerMayNotCreateJobs() {
      refused(() -> service.create(user("vic", Role.VIEWER), a100("a")), Reason.FORBIDDEN);
      assertThat(jobs.jobs).isEmpty();
    }

    static List<Arguments> invalidJobs() {
      return List.of(
          invalid("no external id", j -> field(j, "externalId", null), "externalId"),
          invalid("blank external id", j -> field(j, "externalId", " "), "externalId"),
          invalid("long external id", j -> field(j, "externalId", "x".repeat(201)), "externalId"),
          invalid("no name", j -> field(j, "name", null), "name"),
          invalid("long name", j -> field(j, "name", "n".repeat(201)), "name"),
          invalid("long gpu type", j -> field(j, "gpuType", "g".repeat(201)), "gpuType"),
          invalid("no pricing", j -> field(j, "pricing", null), "pricing"),
          invalid("unknown pricing", j -> field(j, "pricing", "reserved"), "pricing"),
          invalid("no rate", j -> field(j, "hourlyRate", null), "hourlyRate"),
          invalid("negative rate", j -> field(j, "hourlyRate", "-0.01"), "hourlyRate"),
          invalid("seven decimals", j -> field(j, "hourlyRate", "1.0000001"), "hourlyRate"),
          invalid(
              "over a trillion",
              j -> field(j, "onDemandHourlyRate", "1000000000000.01"),
              "onDemandHourlyRate"),
          invalid("no estimate min", j -> field(j, "estimateMin", null), "estimateMin"),
          invalid("negative estimate", j -> field(j, "estimateMin", "-1"), "estimateMin"),
          invalid("max below min", j -> field(j, "estimateMax", "9.99"), "estimateMax"),
          invalid("no steps", j -> field(j, "totalSteps", null), "totalSteps"),
          invalid("zero steps", j -> field(j, "totalSteps", "0"), "totalSteps"),
          invalid("ftp control url", j -> field(j, "controlUrl", "ftp://x/y"), "controlUrl"),
          invalid("relative control url", j -> field(j, "controlUrl", "/stop"), "controlUrl"),
          invalid("garbled control url", j -> field(j, "controlUrl", "http://a b"), "controlUrl"),
          invalid(
              "long control url",
              j -> field(j, "controlUrl", "https://x/" + "p".repeat(2000)),
              "controlUrl"));
    }

    private static Arguments invalid(String name, UnaryOperator<NewJob> change, String field) {
      return Arguments.of(name, change.apply(a100("a100-1")), field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidJobs")
    void anInvalidJobIsRefusedNamingItsField(String name, NewJob bad, String field) {
      assertThatThrownBy(() -> service.create(ALICE, bad))
          .isInstanceOfSatisfying(
              RequestRefusedException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.VALIDATION);
                assertThat(e.field()).contains(field);
                assertThat(e.getMessage()).isNotBlank();
              });
      assertThat(jobs.jobs).isEmpty();
    }

    @Test
    void zeroRatesAndAnEstimateOfOnePointAreAccepted() {
      NewJob free =
          with(
              a100("a"),
              j ->
                  field(
                      field(field(j, "hourlyRate", "0"), "estimateMin", "0"), "estimateMax", "0"));

      assertThat(service.create(ALICE, free).hourlyRate()).isZero();
    }
  }

  @Nested
  class Events {

    @Test
    void theStatusFollowsTheEvents() {
      long id = created();

      assertThat(report(id, event("started", "08:00", "s")).status()).isEqualTo(JobStatus.RUNNING);
      assertThat(report(id, event("paused", "09:00", "p")).status()).isEqualTo(JobStatus.PAUSED);
      assertThat(report(id, event("resumed", "09:10", "r")).status()).isEqualTo(JobStatus.RUNNING);
      JobCostReading interrupted = report(id, event("interrupted", "10:00", "i"));
      assertThat(interrupted.status()).isEqualTo(JobStatus.RUNNING);
      assertThat(interrupted.view().state()).isEqualTo(JobState.INTERRUPTED);
      assertThat(report(id, recovered("10:20", "8", "rec")).status()).isEqualTo(JobStatus.RUNNING);
      JobCostReading completed = report(id, event("completed", "11:00", "c"));

      assertThat(completed.status()).isEqualTo(JobStatus.COMPLETED);
      Job job = jobs.jobs.get(id);
      assertThat(job.endedAt()).contains(at("11:00"));
      // 08:00-09:00 and 09:10-10:00 active (110 min) + 10:20-11:00 (40 min) = 150 min × 1.20/60
      // = 3.00; interruption 8 min × 1.20/60 = 0.16; total 3.16
      assertThat(job.finalCost()).contains(new BigDecimal("3.16"));
      assertThat(completed.view().currentCost()).isEqualTo("3.16");
    }

    @Test
    void aFailedJobEndsFailed() {
      long id = created();
      report(id, event("started", "08:00", "s"));

      assertThat(report(id, event("failed", "08:30", "f")).status()).isEqualTo(JobStatus.FAILED);
      assertThat(jobs.jobs.get(id).finalCost()).contains(new BigDecimal("0.60"));
    }

    @Test
    void theCostViewIsTheEnginesAtTheClocksInstant() {
      long id = created();
      report(id, event("started", "08:00", "s"), event("paused", "09:00", "p"));

      JobCostReading reading = service.cost(id);

      // 08:00-09:00 active = 1 h × 1.20 = 1.20; paused 09:00-13:00 = 240 min
      assertThat(reading.view().currentCost()).isEqualTo("1.20");
      assertThat(reading.view().activeMinutes()).isEqualTo(60);
      assertThat(reading.view().pausedMinutes()).isEqualTo(240);
      assertThat(reading.cancelRequested()).isFalse();
    }

    @Test
    void aDuplicateChangesNothingAndGetsTheSameAnswer() {
      long id = created();
      JobCostReading first =
          report(id, event("started", "08:00", "s"), progress("10:00", 500, "training", "p1"));

      JobCostReading again = report(id, progress("10:00", 900, "training", "p1"));

      assertThat(again.view()).isEqualTo(first.view());
      assertThat(jobs.events).hasSize(2);
    }

    @Test
    void lateEventsArePlacedByTheirTime() {
      long id = created();
      report(id, event("started", "08:00", "s"), event("resumed", "09:30", "r"));

      JobCostReading late = report(id, event("paused", "09:00", "p"));

      // 08:00-09:00 and 09:30-13:00 active: 270 min × 1.20/60 = 5.40
      assertThat(late.status()).isEqualTo(JobStatus.RUNNING);
      assertThat(late.view().currentCost()).isEqualTo("5.40");
      assertThat(late.view().pausedMinutes()).isEqualTo(30);
    }

    @ParameterizedTest
    @EnumSource(
        value = JobStatus.class,
        names = {"COMPLETED", "FAILED"})
    void aFinishedJobTakesNoMoreEventsButAnswersDuplicates(JobStatus end) {
      long id = created();
      report(
          id,
          event("started", "08:00", "s"),
          event(end.wireName(), "09:00", "end"),
          event(end.wireName(), "09:00", "end"));

      assertThatThrownBy(() -> report(id, progress("09:30", 10, null, "late")))
          .isInstanceOfSatisfying(
              RequestRefusedException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
                assertThat(e.getMessage()).contains(end.wireName());
              });
      assertThat(jobs.events).hasSize(2);
    }

    @Test
    void anUnknownJobIsNotFound() {
      refused(() -> service.record(ALICE, 42, event("started", "08:00", "s")), Reason.NOT_FOUND);
      refused(() -> service.cost(42), Reason.NOT_FOUND);
      refused(() -> service.cancel(Actor.api(ALICE), 42), Reason.NOT_FOUND);
    }

    @Test
    void aViewerMayNotReportEvents() {
      long id = created();

      refused(
          () -> service.record(user("vic", Role.VIEWER), id, event("started", "08:00", "s")),
          Reason.FORBIDDEN);
      assertThat(jobs.events).isEmpty();
    }

    static List<Arguments> invalidEvents() {
      NewJobEvent good = progress("10:00", 100, "training", "k");
      return List.of(
          Arguments.of("unknown type", retyped(good, "exploded"), "type"),
          Arguments.of("no type", retyped(good, null), "type"),
          Arguments.of("cancelled by a runner", retyped(good, "cancelled"), "type"),
          Arguments.of("no time", timed(good, null), "at"),
          Arguments.of("an hour and a second ahead", timed(good, NOW.plusSeconds(3601)), "at"),
          Arguments.of("no key", keyed(good, null), "idempotencyKey"),
          Arguments.of("long key", keyed(good, "k".repeat(201)), "idempotencyKey"),
          Arguments.of("Costguard's key", keyed(good, "costguard:cancel"), "idempotencyKey"),
          Arguments.of("negative step", progress("10:00", -1, null, "k"), "step"),
          Arguments.of("step past the end", progress("10:00", 2001, null, "k"), "step"),
          Arguments.of("unknown stage", progress("10:00", 1, "testing", "k"), "stage"),
          Arguments.of("progress of nothing", event("progress", "10:00", "k"), "step"),
          Arguments.of("negative recovery", recovered("10:00", "-1", "k"), "recoveryMinutes"),
          Arguments.of("storage of nothing", event("storage", "10:00", "k"), "storageGb"),
          Arguments.of(
              "storage with seven decimals",
              new NewJobEvent(
                  "storage",
                  at("10:00"),
                  "k",
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(new BigDecimal("4.0000001"))),
              "storageGb"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEvents")
    void anInvalidEventIsRefusedNamingItsField(String name, NewJobEvent bad, String field) {
      long id = created();

      assertThatThrownBy(() -> service.record(ALICE, id, bad))
          .isInstanceOfSatisfying(
              RequestRefusedException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.VALIDATION);
                assertThat(e.field()).contains(field);
                assertThat(e.getMessage()).isNotBlank();
              });
      assertThat(jobs.events).isEmpty();
      assertThat(jobs.jobs.get(id).status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void instantsAreKeptToTheMicrosecondTheDatabaseStores() {
      clock.set(NOW.plusNanos(123_456_789));
      long id = created();
      report(
          id,
          new NewJobEvent(
              "started",
              at("08:00").plusNanos(987_654_321),
              "s",
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty()));

      assertThat(jobs.jobs.get(id).createdAt()).isEqualTo(NOW.plusNanos(123_456_000));
      assertThat(jobs.events.get(0).at()).isEqualTo(at("08:00").plusNanos(987_654_000));
      assertThat(jobs.events.get(0).receivedAt()).isEqualTo(NOW.plusNanos(123_456_000));
    }

    @Test
    void anHourOfClockSkewTheLastStepAndUpperCaseNamesAreAccepted() {
      long id = created();

      JobCostReading reading =
          report(
              id,
              event("STARTED", "08:00", "s"),
              new NewJobEvent(
                  "progress",
                  NOW.plus(Duration.ofHours(1)),
                  "p",
                  Optional.of(2000L),
                  Optional.of("Finalizing"),
                  Optional.empty(),
                  Optional.empty()));

      assertThat(reading.status()).isEqualTo(JobStatus.RUNNING);
      assertThat(jobs.events).hasSize(2);
    }
  }

  @Nested
  class Cancel {

    private long running() {
      long id = created();
      report(id, event("started", "08:00", "s"));
      return id;
    }

    @Test
    void theCreatorCancelsLocksTheCostAndTheRunnerIsToldOnce() {
      long id = running();

      JobCostReading cancelled = service.cancel(Actor.api(ALICE), id);

      // 08:00-13:00 running: 5 h × 1.20 = 6.00, locked at 13:00
      assertThat(cancelled.view().currentCost()).isEqualTo("6.00");
      assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
      assertThat(cancelled.cancelRequested()).isTrue();
      Job job = jobs.jobs.get(id);
      assertThat(job.cancelledBy()).contains("alice");
      assertThat(job.finalCost()).contains(new BigDecimal("6.00"));
      assertThat(job.endedAt()).contains(NOW);
      assertThat(runnersTold)
          .containsExactly(new CancelRequest(id, "a100-1", URI.create(CONTROL_URL)));

      clock.advance(Duration.ofHours(2));
      assertThat(service.cost(id).view().currentCost()).isEqualTo("6.00");
      assertThat(service.cancel(Actor.api(ALICE), id).view().currentCost()).isEqualTo("6.00");
      assertThat(runnersTold).hasSize(1);
    }

    @Test
    void theRunnersNextEventIsAnsweredWithCancelRequestedAndChangesNothing() {
      long id = running();
      service.cancel(Actor.api(ALICE), id);
      int stored = jobs.events.size();

      JobCostReading next = report(id, progress("12:59", 1500, "training", "p"));

      assertThat(next.cancelRequested()).isTrue();
      assertThat(next.status()).isEqualTo(JobStatus.CANCELLED);
      assertThat(next.view().currentCost()).isEqualTo("6.00");
      assertThat(jobs.events).hasSize(stored);
    }

    @Test
    void aJobWithoutControlUrlIsCancelledWithoutCallingOut() {
      long id = service.create(ALICE, with(a100("quiet"), j -> field(j, "controlUrl", null))).id();

      assertThat(service.cancel(Actor.api(ALICE), id).status()).isEqualTo(JobStatus.CANCELLED);
      assertThat(runnersTold).isEmpty();
    }

    @Test
    void adminsAndBudgetManagersMayCancelAnyJob() {
      long first = running();
      long second = service.create(ALICE, a100("a100-2")).id();

      assertThat(service.cancel(Actor.api(user("root", Role.ADMIN)), first).status())
          .isEqualTo(JobStatus.CANCELLED);
      assertThat(service.cancel(Actor.api(user("bea", Role.BUDGET_MANAGER)), second).status())
          .isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void theCreatorMayBeNamedByEmail() {
      long id =
          service
              .create(BOB, with(a100("by-mail"), j -> copy(j, Optional.of("Alice@Example.com"))))
              .id();

      assertThat(service.cancel(Actor.api(ALICE), id).status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void anyoneElseIsForbiddenAndNothingChanges() {
      long id = running();
      User viewerCreator = user("alice", Role.VIEWER);

      refused(() -> service.cancel(Actor.api(BOB), id), Reason.FORBIDDEN);
      refused(() -> service.cancel(Actor.api(user("ann", Role.APPROVER)), id), Reason.FORBIDDEN);
      refused(() -> service.cancel(Actor.api(viewerCreator), id), Reason.FORBIDDEN);

      assertThat(jobs.jobs.get(id).status()).isEqualTo(JobStatus.RUNNING);
      assertThat(jobs.jobs.get(id).cancelRequested()).isFalse();
      assertThat(runnersTold).isEmpty();
    }

    @Test
    void aCompletedJobCannotBeCancelled() {
      long id = running();
      report(id, event("completed", "12:00", "c"));

      refused(() -> service.cancel(Actor.api(ALICE), id), Reason.CONFLICT);
      assertThat(jobs.jobs.get(id).status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(runnersTold).isEmpty();
    }

    @Test
    void aCancelIsAuditedOnceWithItsActorStatusAndCostButNotTheControlUrl() {
      long id = running();
      refused(() -> service.cancel(Actor.api(BOB), id), Reason.FORBIDDEN);

      service.cancel(Actor.slack(ALICE), id);
      service.cancel(Actor.api(ALICE), id); // already cancelled: nothing new to record

      assertThat(auditLog.stored).hasSize(1);
      AuditEntry entry = auditLog.stored.get(0);
      assertThat(entry.action()).isEqualTo("job.cancelled");
      assertThat(entry.subjectType()).isEqualTo("job");
      assertThat(entry.subjectId()).isEqualTo(String.valueOf(id));
      assertThat(entry.actor()).isEqualTo("alice");
      assertThat(entry.channel()).isEqualTo("slack");
      assertThat(entry.at()).isEqualTo(NOW);
      assertThat(entry.oldValue()).contains("{\"status\":\"running\"}");
      assertThat(entry.newValue()).contains("{\"status\":\"cancelled\",\"finalCost\":6.00}");
      assertThat(entry.canonicalForm()).doesNotContain("s3cret");
    }

    @Test
    void aQueuedJobIsCancelledAtNoCost() {
      long id = created();

      JobCostReading cancelled = service.cancel(Actor.api(ALICE), id);

      assertThat(cancelled.view().currentCost()).isEqualTo("0.00");
      assertThat(jobs.jobs.get(id).finalCost()).contains(new BigDecimal("0.00"));
    }
  }

  @Nested
  class Snapshots {

    @Test
    void everyJobInProgressGetsOneSnapshotPerSlot() {
      long running = created();
      report(running, event("started", "08:00", "s"));
      long paused = service.create(ALICE, a100("paused")).id();
      report(paused, event("started", "08:00", "s"), event("paused", "09:00", "p"));
      long queued = service.create(ALICE, a100("queued")).id();
      long done = service.create(ALICE, a100("done")).id();
      report(done, event("started", "08:00", "s"), event("completed", "08:30", "c"));

      clock.set(at("13:02"));
      assertThat(snapshots.take()).isEqualTo(2);
      clock.set(at("13:04"));
      assertThat(snapshots.take()).isZero();
      clock.set(at("13:05"));
      assertThat(snapshots.take()).isEqualTo(2);

      // running 08:00-13:02 = 302 min × 1.20/60 = 6.04; 08:00-13:05 = 305 min → 6.10
      assertThat(snapshots.of(running))
          .extracting(s -> s.slotStart(), s -> s.takenAt(), s -> s.currentCost())
          .containsExactly(
              tuple(at("13:00"), at("13:02"), new BigDecimal("6.04")),
              tuple(at("13:05"), at("13:05"), new BigDecimal("6.10")));
      assertThat(snapshots.of(paused)).extracting(s -> s.currentCost()).containsOnly(bd("1.20"));
      assertThat(snapshots.of(queued)).isEmpty();
      assertThat(snapshots.of(done)).isEmpty();
    }

    @Test
    void slotsAreAlignedToFiveMinutes() {
      assertThat(JobSnapshots.slotOf(Instant.parse("2026-03-02T13:04:59.999Z")))
          .isEqualTo(at("13:00"));
      assertThat(JobSnapshots.slotOf(at("13:05"))).isEqualTo(at("13:05"));
      assertThat(JobSnapshots.slotOf(Instant.parse("1969-12-31T23:58:00Z")))
          .isEqualTo(Instant.parse("1969-12-31T23:55:00Z"));
    }
  }

  private static BigDecimal bd(String value) {
    return new BigDecimal(value);
  }

  private static NewJob with(NewJob job, UnaryOperator<NewJob> change) {
    return change.apply(job);
  }

  private static NewJob copy(NewJob j, Optional<String> createdBy) {
    return copy(j, createdBy, j.pricing(), j.onDemandHourlyRate());
  }

  private static NewJob copy(
      NewJob j, Optional<String> createdBy, String pricing, Optional<BigDecimal> onDemand) {
    return new NewJob(
        j.externalId(),
        j.name(),
        createdBy,
        j.client(),
        j.project(),
        j.team(),
        j.provider(),
        j.gpuType(),
        pricing,
        j.hourlyRate(),
        onDemand,
        j.estimateMin(),
        j.estimateMax(),
        j.totalSteps(),
        j.controlUrl());
  }

  /** The job with one field set from text (null: absent). */
  private static NewJob field(NewJob j, String field, String value) {
    Optional<String> text = Optional.ofNullable(value);
    boolean numeric =
        Set.of("hourlyRate", "onDemandHourlyRate", "estimateMin", "estimateMax").contains(field);
    BigDecimal number = value == null || !numeric ? null : new BigDecimal(value);
    return new NewJob(
        field.equals("externalId") ? value : j.externalId(),
        field.equals("name") ? value : j.name(),
        j.createdBy(),
        j.client(),
        j.project(),
        j.team(),
        j.provider(),
        field.equals("gpuType") ? text : j.gpuType(),
        field.equals("pricing") ? value : j.pricing(),
        field.equals("hourlyRate") ? number : j.hourlyRate(),
        field.equals("onDemandHourlyRate") ? Optional.ofNullable(number) : j.onDemandHourlyRate(),
        field.equals("estimateMin") ? number : j.estimateMin(),
        field.equals("estimateMax") ? number : j.estimateMax(),
        field.equals("totalSteps") ? (value == null ? null : Long.valueOf(value)) : j.totalSteps(),
        field.equals("controlUrl") ? text : j.controlUrl());
  }

  private static NewJobEvent retyped(NewJobEvent e, String type) {
    return new NewJobEvent(
        type, e.at(), e.idempotencyKey(), e.step(), e.stage(), e.recoveryMinutes(), e.storageGb());
  }

  private static NewJobEvent timed(NewJobEvent e, Instant at) {
    return new NewJobEvent(
        e.type(), at, e.idempotencyKey(), e.step(), e.stage(), e.recoveryMinutes(), e.storageGb());
  }

  private static NewJobEvent keyed(NewJobEvent e, String key) {
    return new NewJobEvent(
        e.type(), e.at(), key, e.step(), e.stage(), e.recoveryMinutes(), e.storageGb());
  }

  @Nested
  class ByCost {

    @Test
    void jobsComeMostExpensiveFirstWithRunningOnesCostedNowAndTheStatusFilterApplies() {
      long ended = created();
      report(ended, event("started", "09:00", "e1"), event("completed", "10:00", "e2"));
      long running = service.create(ALICE, a100("a100-2")).id();
      report(running, event("started", "10:00", "r1"));
      long queued = service.create(ALICE, a100("a100-3")).id();

      List<JobListing> all = service.byCost(List.of());

      assertThat(all).extracting(l -> l.job().id()).containsExactly(running, ended, queued);
      assertThat(all)
          .extracting(JobListing::cost)
          .containsExactly(
              service.cost(running).view().currentCost(), new BigDecimal("1.20"), BigDecimal.ZERO);
      assertThat(all.get(0).cost()).isEqualByComparingTo("3.60");
      assertThat(service.byCost(List.of(JobStatus.COMPLETED)))
          .extracting(l -> l.job().id())
          .containsExactly(ended);
    }
  }

  @Nested
  class Editing {

    /** Acme (ACME, project ACME-Q1) and Globex (GLOBEX, project GLOBEX-ML) are registered. */
    @BeforeEach
    void register() {
      clients.add(new Client("Acme Corp", "ACME", Optional.empty(), PriorityTier.A, NOW));
      clients.add(new Client("Globex", "GLOBEX", Optional.empty(), PriorityTier.B, NOW));
      long acmeId = clients.clients().get(0).id();
      long globexId = clients.clients().get(1).id();
      clients.add(new Project(details("Q1", acmeId, "ACME-Q1"), NOW));
      clients.add(new Project(details("Vision", globexId, "GLOBEX-ML"), NOW));
    }

    private ProjectDetails details(String name, long clientId, String code) {
      return new ProjectDetails(
          name,
          clientId,
          code,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }

    private JobEdit edit(String name, String client, String project, String team) {
      return new JobEdit(
          name,
          Optional.ofNullable(client),
          Optional.ofNullable(project),
          Optional.ofNullable(team));
    }

    @Test
    void theCreatorRenamesAndMovesTheJobAndOnlyTheChangedFieldsAreAudited() {
      long id = service.create(ALICE, a100("edit-1")).id();

      Job edited =
          service.update(
              Actor.portal(ALICE), id, edit(" Vision run ", "GLOBEX", "GLOBEX-ML", "ml-platform"));

      assertThat(edited.name()).isEqualTo("Vision run");
      Job stored = jobs.jobs.get(id);
      assertThat(stored.client()).contains("GLOBEX");
      assertThat(stored.project()).contains("GLOBEX-ML");
      assertThat(stored.team()).contains("ml-platform");
      assertThat(auditLog.stored).hasSize(1);
      AuditEntry entry = auditLog.stored.get(0);
      assertThat(entry.action()).isEqualTo("job.updated");
      assertThat(entry.subjectType()).isEqualTo("job");
      assertThat(entry.subjectId()).isEqualTo(String.valueOf(id));
      assertThat(entry.actor()).isEqualTo("alice");
      assertThat(entry.oldValue())
          .contains(
              "{\"name\":\"Fine-tune support model\",\"client\":\"Acme Corp\","
                  + "\"project\":\"Support assistant\"}");
      assertThat(entry.newValue())
          .contains("{\"name\":\"Vision run\",\"client\":\"GLOBEX\",\"project\":\"GLOBEX-ML\"}");
    }

    @Test
    void clearingTheTeamIsAuditedAsNull() {
      long id = service.create(ALICE, a100("edit-2")).id();

      service.update(
          Actor.portal(ALICE),
          id,
          edit("Fine-tune support model", "Acme Corp", "Support assistant", null));

      assertThat(jobs.jobs.get(id).team()).isEmpty();
      assertThat(auditLog.stored.get(0).oldValue()).contains("{\"team\":\"ml-platform\"}");
      assertThat(auditLog.stored.get(0).newValue()).contains("{\"team\":null}");
    }

    @Test
    void anUnchangedEditRecordsNothingAndKeepsAnUnregisteredAttribution() {
      long id = service.create(ALICE, a100("edit-3")).id();

      service.update(
          Actor.portal(ALICE),
          id,
          edit("Fine-tune support model", "Acme Corp", "Support assistant", "ml-platform"));

      assertThat(auditLog.stored).isEmpty();
    }

    @Test
    void adminsAndBudgetManagersMayEditAnyJob() {
      long id = service.create(ALICE, a100("edit-4")).id();

      service.update(Actor.portal(user("root", Role.ADMIN)), id, edit("A", "ACME", null, null));
      service.update(
          Actor.portal(user("bea", Role.BUDGET_MANAGER)), id, edit("B", "ACME", "ACME-Q1", null));

      assertThat(jobs.jobs.get(id).name()).isEqualTo("B");
      assertThat(jobs.jobs.get(id).project()).contains("ACME-Q1");
    }

    @Test
    void anyoneElseIsForbiddenAndNothingIsWritten() {
      long id = service.create(ALICE, a100("edit-5")).id();
      JobEdit move = edit("Hijacked", "GLOBEX", null, null);

      refused(() -> service.update(Actor.portal(BOB), id, move), Reason.FORBIDDEN);
      refused(
          () -> service.update(Actor.portal(user("ann", Role.APPROVER)), id, move),
          Reason.FORBIDDEN);
      refused(
          () -> service.update(Actor.portal(user("alice", Role.VIEWER)), id, move),
          Reason.FORBIDDEN);
      refused(() -> service.update(Actor.portal(ALICE), 4242, move), Reason.NOT_FOUND);

      assertThat(jobs.jobs.get(id).name()).isEqualTo("Fine-tune support model");
      assertThat(jobs.jobs.get(id).client()).contains("Acme Corp");
      assertThat(auditLog.stored).isEmpty();
    }

    static Stream<Arguments> invalidEdits() {
      return Stream.of(
          Arguments.of(null, "ACME", null, "name"),
          Arguments.of("  ", "ACME", null, "name"),
          Arguments.of("x".repeat(201), "ACME", null, "name"),
          Arguments.of("ok", "NOPE", null, "client"),
          Arguments.of("ok", "x".repeat(201), null, "client"),
          Arguments.of("ok", "ACME", "GLOBEX-ML", "project"),
          Arguments.of("ok", null, "NOPE", "project"));
    }

    @ParameterizedTest
    @MethodSource("invalidEdits")
    void anInvalidEditNamesItsFieldAndWritesNothing(
        String name, String client, String project, String field) {
      long id = service.create(ALICE, a100("edit-6")).id();

      assertThatThrownBy(
              () -> service.update(Actor.portal(ALICE), id, edit(name, client, project, null)))
          .isInstanceOfSatisfying(
              RequestRefusedException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.VALIDATION);
                assertThat(e.field()).contains(field);
              });
      assertThat(jobs.jobs.get(id).name()).isEqualTo("Fine-tune support model");
      assertThat(auditLog.stored).isEmpty();
    }

    @Test
    void aProjectOfAnUnregisteredClientIsAnyRegisteredProject() {
      long id = service.create(ALICE, a100("edit-7")).id();

      service.update(Actor.portal(ALICE), id, edit("ok", null, "Vision", null));

      assertThat(jobs.jobs.get(id).client()).isEmpty();
      assertThat(jobs.jobs.get(id).project()).contains("Vision");
    }
  }
}
