package com.costguard.application;

import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.cost.Money;
import com.costguard.cost.budget.SpendAttribution;
import com.costguard.cost.job.JobActivity;
import com.costguard.cost.job.JobEvent;
import com.costguard.cost.job.JobEventType;
import com.costguard.cost.job.Pricing;
import com.costguard.model.audit.AuditAction;
import com.costguard.model.audit.AuditedChange;
import com.costguard.model.budget.Budget;
import com.costguard.model.job.Job;
import com.costguard.model.job.JobEdit;
import com.costguard.model.job.JobHistory;
import com.costguard.model.job.JobRepository;
import com.costguard.model.job.JobStatus;
import com.costguard.model.job.NewJob;
import com.costguard.model.job.ReportedJobEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Changes a job (or several, for a batch of events) in one transaction, with its row locked: a
 * job's events, status, final cost and cancellation never interleave, whichever instance serves the
 * request.
 */
@ApplicationScoped
public class JobWriter {

  /** The idempotency key of the {@code cancelled} event Costguard records itself. */
  static final String CANCEL_KEY = "costguard:cancel";

  @Inject JobRepository jobs;
  @Inject AuditLog audit;
  @Inject BudgetAlerts alerts;
  @Inject JobEstimateAlerts estimateAlerts;
  @Inject Clock clock;

  /** A cancellation, and the runner to tell once it is committed (none when already cancelled). */
  public record Cancellation(JobCostReading reading, Optional<CancelRequest> tellRunner) {}

  /**
   * The instant as stored ({@code DATETIME(6)} keeps microseconds), so that what a request answers
   * is what a later read computes.
   */
  static Instant storable(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  private Instant now() {
    return storable(clock.instant());
  }

  /**
   * Creates the job unless a blocking budget refuses it. The blocking budgets in its scope are
   * locked first (see {@link BudgetAlerts}), so that concurrent creations take turns and none slips
   * past a limit with another. A refusal commits its {@code blocked} alert (hence {@code
   * dontRollbackOn}), and so does its {@code job.blocked} audit entry naming the budget; no refusal
   * writes anything else.
   *
   * @param blockingBudgets the enabled blocking budgets in the job's scope ({@link
   *     BudgetAlerts#blockingInScope})
   * @throws RequestRefusedException 409 when the external id is taken, 409 BUDGET_EXCEEDED naming
   *     the budget that refuses the job
   */
  @Transactional(dontRollbackOn = RequestRefusedException.class)
  public Job create(
      Actor actor, NewJob job, String createdBy, Pricing pricing, List<Long> blockingBudgets) {
    List<Budget> locked = alerts.lock(blockingBudgets);
    if (jobs.externalIdExists(job.externalId())) {
      throw JobService.duplicateExternalId(job.externalId());
    }
    Optional<BudgetAlerts.Refusal> refusal =
        alerts.refusal(
            locked,
            new SpendAttribution(job.client(), job.project(), job.team(), job.provider()),
            job.estimateMax());
    if (refusal.isPresent()) {
      // SPEC §2: every refusal is audited and alerted, never silent; both commit with it.
      audit.record(actor, blocked(job, createdBy, refusal.get()));
      throw refusal.get().exception();
    }
    Job created = new Job(job, createdBy, pricing, now());
    jobs.add(created);
    jobs.flush();
    return created;
  }

  /** A runner's event for one job, validated but for its step, which {@link #record} checks. */
  public record JobEventFor(long jobId, JobEvent event) {}

  /** What became of one event of a batch: the job's cost view after it, or why it was refused. */
  public record Recorded(
      Optional<JobCostReading> reading, Optional<RequestRefusedException> refusal) {

    static Recorded answered(JobCostReading reading) {
      return new Recorded(Optional.of(reading), Optional.empty());
    }

    static Recorded refused(RequestRefusedException refusal) {
      return new Recorded(Optional.empty(), Optional.of(refusal));
    }

    /** The cost view, or the refusal thrown. */
    public JobCostReading answer() {
      refusal.ifPresent(
          r -> {
            throw r;
          });
      return reading.orElseThrow();
    }
  }

  /**
   * Stores validated events, at most one per job, each moving its job's status along, all in one
   * transaction (issue 8: {@link JobEventBatches} gathers the events that arrive together). A
   * duplicate key changes nothing; an event for a cancelled job is not stored either (its cost is
   * locked), but answered, so that the runner learns it should stop. Each event is answered or
   * refused on its own: a refused one stores nothing and leaves the others be. The jobs are locked
   * first, in id order, then the budgets in their scope, which are evaluated once the events are
   * stored ({@link BudgetAlerts}), and so are the jobs' estimate alerts ({@link
   * JobEstimateAlerts}).
   *
   * @param budgetsInScope the enabled budgets whose scope matches one of the jobs ({@link
   *     BudgetAlerts#inScope})
   * @return in the order of {@code events}, each one's answer: refused with 404 for an unknown job,
   *     400 for a step past the job's last, 409 for a completed or failed job
   *     <p>Always a transaction of its own, even when the caller has one (the demo's ticks): it may
   *     hold other requests' events, which must neither wait for the caller's transaction nor roll
   *     back with it.
   * @throws IllegalArgumentException for two events of one job
   */
  @Transactional(TxType.REQUIRES_NEW)
  public List<Recorded> record(List<JobEventFor> events, List<Long> budgetsInScope) {
    Map<Long, Job> locked = jobs.byIdsForUpdate(events.stream().map(JobEventFor::jobId).toList());
    List<Budget> lockedBudgets = alerts.lock(budgetsInScope);
    Map<Long, List<ReportedJobEvent>> stored = jobs.eventsOf(locked.keySet());
    Instant now = now();
    Map<Long, Recorded> answers = new LinkedHashMap<>();
    Map<Job, List<ReportedJobEvent>> moved = new LinkedHashMap<>();
    Set<Long> seen = new HashSet<>();
    for (JobEventFor e : events) {
      if (!seen.add(e.jobId())) {
        throw new IllegalArgumentException("two events of job " + e.jobId() + " in one batch");
      }
      Job job = locked.get(e.jobId());
      List<ReportedJobEvent> history = new ArrayList<>(stored.getOrDefault(e.jobId(), List.of()));
      Optional<RequestRefusedException> refusal = refusal(e, job, history);
      if (refusal.isPresent()) {
        answers.put(e.jobId(), Recorded.refused(refusal.get()));
      } else if (isDuplicate(e.event(), history) || job.status() == JobStatus.CANCELLED) {
        answers.put(e.jobId(), Recorded.answered(JobCostReading.of(job, history, now)));
      } else {
        ReportedJobEvent added = new ReportedJobEvent(e.jobId(), e.event(), now);
        jobs.add(added);
        history.add(added);
        moved.put(job, history);
      }
    }
    jobs.flush();
    Map<Job, JobCostReading> readings = new LinkedHashMap<>();
    List<JobHistory> finished = new ArrayList<>();
    moved.forEach(
        (job, history) -> {
          JobActivity activity = JobCostReading.replay(history, now);
          JobCostReading reading = JobCostReading.of(job, activity);
          job.follow(activity, reading.view().currentCost());
          job.settle(activity, history);
          if (job.status().isFinished()) {
            finished.add(new JobHistory(job, history));
          }
          readings.put(job, reading);
          answers.put(job.id(), Recorded.answered(reading));
        });
    jobs.addDays(finished);
    // The budgets below read the jobs from the database, as settled or not (JobRepository): they
    // must be there as they now are, or a job that has just finished would be counted both ways.
    jobs.flush();
    readings.forEach((job, reading) -> estimateAlerts.evaluate(job, reading.view().currentCost()));
    alerts.evaluate(lockedBudgets);
    return events.stream().map(e -> answers.get(e.jobId())).toList();
  }

  /** Why {@code event} is refused for {@code job}, as it stands with {@code history}; if it is. */
  private static Optional<RequestRefusedException> refusal(
      JobEventFor event, Job job, List<ReportedJobEvent> history) {
    if (job == null) {
      return Optional.of(JobService.noSuchJob(event.jobId()));
    }
    Optional<Long> step = event.event().step();
    if (step.isPresent() && step.get() > job.totalSteps()) {
      return Optional.of(
          RequestRefusedException.invalid(
              "step", "step must be between 0 and the job's %d steps".formatted(job.totalSteps())));
    }
    if (job.status().isFinished()
        && job.status() != JobStatus.CANCELLED
        && !isDuplicate(event.event(), history)) {
      return Optional.of(
          new RequestRefusedException(
              Reason.CONFLICT,
              null,
              "job %d has %s: its cost is final and it takes no more events"
                  .formatted(event.jobId(), job.status().wireName())));
    }
    return Optional.empty();
  }

  private static boolean isDuplicate(JobEvent event, List<ReportedJobEvent> history) {
    return history.stream().anyMatch(e -> e.idempotencyKey().equals(event.idempotencyKey()));
  }

  /**
   * Cancels the job now: a {@code cancelled} event locks its cost at this instant, the job is
   * marked cancelled with its runner asked to stop, and the audit log records it (status before and
   * after, the final cost; never the control URL, which may hold the runner's secret). Cancelling a
   * cancelled job changes nothing.
   *
   * @throws RequestRefusedException 404 for an unknown job, 409 for a completed or failed one
   */
  @Transactional
  public Cancellation cancel(long jobId, Actor by) {
    Job job = jobs.byIdForUpdate(jobId).orElseThrow(() -> JobService.noSuchJob(jobId));
    List<ReportedJobEvent> events = new ArrayList<>(jobs.events(jobId));
    Instant now = now();
    if (job.status() == JobStatus.CANCELLED) {
      return new Cancellation(JobCostReading.of(job, events, now), Optional.empty());
    }
    if (job.status().isFinished()) {
      throw new RequestRefusedException(
          Reason.CONFLICT,
          null,
          "job %d has already %s: there is nothing to cancel"
              .formatted(jobId, job.status().wireName()));
    }
    ReportedJobEvent cancelled =
        new ReportedJobEvent(jobId, JobEvent.of(JobEventType.CANCELLED, now, CANCEL_KEY), now);
    jobs.add(cancelled);
    jobs.flush();
    events.add(cancelled);
    JobActivity activity = JobCostReading.replay(events, now);
    JobCostReading reading = JobCostReading.of(job, activity);
    JobStatus before = job.status();
    job.cancel(by.username(), now, reading.view().currentCost());
    job.settle(activity, events);
    jobs.addDays(new JobHistory(job, events));
    audit.record(by, cancelled(job, before));
    return new Cancellation(
        reading,
        job.controlUrl().map(url -> new CancelRequest(jobId, job.externalId(), URI.create(url))));
  }

  /**
   * Applies a validated edit to the job, its row locked, and audits the fields that changed, old
   * and new ({@code job.updated}); an edit that changes nothing records nothing.
   *
   * @throws RequestRefusedException 404 for an unknown job
   */
  @Transactional
  public Job update(long jobId, JobEdit edit, Actor by) {
    Job job = jobs.byIdForUpdate(jobId).orElseThrow(() -> JobService.noSuchJob(jobId));
    Map<String, JsonValue> before = editable(job);
    // Its days move with it from its old client, project and team to the new ones.
    Optional<JobHistory> rolledUp =
        job.daysRolledUp()
            ? Optional.of(new JobHistory(job, jobs.events(jobId)))
            : Optional.empty();
    rolledUp.ifPresent(jobs::removeDays);
    job.edit(edit);
    rolledUp.ifPresent(jobs::addDays);
    AuditedFields.between(before, editable(job))
        .ifPresent(
            f ->
                audit.record(
                    by,
                    AuditedChange.of(
                        AuditAction.JOB_UPDATED,
                        AuditedChange.JOB,
                        job.id(),
                        Optional.of(f.before().toString()),
                        Optional.of(f.after().toString()))));
    return job;
  }

  /** What {@link #update} may change, under the API's names, absent values as {@code null}. */
  private static Map<String, JsonValue> editable(Job job) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("name", Json.createValue(job.name()));
    fields.put("client", AuditedFields.text(job.client()));
    fields.put("project", AuditedFields.text(job.project()));
    fields.put("team", AuditedFields.text(job.team()));
    return fields;
  }

  /**
   * A refused job, recorded against the budget that refused it: the job as it was asked for (it has
   * no id, since it was never stored) and the reason it was given.
   */
  private static AuditedChange blocked(NewJob job, String createdBy, BudgetAlerts.Refusal refusal) {
    return AuditedChange.of(
        AuditAction.JOB_BLOCKED,
        AuditedChange.BUDGET,
        refusal.budget().id(),
        Optional.empty(),
        Optional.of(
            Json.createObjectBuilder()
                .add("budget", refusal.budget().name())
                .add("externalId", job.externalId())
                .add("name", job.name())
                .add("createdBy", createdBy)
                .add("estimateMax", Money.exact(job.estimateMax()))
                .add("reason", refusal.exception().getMessage())
                .build()
                .toString()));
  }

  private static AuditedChange cancelled(Job job, JobStatus before) {
    return AuditedChange.of(
        AuditAction.JOB_CANCELLED,
        AuditedChange.JOB,
        job.id(),
        Optional.of(Json.createObjectBuilder().add("status", before.wireName()).build().toString()),
        Optional.of(
            Json.createObjectBuilder()
                .add("status", job.status().wireName())
                .add("finalCost", Money.exact(job.finalCost().orElseThrow()))
                .build()
                .toString()));
  }
}
