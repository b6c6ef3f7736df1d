package com.costguard.application;

import com.costguard.application.JobWriter.JobEventFor;
import com.costguard.application.JobWriter.Recorded;
import com.costguard.cost.job.JobEvent;
import com.costguard.infrastructure.health.DatabaseOutage;
import com.costguard.model.job.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Job events that arrive together are written together (issue 8): each request queues its events
 * (one, or a node agent's many); a request that gets one of the {@link #WRITERS} turns writes the
 * events queued by then, at most {@link #MAX_BATCH} and one per job, in one transaction ({@link
 * JobWriter#record(List, List)}), batch after batch until its own are answered; each request
 * answers with its own events' outcomes. Nobody waits for a timer: a request that finds a turn free
 * writes at once, alone if it is alone. Written one by one, a job event cost nine round trips to
 * MariaDB and a commit (MariaDB alone used 0.82 ms of CPU per event, a third of the machine's); in
 * batches, a handful of statements and one commit serve them all.
 *
 * <p>Two events of one job never share a batch (the second waits for the next), so each answer is
 * the job as its own event left it. If a batch fails in the database (a key stored meanwhile by
 * another instance, a deadlock), each of its events is written again on its own. Other failures
 * (the database unreachable) are each request's answer.
 */
@ApplicationScoped
public class JobEventBatches {

  /** At most this many events in one transaction. */
  static final int MAX_BATCH = 100;

  /**
   * Batches written at once: a batch that waits for a job's row lock (a cancel, another instance's
   * batch) holds up its own events only. Two batches holding events of one job take turns on that
   * lock.
   */
  static final int WRITERS = 2;

  @Inject JobRepository jobs;
  @Inject JobWriter writer;
  @Inject BudgetAlerts alerts;

  private final Queue<Pending> arrived = new ConcurrentLinkedQueue<>();

  /** Events left for a later batch beside another of their job, oldest first: {@link #next}'s. */
  private final Deque<Pending> deferred = new ArrayDeque<>();

  private final Semaphore writers = new Semaphore(WRITERS);

  private record Pending(JobEventFor event, CompletableFuture<Recorded> answer) {}

  /**
   * Writes the event, with those that arrive meanwhile, and answers with its job's cost view.
   *
   * @throws RequestRefusedException as {@link JobWriter#record(List, List)} refuses the event
   */
  public JobCostReading record(long jobId, JobEvent event) {
    return recordAll(List.of(new JobEventFor(jobId, event))).get(0).answer();
  }

  /**
   * Writes the events, with those that arrive meanwhile, and answers each on its own, in the order
   * given: its job's cost view after it, or why it was refused. Events of one job are written in
   * the order given, one batch after another.
   *
   * @throws RuntimeException when writing failed other than by refusing an event (the database
   *     unreachable); events of earlier batches may be stored then, and are duplicates when sent
   *     again
   */
  public List<Recorded> recordAll(List<JobEventFor> events) {
    List<Pending> mine =
        events.stream().map(event -> new Pending(event, new CompletableFuture<>())).toList();
    arrived.addAll(mine);
    writers.acquireUninterruptibly();
    try {
      List<Pending> batch;
      while (!mine.stream().allMatch(pending -> pending.answer().isDone())
          && !(batch = next()).isEmpty()) {
        write(batch);
      }
    } finally {
      writers.release();
    }
    // Answered, or in the batch the other writer is writing.
    return mine.stream().map(JobEventBatches::outcome).toList();
  }

  private static Recorded outcome(Pending pending) {
    try {
      return pending.answer().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** The next batch: the oldest events waiting, at most one per job. */
  private synchronized List<Pending> next() {
    Map<Long, Pending> batch = new LinkedHashMap<>();
    Deque<Pending> skipped = new ArrayDeque<>();
    while (batch.size() < MAX_BATCH) {
      Pending pending = deferred.isEmpty() ? arrived.poll() : deferred.poll();
      if (pending == null) {
        break;
      }
      if (batch.putIfAbsent(pending.event().jobId(), pending) != null) {
        skipped.add(pending);
      }
    }
    while (!skipped.isEmpty()) {
      deferred.addFirst(skipped.pollLast());
    }
    return List.copyOf(batch.values());
  }

  /** Writes the batch and answers each of its events, whatever happens. */
  private void write(List<Pending> batch) {
    try {
      List<Long> budgetsInScope =
          alerts.inScope(
              jobs.jobsOf(batch.stream().map(p -> p.event().jobId()).toList()).values().stream()
                  .map(JobService::spend)
                  .toList());
      List<Recorded> recorded;
      try {
        recorded = writer.record(batch.stream().map(Pending::event).toList(), budgetsInScope);
      } catch (PersistenceException failed) {
        if (DatabaseOutage.causedBy(failed)) {
          throw failed;
        }
        // A key stored meanwhile by another instance (a duplicate the second time), or a deadlock:
        // each event again on its own.
        for (Pending pending : batch) {
          try {
            pending
                .answer()
                .complete(writer.record(List.of(pending.event()), budgetsInScope).get(0));
          } catch (RuntimeException e) {
            pending.answer().completeExceptionally(e);
          }
        }
        return;
      }
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).answer().complete(recorded.get(i));
      }
    } catch (RuntimeException | Error e) {
      batch.forEach(pending -> pending.answer().completeExceptionally(e));
    }
  }
}
