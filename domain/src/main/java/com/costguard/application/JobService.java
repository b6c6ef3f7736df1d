package com.costguard.application;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.application.JobWriter.JobEventFor;
import com.costguard.application.JobWriter.Recorded;
import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.cost.Money;
import com.costguard.cost.budget.SpendAttribution;
import com.costguard.cost.job.JobEvent;
import com.costguard.cost.job.JobEventType;
import com.costguard.cost.job.Pricing;
import com.costguard.cost.job.Stage;
import com.costguard.model.client.Client;
import com.costguard.model.client.ClientRepository;
import com.costguard.model.client.Project;
import com.costguard.model.job.Job;
import com.costguard.model.job.JobEdit;
import com.costguard.model.job.JobRepository;
import com.costguard.model.job.JobStatus;
import com.costguard.model.job.NewJob;
import com.costguard.model.job.NewJobEvent;
import com.costguard.model.job.NewJobEventFor;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Jobs over every face: created by runners, moved along by their events, costed by the engine,
 * cancelled by the people SPEC §3 allows. Validates and authorises; {@link JobWriter} stores.
 */
@ApplicationScoped
public class JobService {

  static final int MAX_URL = 2000;

  /** Events in one {@link #recordAll} call at most. */
  public static final int MAX_EVENTS_PER_CALL = 1_000;

  /** Idempotency keys Costguard uses for events it records itself, such as a cancel. */
  static final String RESERVED_KEY_PREFIX = "costguard:";

  /** SPEC §1's event types; {@code cancelled} is recorded by a cancel, never reported. */
  private static final String EVENT_TYPES =
      Arrays.stream(JobEventType.values())
          .filter(type -> type != JobEventType.CANCELLED)
          .map(JobService::wireName)
          .collect(Collectors.joining(", "));

  private static final String STAGES =
      Arrays.stream(Stage.values()).map(JobService::wireName).collect(Collectors.joining(", "));

  @Inject JobRepository jobs;
  @Inject JobWriter writer;
  @Inject JobEventBatches batches;
  @Inject RunnerControl runners;
  @Inject BudgetAlerts alerts;
  @Inject Clock clock;
  @Inject ClientRepository clients;

  /**
   * Creates a queued job. Jobs are created by runners over the API, so a refusal is audited as the
   * API's.
   *
   * @throws RequestRefusedException 403 for a VIEWER, 400 naming an invalid field, 409 when the
   *     external id is taken, 409 BUDGET_EXCEEDED naming a blocking budget that refuses it
   */
  public Job create(User actor, NewJob job) {
    return create(Actor.api(actor), job);
  }

  /**
   * Creates a queued job for {@code actor} through its face (the portal's job form): the rules of
   * {@link #create(User, NewJob)}, a refusal audited under the actor's channel.
   */
  public Job create(Actor by, NewJob job) {
    User actor = by.user();
    requireWriter(actor, "create jobs");
    Pricing pricing = validate(job);
    String createdBy = job.createdBy().filter(c -> !c.isBlank()).orElse(actor.username());
    List<Long> blocking =
        alerts.blockingInScope(
            new SpendAttribution(job.client(), job.project(), job.team(), job.provider()));
    try {
      return writer.create(by, job, createdBy, pricing, blocking);
    } catch (PersistenceException raced) {
      // Another request created the same external id between our look-up and our insert.
      if (jobs.externalIdExists(job.externalId())) {
        throw duplicateExternalId(job.externalId());
      }
      throw raced;
    }
  }

  /**
   * @throws RequestRefusedException 404 for an unknown job
   */
  public Job job(long jobId) {
    return jobs.byId(jobId).orElseThrow(() -> noSuchJob(jobId));
  }

  /**
   * Records a runner's event and answers with the job's cost view. A duplicate key changes nothing
   * and gets the same answer; once the job is cancelled its events are answered (with {@code
   * cancelRequested}) but not recorded. Written together with the events of other jobs that arrive
   * meanwhile ({@link JobEventBatches}).
   *
   * @throws RequestRefusedException 403 for a VIEWER, 400 naming an invalid field, 404 for an
   *     unknown job, 400 for a step past the job's last, 409 when the job has completed or failed
   */
  public JobCostReading record(User actor, long jobId, NewJobEvent event) {
    requireWriter(actor, "report job events");
    return batches.record(jobId, validate(event));
  }

  /**
   * Records several jobs' events sent in one call (a node agent reporting the jobs it runs), each
   * as {@link #record} records it, in the order given, and answers each on its own: its job's cost
   * view after it, or why it was refused (an unknown job, a step past the job's last, a completed
   * or failed job). A field that is invalid in any event refuses the whole call, and nothing is
   * written.
   *
   * @throws RequestRefusedException 403 for a VIEWER, 400 naming the invalid field ({@code
   *     events[i].name}) or for no events, 413 for more than {@link #MAX_EVENTS_PER_CALL}
   */
  public List<Recorded> recordAll(User actor, List<NewJobEventFor> events) {
    requireWriter(actor, "report job events");
    if (events.isEmpty()) {
      throw invalid("events", "a call needs at least one event");
    }
    if (events.size() > MAX_EVENTS_PER_CALL) {
      throw new RequestRefusedException(
          Reason.TOO_LARGE,
          "events",
          "a call holds at most %d events, this one has %d"
              .formatted(MAX_EVENTS_PER_CALL, events.size()));
    }
    List<JobEventFor> valid = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      try {
        valid.add(new JobEventFor(events.get(i).jobId(), validate(events.get(i).event())));
      } catch (RequestRefusedException refused) {
        String path = "events[" + i + "]";
        throw new RequestRefusedException(
            refused.reason(),
            refused.field().map(field -> path + "." + field).orElse(path),
            refused.getMessage());
      }
    }
    return batches.recordAll(valid);
  }

  /**
   * Jobs with one of {@code statuses} (every job when empty), most expensive first, newest first
   * among equal costs: the portal's jobs table. Only jobs in progress are costed by replaying their
   * events; ended jobs carry their locked final cost, so this stays cheap for thousands of jobs.
   */
  public List<JobListing> byCost(Collection<JobStatus> statuses) {
    Instant now = clock.instant();
    return jobs.withStatus(statuses).stream()
        .map(job -> new JobListing(job, costNow(job, now)))
        .sorted(Comparator.comparing(JobListing::cost).reversed())
        .toList();
  }

  private BigDecimal costNow(Job job, Instant now) {
    if (job.status().inProgress()) {
      return JobCostReading.of(job, jobs.events(job.id()), now).view().currentCost();
    }
    return job.finalCost().orElse(BigDecimal.ZERO);
  }

  /** The job's cost view now (locked at its end once it has ended). */
  public JobCostReading cost(long jobId) {
    Job job = job(jobId);
    return JobCostReading.of(job, jobs.events(jobId), clock.instant());
  }

  /**
   * Cancels the job (SPEC §3): only an ADMIN, a BUDGET_MANAGER or the job's creator may. Its cost
   * is locked now and the cancel recorded in the audit log; once that is committed, the runner is
   * told at its control URL.
   *
   * @throws RequestRefusedException 404 for an unknown job, 403 for anyone else, 409 when the job
   *     has completed or failed
   */
  public JobCostReading cancel(Actor actor, long jobId) {
    Job job = job(jobId);
    if (!mayCancel(actor.user(), job)) {
      throw new RequestRefusedException(
          Reason.FORBIDDEN,
          null,
          "only an ADMIN, a BUDGET_MANAGER or the job's creator may cancel job " + jobId);
    }
    JobWriter.Cancellation cancellation = writer.cancel(jobId, actor);
    // Committed: only now may the runner hear of it (a rolled-back cancel must not stop a job).
    cancellation.tellRunner().ifPresent(runners::requestCancel);
    return cancellation.reading();
  }

  /**
   * Whether {@code user} may cancel {@code job} (SPEC §3): an ADMIN, a BUDGET_MANAGER or the job's
   * creator. The rule {@link #cancel} enforces; faces ask it only to hide what would be refused.
   */
  public static boolean mayCancel(User user, Job job) {
    return user.hasRole(Role.ADMIN)
        || user.hasRole(Role.BUDGET_MANAGER)
        || (user.canWrite() && job.isCreatedBy(user));
  }

  /**
   * Renames the job and changes its cost attribution (client, project, team), whatever its status:
   * only an ADMIN, a BUDGET_MANAGER or the job's creator may ({@link #mayEdit}). The name is
   * required; every field has create's length limit. A client or project that changes must be a
   * registered one (named by code or name, as attribution matches them), the project one of that
   * client when the client is registered; a value left as it was is kept even if unregistered, so a
   * runner's free-text attribution does not block a rename. The audit log records the changed
   * fields only, old and new ({@code job.updated}); a change of nothing records nothing.
   *
   * <p>What it means for spend already recorded: nothing is re-booked, because nothing is booked
   * per attribution. A job's cost is computed from the job and its events at read time ({@link
   * AttributionService}, {@link SpendingService} and budgets read {@code JobRepository.during} with
   * the job as it is now), so the whole cost of the job, past and future, follows its current
   * attribution: after a move, reports and budget scopes count it under the new client and project
   * for every period. Budget alerts already sent are not withdrawn; the next evaluation sees the
   * job where it is now.
   *
   * @throws RequestRefusedException 404 for an unknown job, 403 for anyone else, 400 naming an
   *     invalid field
   */
  public Job update(Actor actor, long jobId, JobEdit edit) {
    Job job = job(jobId);
    if (!mayEdit(actor.user(), job)) {
      throw new RequestRefusedException(
          Reason.FORBIDDEN,
          null,
          "only an ADMIN, a BUDGET_MANAGER or the job's creator may edit job " + jobId);
    }
    JobEdit valid = validate(edit, job);
    return writer.update(jobId, valid, actor);
  }

  /**
   * Whether {@code user} may edit {@code job}: the people who may cancel it ({@link #mayCancel}).
   * Faces ask it only to hide what {@link #update} would refuse.
   */
  public static boolean mayEdit(User user, Job job) {
    return mayCancel(user, job);
  }

  private JobEdit validate(JobEdit edit, Job job) {
    text("name", edit.name());
    Optional<String> client = stripped(edit.client());
    Optional<String> project = stripped(edit.project());
    Optional<String> team = stripped(edit.team());
    text("client", client);
    text("project", project);
    text("team", team);
    Optional<Client> registered =
        client.flatMap(
            c ->
                clients.clients().stream()
                    .filter(r -> r.code().equals(c) || r.name().equals(c))
                    .findFirst());
    boolean clientChanged = !client.equals(job.client());
    if (clientChanged && client.isPresent() && registered.isEmpty()) {
      throw invalid("client", "there is no client '%s'".formatted(client.get()));
    }
    if ((clientChanged || !project.equals(job.project())) && project.isPresent()) {
      Optional<Project> match =
          clients.projects().stream()
              .filter(p -> p.code().equals(project.get()) || p.name().equals(project.get()))
              .filter(p -> registered.map(c -> c.id() == p.clientId()).orElse(true))
              .findFirst();
      if (match.isEmpty()) {
        throw invalid(
            "project",
            registered
                .map(c -> "client %s has no project '%s'".formatted(c.name(), project.get()))
                .orElse("there is no project '%s'".formatted(project.get())));
      }
    }
    return new JobEdit(edit.name().strip(), client, project, team);
  }

  private static Optional<String> stripped(Optional<String> value) {
    return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
  }

  /** The parts of a job's attribution a budget scope filters on. */
  static SpendAttribution spend(Job job) {
    return new SpendAttribution(job.client(), job.project(), job.team(), job.provider());
  }

  static RequestRefusedException noSuchJob(long jobId) {
    return new RequestRefusedException(Reason.NOT_FOUND, null, "there is no job " + jobId);
  }

  static RequestRefusedException duplicateExternalId(String externalId) {
    return new RequestRefusedException(
        Reason.CONFLICT, "externalId", "a job with externalId '%s' exists".formatted(externalId));
  }

  private static void requireWriter(User actor, String what) {
    if (!actor.canWrite()) {
      throw new RequestRefusedException(Reason.FORBIDDEN, null, "a VIEWER may not " + what);
    }
  }

  private static Pricing validate(NewJob job) {
    text("externalId", job.externalId());
    text("name", job.name());
    text("createdBy", job.createdBy());
    text("client", job.client());
    text("project", job.project());
    text("team", job.team());
    text("provider", job.provider());
    text("gpuType", job.gpuType());
    Pricing pricing = pricing(job.pricing());
    money("hourlyRate", job.hourlyRate());
    job.onDemandHourlyRate().ifPresent(rate -> money("onDemandHourlyRate", rate));
    money("estimateMin", job.estimateMin());
    money("estimateMax", job.estimateMax());
    if (job.estimateMax().compareTo(job.estimateMin()) < 0) {
      throw invalid("estimateMax", "estimateMax must not be below estimateMin");
    }
    if (job.totalSteps() == null) {
      throw invalid("totalSteps", "totalSteps is required");
    }
    if (job.totalSteps() <= 0) {
      throw invalid("totalSteps", "totalSteps must be above 0");
    }
    job.controlUrl().ifPresent(JobService::controlUrl);
    return pricing;
  }

  /** The event's fields; a step past the job's last is refused when it is written. */
  private JobEvent validate(NewJobEvent event) {
    text("idempotencyKey", event.idempotencyKey());
    if (event.idempotencyKey().startsWith(RESERVED_KEY_PREFIX)) {
      throw invalid(
          "idempotencyKey",
          "keys starting with '%s' are Costguard's".formatted(RESERVED_KEY_PREFIX));
    }
    JobEventType type = type(event.type());
    if (event.at() == null) {
      throw invalid("at", "at is required (an ISO-8601 instant)");
    }
    if (event.at().isAfter(clock.instant().plus(CostEventService.MAX_CLOCK_SKEW))) {
      throw invalid(
          "at",
          "at %s is in the future (more than %d minutes ahead of the server's clock)"
              .formatted(event.at(), CostEventService.MAX_CLOCK_SKEW.toMinutes()));
    }
    if (event.step().filter(step -> step < 0).isPresent()) {
      throw invalid("step", "step must not be negative");
    }
    Optional<Stage> stage = event.stage().map(JobService::stage);
    event.recoveryMinutes().ifPresent(minutes -> quantity("recoveryMinutes", minutes));
    event.storageGb().ifPresent(gb -> quantity("storageGb", gb));
    if (type == JobEventType.PROGRESS && event.step().isEmpty() && stage.isEmpty()) {
      throw invalid("step", "a progress event needs a step, a stage or both");
    }
    if (type == JobEventType.STORAGE && event.storageGb().isEmpty()) {
      throw invalid("storageGb", "a storage event needs storageGb");
    }
    return new JobEvent(
        type,
        JobWriter.storable(event.at()),
        event.step(),
        stage,
        event.recoveryMinutes(),
        event.storageGb(),
        event.idempotencyKey());
  }

  private static JobEventType type(String name) {
    if (name == null || name.isBlank()) {
      throw invalid("type", "type is required: one of " + EVENT_TYPES);
    }
    Optional<JobEventType> type =
        Arrays.stream(JobEventType.values())
            .filter(t -> wireName(t).equalsIgnoreCase(name))
            .findFirst();
    if (type.filter(t -> t == JobEventType.CANCELLED).isPresent()) {
      throw invalid("type", "a job is cancelled with POST /jobs/{id}/cancel, not by an event");
    }
    return type.orElseThrow(
        () -> invalid("type", "unknown type '%s': one of %s".formatted(name, EVENT_TYPES)));
  }

  private static Stage stage(String name) {
    return Arrays.stream(Stage.values())
        .filter(s -> wireName(s).equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(
            () -> invalid("stage", "unknown stage '%s': one of %s".formatted(name, STAGES)));
  }

  private static Pricing pricing(String name) {
    if (name == null || name.isBlank()) {
      throw invalid("pricing", "pricing is required: spot or on_demand");
    }
    return Arrays.stream(Pricing.values())
        .filter(p -> wireName(p).equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(() -> invalid("pricing", "pricing must be spot or on_demand"));
  }

  private static void controlUrl(String url) {
    if (url.length() > MAX_URL) {
      throw invalid("controlUrl", "at most %d characters".formatted(MAX_URL));
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new URISyntaxException(url, "not an absolute http(s) URL");
      }
    } catch (URISyntaxException e) {
      throw invalid("controlUrl", "controlUrl must be an absolute http(s) URL");
    }
  }

  private static String wireName(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static void text(String field, String value) {
    CostEventService.text(field, Optional.ofNullable(value), true);
  }

  private static void text(String field, Optional<String> value) {
    CostEventService.text(field, value, false);
  }

  /** A rate or estimate: the rules of a cost event's amount. */
  private static void money(String field, BigDecimal value) {
    if (value == null) {
      throw invalid(field, field + " is required");
    }
    CostEventService.money(field, value);
  }

  /** Minutes or gigabytes: not negative, and stored exactly. */
  private static void quantity(String field, BigDecimal value) {
    if (value.signum() < 0) {
      throw invalid(field, "must not be negative");
    }
    if (!Money.storable(value)) {
      throw invalid(
          field,
          "at most %d digits before and %d after the decimal point"
              .formatted(Money.MAX_INTEGER_DIGITS, Money.STORED_SCALE));
    }
  }
}
