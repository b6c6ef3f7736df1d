package com.costguard.application;

import com.costguard.cost.Money;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.job.Projection;
import com.costguard.model.budget.BudgetDefinition;
import com.costguard.model.client.Client;
import com.costguard.model.client.ClientDetails;
import com.costguard.model.client.ProjectDetails;
import com.costguard.model.job.Job;
import com.costguard.model.job.JobStatus;
import com.costguard.model.job.NewJob;
import com.costguard.model.job.NewJobEvent;
import com.costguard.model.user.NewUser;
import com.costguard.model.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * The demo's GPU side, loaded through the same services as the API so every rule applies: a few
 * people, six months of training jobs of every status on spot and on-demand GPUs, jobs running now
 * in each estimate zone (kept moving by {@link #advanceRunningJobs()}), budgets near each alert
 * threshold and increase requests waiting for an approver.
 */
@ApplicationScoped
public class DemoJobs {

  static final String JOB_PREFIX = "demo-job-";
  private static final int MONTHS = 6;
  private static final int JOBS_PER_MONTH = 8;

  /** A GPU and what it costs per hour on spot and on demand. */
  private record Gpu(String type, String spot, String onDemand) {}

  private static final Gpu[] GPUS = {
    new Gpu("H100", "2.49", "7.99"),
    new Gpu("A100", "1.20", "3.67"),
    new Gpu("L4", "0.35", "0.80"),
    new Gpu("A10G", "0.45", "1.21"),
  };
  private static final String[][] CLIENT_PROJECTS = {
    {"Acme Corp", "Support assistant"},
    {"Globex", "Market research agent"},
    {"Initech", "Churn model"},
    {"Umbrella Health", "Clinical notes summariser"},
  };

  /**
   * The clients and projects above as registered for attribution: client code, industry, priority
   * tier, project code, projected revenue, other costs — revenue set so that the projects' margins
   * fall in each of SPEC §2's bands.
   */
  private static final String[][] CLIENT_DETAILS = {
    {"ACME", "Retail", "A", "ACME-SUP", "25000", "1500"},
    {"GLBX", "Market research", "B", "GLBX-MRA", "1500", "900"},
    {"INIT", "Software", "C", "INIT-CHURN", "1200", "400"},
    {"UMBR", "Healthcare", "A", "UMBR-NOTES", "30000", "2500"},
  };

  private static final String[] MODELS = {
    "Fine-tune", "LoRA sweep", "Distil", "Pre-train adapter", "RLHF pass"
  };
  private static final String[] CREATORS = {"sam", "lee", "maria"};

  @Inject JobService jobs;
  @Inject UserService users;
  @Inject BudgetService budgets;
  @Inject IncreaseRequestService increases;
  @Inject ClientService clients;
  @Inject JobSnapshots snapshots;
  @Inject Clock clock;

  /** Loads the demo jobs, budgets and requests unless an earlier start did; returns the jobs. */
  public int loadIfMissing() {
    User admin = users.byUsername(UserService.ADMIN).orElseThrow();
    if (!jobs.byCost(List.of(JobStatus.QUEUED)).isEmpty() || users.byUsername("sam").isPresent()) {
      return 0;
    }
    User sam = person(admin, "sam", "Sam Engineer", "ENGINEER");
    person(admin, "lee", "Lee Researcher", "ENGINEER");
    person(admin, "maria", "Maria Budget", "BUDGET_MANAGER", "APPROVER");
    person(admin, "pat", "Pat Approver", "APPROVER");
    person(admin, "vic", "Vic Viewer", "VIEWER");

    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Random random = new Random(7);
    int created = 0;
    for (int month = MONTHS - 1; month >= 0; month--) {
      for (int n = 0; n < JOBS_PER_MONTH; n++) {
        Instant start =
            now.minus(Duration.ofDays(30L * month + 2 + random.nextInt(26)))
                .minus(Duration.ofMinutes(random.nextInt(600)));
        boolean failed = random.nextInt(8) == 0;
        historical(admin, random, "m" + month + "-" + n, start, failed);
        created++;
      }
    }
    created += running(admin, now);
    budgetsNearThresholds(admin, sam);
    registerClientsAndProjects(admin, now);
    return created;
  }

  /** Registers the demo's clients and projects, so attribution shows revenue, profit and margin. */
  private void registerClientsAndProjects(User admin, Instant now) {
    LocalDate start = LocalDate.ofInstant(now, ZoneOffset.UTC).minusMonths(MONTHS);
    for (int i = 0; i < CLIENT_PROJECTS.length; i++) {
      String[] names = CLIENT_PROJECTS[i];
      String[] details = CLIENT_DETAILS[i];
      Client client =
          clients.create(
              Actor.portal(admin),
              new ClientDetails(names[0], details[0], Optional.of(details[1]), details[2]));
      clients.create(
          Actor.portal(admin),
          new ProjectDetails(
              names[1],
              client.id(),
              details[3],
              Optional.of(start),
              Optional.empty(),
              Optional.of(new BigDecimal(details[4])),
              Optional.of(new BigDecimal(details[5]))));
    }
  }

  private User person(User admin, String username, String name, String... roles) {
    return users
        .byUsername(username)
        .orElseGet(
            () ->
                users.create(
                    admin,
                    new NewUser(
                        Optional.of(username),
                        username + "@demo.costguard.example",
                        name,
                        List.of(roles),
                        Optional.empty(),
                        Optional.empty())));
  }

  /** A finished job: loading, training with a spot interruption or two, finalizing, ended. */
  private void historical(User admin, Random random, String key, Instant start, boolean failed) {
    Gpu gpu = GPUS[random.nextInt(GPUS.length)];
    boolean spot = random.nextInt(3) > 0;
    long hours = 2 + random.nextInt(14);
    long steps = 1000L * (1 + random.nextInt(5));
    BigDecimal rate = new BigDecimal(spot ? gpu.spot() : gpu.onDemand());
    BigDecimal expected = rate.multiply(BigDecimal.valueOf(hours));
    // Most estimates hold; a few jobs overrun theirs.
    BigDecimal scale = random.nextInt(5) == 0 ? new BigDecimal("0.7") : new BigDecimal("0.95");
    Job job =
        jobs.create(
            admin,
            newJob(
                key,
                gpu,
                spot,
                steps,
                expected.multiply(scale),
                expected.multiply(scale).multiply(new BigDecimal("1.2")),
                random));
    long id = job.id();
    Instant training = start.plus(Duration.ofMinutes(15));
    Instant end = start.plus(Duration.ofHours(hours));
    record(admin, id, "started", start, null, null, null, "s");
    record(admin, id, "progress", start, null, "loading", null, "p0");
    record(admin, id, "progress", training, 1L, "training", null, "p1");
    if (spot) {
      Instant at = training.plus(Duration.between(training, end).dividedBy(3));
      record(admin, id, "interrupted", at, null, null, null, "i1");
      record(
          admin,
          id,
          "recovered",
          at.plus(Duration.ofMinutes(6 + random.nextInt(10))),
          null,
          null,
          null,
          "r1");
    }
    record(
        admin,
        id,
        "progress",
        training.plus(Duration.between(training, end).dividedBy(2)),
        steps / 2,
        null,
        null,
        "p2");
    if (failed) {
      record(
          admin,
          id,
          "failed",
          end.minus(Duration.between(training, end).dividedBy(3)),
          null,
          null,
          null,
          "f");
      return;
    }
    record(
        admin,
        id,
        "storage",
        end.minus(Duration.ofMinutes(20)),
        null,
        null,
        new BigDecimal("4.2"),
        "st");
    record(
        admin, id, "progress", end.minus(Duration.ofMinutes(15)), steps, "finalizing", null, "p3");
    record(admin, id, "completed", end, null, null, null, "c");
  }

  /** An event of the demo's live jobs, reported when the walk through the last hours reaches it. */
  private record Due(Instant at, long jobId, String type, Long step, String stage, String key) {}

  /**
   * Jobs under way now: one on track, one approaching its estimate, one over it, one paused, one
   * queued; and two cancelled just now. Their estimates are set from what they have cost so far, so
   * each starts in its zone. Their events are reported in time order, slot by slot, with the
   * 5-minute snapshots taken in between, so their mini charts have a history on first sight.
   */
  private int running(User admin, Instant now) {
    List<Due> due = new ArrayList<>();
    live(admin, due, "live-green", "Fine-tune", GPUS[0], true, 6, "2.0", "2.4", 20_000, now, null);
    live(
        admin,
        due,
        "live-yellow",
        "LoRA sweep",
        GPUS[1],
        false,
        10,
        "1.1",
        "1.25",
        8_000,
        now,
        null);
    live(
        admin,
        due,
        "live-red",
        "Pre-train adapter",
        GPUS[0],
        true,
        9,
        "0.75",
        "0.9",
        30_000,
        now,
        null);
    live(
        admin,
        due,
        "live-paused",
        "Distil",
        GPUS[2],
        true,
        3,
        "2.0",
        "2.5",
        5_000,
        now,
        now.minus(Duration.ofMinutes(40)));
    List<Long> cancelled = new ArrayList<>();
    for (String name : List.of("cancelled-1", "cancelled-2")) {
      cancelled.add(
          live(admin, due, name, "RLHF pass", GPUS[1], true, 2, "3.0", "3.5", 6_000, now, null));
    }
    jobs.create(
        admin,
        newJob(
            "live-queued",
            GPUS[3],
            true,
            4000,
            new BigDecimal("8"),
            new BigDecimal("10"),
            new Random(1)));

    due.sort(Comparator.comparing(Due::at));
    int next = 0;
    Instant first = due.get(0).at();
    for (Instant slot = JobSnapshots.slotOf(first).plus(JobSnapshots.INTERVAL);
        slot.isBefore(now);
        slot = slot.plus(JobSnapshots.INTERVAL)) {
      while (next < due.size() && !due.get(next).at().isAfter(slot)) {
        report(admin, due.get(next++));
      }
      snapshots.take(slot);
    }
    while (next < due.size()) {
      report(admin, due.get(next++));
    }
    for (long id : cancelled) {
      jobs.cancel(Actor.portal(admin), id);
    }
    return 7;
  }

  private void report(User admin, Due event) {
    record(
        admin,
        event.jobId(),
        event.type(),
        event.at(),
        event.step(),
        event.stage(),
        null,
        event.key());
  }

  /**
   * A job started {@code hours} ago, training at a steady speed (reported every half hour, until
   * {@code pausedAt} if it pauses); its estimate is its cost so far times {@code minFactor}..{@code
   * maxFactor}. Creates the job and adds its events to {@code due}.
   */
  private long live(
      User admin,
      List<Due> due,
      String key,
      String name,
      Gpu gpu,
      boolean spot,
      long hours,
      String minFactor,
      String maxFactor,
      long steps,
      Instant now,
      Instant pausedAt) {
    BigDecimal rate = new BigDecimal(spot ? gpu.spot() : gpu.onDemand());
    BigDecimal soFar = rate.multiply(BigDecimal.valueOf(hours));
    NewJob job =
        newJob(
            key,
            gpu,
            spot,
            steps,
            soFar.multiply(new BigDecimal(minFactor)),
            soFar.multiply(new BigDecimal(maxFactor)),
            new Random(key.hashCode()));
    job =
        new NewJob(
            job.externalId(),
            name + " " + job.project().orElseThrow().toLowerCase(Locale.ROOT),
            job.createdBy(),
            job.client(),
            job.project(),
            job.team(),
            job.provider(),
            job.gpuType(),
            job.pricing(),
            job.hourlyRate(),
            job.onDemandHourlyRate(),
            job.estimateMin(),
            job.estimateMax(),
            job.totalSteps(),
            job.controlUrl());
    long id = jobs.create(admin, job).id();
    Instant start = now.minus(Duration.ofHours(hours));
    Instant last = pausedAt == null ? now.minus(Duration.ofMinutes(2)) : pausedAt;
    due.add(new Due(start, id, "started", null, null, "s"));
    due.add(new Due(start, id, "progress", null, "loading", "p0"));
    Instant training = start.plus(Duration.ofMinutes(12));
    due.add(new Due(training, id, "progress", 1L, "training", "p1"));
    // About half the steps by now: it finishes in about twice its age.
    long doneByNow = steps * hours / (hours * 2 + 1);
    long span = Duration.between(training, now).toSeconds();
    for (Instant at = training.plus(Duration.ofMinutes(30));
        at.isBefore(last);
        at = at.plus(Duration.ofMinutes(30))) {
      long step = Math.max(2, doneByNow * Duration.between(training, at).toSeconds() / span);
      due.add(new Due(at, id, "progress", step, null, "p-" + at.getEpochSecond()));
    }
    long lastStep = Math.max(2, doneByNow * Duration.between(training, last).toSeconds() / span);
    due.add(new Due(last, id, "progress", lastStep, null, "p-last"));
    if (pausedAt != null) {
      due.add(new Due(pausedAt, id, "paused", null, null, "pause"));
    }
    return id;
  }

  /**
   * Moves every running demo job on by the steps its own speed gives a minute: the demo ticks. One
   * transaction: the schedule's thread has no request whose entity manager reads could use.
   */
  @Transactional
  public int advanceRunningJobs() {
    User admin = users.byUsername(UserService.ADMIN).orElseThrow();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    int moved = 0;
    for (JobListing listing : jobs.byCost(List.of(JobStatus.RUNNING))) {
      Job job = listing.job();
      if (!job.externalId().startsWith(JOB_PREFIX)) {
        continue;
      }
      Optional<Projection> projection = jobs.cost(job.id()).view().projection();
      if (projection.isEmpty()) {
        continue;
      }
      long perMinute =
          Math.max(
              1,
              projection
                  .get()
                  .stepsPerHour()
                  .divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP)
                  .longValue());
      long next = Math.min(job.totalSteps() - 1, projection.get().completedSteps() + perMinute);
      record(admin, job.id(), "progress", now, next, null, null, "tick-" + now.getEpochSecond());
      moved++;
    }
    return moved;
  }

  /**
   * Budgets per client whose spend this month sits at about 82%, 96% and 107% of their limits, and
   * the whole organisation's training budget at about two thirds; two increases wait for approval.
   */
  private void budgetsNearThresholds(User admin, User engineer) {
    Actor actor = Actor.portal(admin);
    budget(actor, "Training budget", BudgetScope.wholeOrganisation(), "1.5");
    long acme = budget(actor, "Acme Corp monthly", client("Acme Corp"), "1.2195");
    long globex = budget(actor, "Globex monthly", client("Globex"), "1.0417");
    long initech = budget(actor, "Initech monthly", client("Initech"), "0.93");
    Actor asker = Actor.portal(engineer);
    increases.request(
        asker,
        globex,
        limitOf(globex).multiply(new BigDecimal("1.5")).setScale(0, RoundingMode.UP),
        "Market research agent retraining for the Q4 launch needs two more H100 runs.");
    increases.request(
        asker,
        initech,
        limitOf(initech).multiply(new BigDecimal("1.3")).setScale(0, RoundingMode.UP),
        "Churn model overran after spot interruptions; finishing the sweep this month.");
    increases.request(
        asker,
        acme,
        limitOf(acme).multiply(new BigDecimal("1.25")).setScale(0, RoundingMode.UP),
        "Support assistant fine-tune on the new ticket corpus.");
  }

  private static BudgetScope client(String name) {
    return new BudgetScope(Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private BigDecimal limitOf(long id) {
    return budgets.get(id).budget().limit();
  }

  /** A monthly budget whose limit is this month's spend in its scope × {@code spendFactor}. */
  private long budget(Actor actor, String name, BudgetScope scope, String spendFactor) {
    BudgetDefinition defaults = BudgetDefinition.defaults();
    BudgetDefinition definition =
        new BudgetDefinition(
            name,
            defaults.period(),
            new BigDecimal("10000"),
            List.of(80, 95, 100),
            true,
            scope,
            false,
            false,
            Optional.of("maria"),
            Optional.of("maria"));
    BudgetView created = budgets.create(actor, definition);
    BigDecimal spent = created.status().spent();
    if (spent.signum() > 0) {
      BigDecimal limit = Money.cents(spent.multiply(new BigDecimal(spendFactor)));
      budgets.update(actor, created.budget().id(), d -> d.withLimit(limit));
    }
    return created.budget().id();
  }

  private static NewJob newJob(
      String key,
      Gpu gpu,
      boolean spot,
      long steps,
      BigDecimal min,
      BigDecimal max,
      Random random) {
    String[] clientProject = CLIENT_PROJECTS[random.nextInt(CLIENT_PROJECTS.length)];
    return new NewJob(
        JOB_PREFIX + key,
        MODELS[random.nextInt(MODELS.length)] + " " + clientProject[1].toLowerCase(Locale.ROOT),
        Optional.of(CREATORS[random.nextInt(CREATORS.length)]),
        Optional.of(clientProject[0]),
        Optional.of(clientProject[1]),
        Optional.of("ml-platform"),
        Optional.of("aws"),
        Optional.of(gpu.type()),
        spot ? "spot" : "on_demand",
        new BigDecimal(spot ? gpu.spot() : gpu.onDemand()),
        Optional.of(new BigDecimal(gpu.onDemand())),
        Money.cents(min),
        Money.cents(max),
        steps,
        Optional.empty());
  }

  private void record(
      User admin,
      long jobId,
      String type,
      Instant at,
      Long step,
      String stage,
      BigDecimal storageGb,
      String key) {
    jobs.record(
        admin,
        jobId,
        new NewJobEvent(
            type,
            at,
            JOB_PREFIX + jobId + "-" + key,
            Optional.ofNullable(step),
            Optional.ofNullable(stage),
            Optional.empty(),
            Optional.ofNullable(storageGb)));
  }
}
