package com.costguard.application;

import static com.costguard.application.JobServiceTest.a100;
import static com.costguard.application.JobServiceTest.at;
import static com.costguard.application.JobServiceTest.event;
import static com.costguard.application.JobServiceTest.progress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.costguard.application.JobWriter.JobEventFor;
import com.costguard.application.JobWriter.Recorded;
import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.cost.job.JobEvent;
import com.costguard.cost.job.JobEventType;
import com.costguard.cost.job.JobState;
import com.costguard.model.job.JobStatus;
import com.costguard.model.job.NewJobEventFor;
import com.costguard.model.job.ReportedJobEvent;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Job events written together: each answered on its own, each stored once, one job per batch. */
class JobEventBatchesTest {

  private static final User ALICE =
      new User(
          "alice", "alice@example.com", "alice", EnumSet.of(Role.ENGINEER), null, Instant.EPOCH);

  private final InMemoryJobRepository jobs = new InMemoryJobRepository();
  private final MovableClock clock = new MovableClock(at("13:00"));
  private final JobService service = new JobService();

  /** Each batch the writer was given, as the job ids in it. */
  private final List<List<Long>> batches = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void wire() {
    JobWriter writer =
        new JobWriter() {
          @Override
          public List<Recorded> record(List<JobEventFor> events, List<Long> budgetsInScope) {
            batches.add(events.stream().map(JobEventFor::jobId).toList());
            // Long enough for the other threads to queue theirs meanwhile, as a database would.
            pause();
            // The in-memory repositories are not the database: one batch at a time in them.
            synchronized (jobs) {
              return super.record(events, budgetsInScope);
            }
          }
        };
    writer.jobs = jobs;
    writer.clock = clock;
    writer.audit = new AuditLog();
    writer.audit.log = new InMemoryAuditRepository();
    writer.audit.clock = clock;
    BudgetAlerts alerts =
        Alerting.wired(new InMemoryBudgetRepository(), new InMemoryCostEventRepository(), clock);
    writer.alerts = alerts;
    writer.estimateAlerts = Alerting.estimates(alerts, new InMemoryUserRepository(), clock);
    service.alerts = alerts;
    service.jobs = jobs;
    service.writer = writer;
    service.batches = Alerting.batches(jobs, writer, alerts);
    service.runners = request -> {};
    service.clock = clock;
  }

  private static void pause() {
    try {
      Thread.sleep(3);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private long job(String externalId) {
    return service.create(ALICE, a100(externalId)).id();
  }

  @Test
  void eachEventOfABatchIsAnsweredOrRefusedOnItsOwn() {
    long running = job("running");
    long completed = job("completed");
    long stepped = job("stepped");
    service.record(ALICE, running, event("started", "09:00", "s"));
    service.record(ALICE, completed, event("started", "09:00", "s"));
    service.record(ALICE, completed, event("completed", "10:00", "c"));
    service.record(ALICE, stepped, event("started", "09:00", "s"));

    List<Recorded> recorded =
        service.writer.record(
            List.of(
                new JobEventFor(running, JobEvent.progress(at("10:00"), 500, "p")),
                new JobEventFor(999, JobEvent.of(JobEventType.STARTED, at("10:00"), "s")),
                new JobEventFor(completed, JobEvent.progress(at("10:30"), 500, "late")),
                new JobEventFor(stepped, JobEvent.progress(at("10:00"), 2001, "past"))),
            List.of());

    assertThat(recorded.get(0).answer().status()).isEqualTo(JobStatus.RUNNING);
    assertThat(recorded.get(1).refusal().orElseThrow().reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(recorded.get(2).refusal().orElseThrow().reason()).isEqualTo(Reason.CONFLICT);
    RequestRefusedException past = recorded.get(3).refusal().orElseThrow();
    assertThat(past.reason()).isEqualTo(Reason.VALIDATION);
    assertThat(past.field()).contains("step");
    // Only the accepted event is stored; the refused ones changed nothing.
    assertThat(keys(running)).containsExactly("s", "p");
    assertThat(keys(completed)).containsExactly("s", "c");
    assertThat(keys(stepped)).containsExactly("s");
  }

  @Test
  void twoEventsOfOneJobNeverShareABatch() {
    long id = job("twice");
    assertThatThrownBy(
            () ->
                service.writer.record(
                    List.of(
                        new JobEventFor(id, JobEvent.of(JobEventType.STARTED, at("09:00"), "s")),
                        new JobEventFor(id, JobEvent.progress(at("10:00"), 5, "p"))),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eventsArrivingTogetherAreWrittenTogetherEachStoredOnceAndAnswered() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int j = 0; j < 6; j++) {
      long id = job("job-" + j);
      service.record(ALICE, id, event("started", "09:00", "s"));
      ids.add(id);
    }
    batches.clear();
    int threads = 8;
    int perThread = 30;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Set<String> answered = ConcurrentHashMap.newKeySet();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                  long id = ids.get((thread / 2 + i) % ids.size());
                  // Every key is sent by two threads: the second is a duplicate, stored once.
                  String key = "p-" + (thread / 2) + "-" + i;
                  JobCostReading reading =
                      service.record(ALICE, id, progress("10:00", 1 + i, null, key));
                  if (reading.job().id() != id) {
                    throw new AssertionError("job " + id + " answered with " + reading.job().id());
                  }
                  answered.add(id + "/" + key);
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    int sent = threads * perThread;
    assertThat(answered).hasSize(sent / 2);
    for (long id : ids) {
      Set<String> expected =
          answered.stream()
              .filter(k -> k.startsWith(id + "/"))
              .map(k -> k.substring(k.indexOf('/') + 1))
              .collect(Collectors.toSet());
      List<String> stored = keys(id).subList(1, keys(id).size());
      assertThat(stored).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(sent);
    assertThat(batches).allSatisfy(batch -> assertThat(batch).doesNotHaveDuplicates());
    assertThat(batches.size())
        .as("fewer transactions than events: batches formed while one was written")
        .isLessThan(sent);
  }

  @Test
  void severalJobsEventsSentInOneCallAreWrittenInOrderAndEachAnswered() {
    long a = job("a");
    long b = job("b");
    long completed = job("completed");
    service.record(ALICE, completed, event("started", "09:00", "s"));
    service.record(ALICE, completed, event("completed", "10:00", "c"));
    batches.clear();

    List<Recorded> recorded =
        service.recordAll(
            ALICE,
            List.of(
                new NewJobEventFor(a, event("started", "09:00", "s")),
                new NewJobEventFor(b, event("started", "09:30", "s")),
                new NewJobEventFor(a, progress("10:00", 100, null, "p1")),
                new NewJobEventFor(999, event("started", "09:00", "s")),
                new NewJobEventFor(completed, progress("10:30", 5, null, "late")),
                new NewJobEventFor(a, event("completed", "11:00", "c")),
                new NewJobEventFor(b, progress("10:00", 2001, null, "past"))));

    // Each answer is its job's cost view as its own event left it (the in-memory job itself is
    // shared by the answers; the database's are each their transaction's).
    assertThat(recorded.get(0).answer().view().state()).isEqualTo(JobState.RUNNING);
    assertThat(recorded.get(1).answer().job().id()).isEqualTo(b);
    assertThat(recorded.get(2).answer().view().state()).isEqualTo(JobState.RUNNING);
    assertThat(recorded.get(3).refusal().orElseThrow().reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(recorded.get(4).refusal().orElseThrow().reason()).isEqualTo(Reason.CONFLICT);
    assertThat(recorded.get(5).answer().view().state()).isEqualTo(JobState.COMPLETED);
    assertThat(recorded.get(5).answer().view().activeMinutes()).isEqualTo(120);
    assertThat(recorded.get(6).refusal().orElseThrow().field()).contains("step");
    assertThat(keys(a)).containsExactly("s", "p1", "c");
    assertThat(keys(b)).containsExactly("s");
    assertThat(keys(completed)).containsExactly("s", "c");
    assertThat(batches).allSatisfy(batch -> assertThat(batch).doesNotHaveDuplicates());
    assertThat(batches).hasSizeGreaterThanOrEqualTo(3); // a's three events, one batch after another
  }

  @Test
  void anInvalidFieldInAnyEventRefusesTheWholeCallAndWritesNothing() {
    long a = job("a");
    long b = job("b");
    RequestRefusedException refused =
        catchThrowableOfType(
            () ->
                service.recordAll(
                    ALICE,
                    List.of(
                        new NewJobEventFor(a, event("started", "09:00", "s")),
                        new NewJobEventFor(b, event("launched", "09:00", "s")))),
            RequestRefusedException.class);

    assertThat(refused.reason()).isEqualTo(Reason.VALIDATION);
    assertThat(refused.field()).contains("events[1].type");
    assertThat(keys(a)).isEmpty();
    assertThat(batches).isEmpty();
  }

  @Test
  void aCallNeedsAWriterAndOneToAThousandEvents() {
    long a = job("a");
    User viewer =
        new User("vic", "vic@example.com", "vic", EnumSet.of(Role.VIEWER), null, Instant.EPOCH);
    NewJobEventFor started = new NewJobEventFor(a, event("started", "09:00", "s"));
    assertThat(
            catchThrowableOfType(
                    () -> service.recordAll(viewer, List.of(started)),
                    RequestRefusedException.class)
                .reason())
        .isEqualTo(Reason.FORBIDDEN);
    assertThat(
            catchThrowableOfType(
                    () -> service.recordAll(ALICE, List.of()), RequestRefusedException.class)
                .reason())
        .isEqualTo(Reason.VALIDATION);
    assertThat(
            catchThrowableOfType(
                    () -> service.recordAll(ALICE, Collections.nCopies(1_001, started)),
                    RequestRefusedException.class)
                .reason())
        .isEqualTo(Reason.TOO_LARGE);
    assertThat(keys(a)).isEmpty();
  }

  private List<String> keys(long jobId) {
    return jobs.events(jobId).stream().map(ReportedJobEvent::idempotencyKey).toList();
  }
}
