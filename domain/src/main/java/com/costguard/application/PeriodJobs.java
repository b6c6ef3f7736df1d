package com.costguard.application;

import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.model.job.JobCriteria;
import com.costguard.model.job.JobInPeriod;
import com.costguard.model.job.JobOrder;
import com.costguard.model.job.JobRepository;
import com.costguard.model.job.JobRepository.SettledJobs;
import com.costguard.model.job.JobStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The jobs that count in a budget's period, for its dashboard ({@link BudgetReports#jobsIn}). The
 * few not settled there (still running, or across the period's start) are costed in memory; the
 * settled ones, a hundred thousand a month at scale, stay in the database, which counts, sums,
 * filters and sorts them and hands over a page at a time (issue 8: the dashboard held every row and
 * ran the instance out of heap). A page merges the two, sorted alike ({@link JobOrder}).
 */
public final class PeriodJobs {

  /** How many settled jobs a CSV export reads at a time. */
  static final int CHUNK = 1000;

  private final JobRepository jobs;
  private final BudgetPeriod period;
  private final BudgetScope scope;
  private final List<JobInPeriod> unsettled;
  private Map<JobStatus, SettledJobs> settledByStatus;
  private final Optional<Set<String>> finishedCreators;

  /**
   * @param settledByStatus the settled jobs by status when the daily rollups tell them, read from
   *     the database once when asked otherwise
   * @param finishedCreators who created the finished jobs, when the daily rollups tell it
   */
  PeriodJobs(
      JobRepository jobs,
      BudgetPeriod period,
      BudgetScope scope,
      List<JobInPeriod> unsettled,
      Optional<Map<JobStatus, SettledJobs>> settledByStatus,
      Optional<Set<String>> finishedCreators) {
    this.jobs = jobs;
    this.period = period;
    this.scope = scope;
    this.unsettled = List.copyOf(unsettled);
    this.settledByStatus = settledByStatus.orElse(null);
    this.finishedCreators = finishedCreators;
  }

  /** The settled jobs by status, unfiltered: the cards and the table's count. */
  private Map<JobStatus, SettledJobs> settledByStatus() {
    if (settledByStatus == null) {
      settledByStatus = jobs.settledByStatus(period, scope, JobCriteria.ANY);
    }
    return settledByStatus;
  }

  /**
   * The dashboard's job figures.
   *
   * @param total what they accrued in the period together
   * @param costliestActive the running or paused job that has cost the most so far
   */
  public record Figures(
      long count,
      long completed,
      long active,
      BigDecimal total,
      Optional<JobInPeriod> costliestActive) {}

  public Figures figures() {
    Map<JobStatus, SettledJobs> byStatus = settledByStatus();
    SettledJobs settled = byStatus.values().stream().reduce(SettledJobs.NONE, SettledJobs::plus);
    String completed = JobStatus.COMPLETED.wireName();
    return new Figures(
        settled.count() + unsettled.size(),
        byStatus.getOrDefault(JobStatus.COMPLETED, SettledJobs.NONE).count()
            + unsettled.stream().filter(j -> j.status().equals(completed)).count(),
        unsettled.stream().filter(JobInPeriod::isActive).count(),
        unsettled.stream().map(JobInPeriod::cost).reduce(settled.total(), BigDecimal::add),
        unsettled.stream()
            .filter(JobInPeriod::isActive)
            .max(Comparator.comparing(JobInPeriod::currentCost)));
  }

  /** Who created the jobs, in order. */
  public List<String> creators() {
    TreeSet<String> creators =
        new TreeSet<>(finishedCreators.orElseGet(() -> jobs.settledCreators(period, scope)));
    unsettled.forEach(j -> creators.add(j.createdBy()));
    return List.copyOf(creators);
  }

  /** How many of the jobs match. */
  public long count(JobCriteria criteria) {
    Map<JobStatus, SettledJobs> settled =
        criteria.equals(JobCriteria.ANY)
            ? settledByStatus()
            : jobs.settledByStatus(period, scope, criteria);
    return settled.values().stream().mapToLong(SettledJobs::count).sum()
        + unsettled.stream().filter(criteria::matches).count();
  }

  /**
   * The jobs that match, in {@code order}: {@code max} of them from the {@code first}. Every
   * unsettled job that precedes the page could push settled ones into it, so the settled jobs are
   * read from {@code first} less their number: the rows before the page's first settled one are
   * counted, not read.
   */
  public List<JobInPeriod> page(JobCriteria criteria, JobOrder order, int first, int max) {
    Comparator<JobInPeriod> comparator = order.comparator();
    List<JobInPeriod> mine = unsettled(criteria, comparator);
    int from = Math.max(0, first - mine.size());
    List<JobInPeriod> settled =
        jobs.settledPage(period, scope, criteria, order, from, first + max - from);
    if (from > 0 && settled.isEmpty()) {
      return List.of(); // past the last row
    }
    // The merged rank of settled[0] is from + the unsettled rows before it: at most first.
    int u = 0;
    if (from > 0) {
      while (u < mine.size() && comparator.compare(mine.get(u), settled.get(0)) < 0) {
        u++;
      }
    }
    List<JobInPeriod> page = new ArrayList<>(max);
    int rank = from + u;
    int s = 0;
    while (page.size() < max && (s < settled.size() || u < mine.size())) {
      boolean takeSettled =
          u >= mine.size()
              || (s < settled.size() && comparator.compare(settled.get(s), mine.get(u)) < 0);
      JobInPeriod next = takeSettled ? settled.get(s++) : mine.get(u++);
      if (rank++ >= first) {
        page.add(next);
      }
    }
    return page;
  }

  /** Every job that matches, in {@code order}, the settled ones read {@link #CHUNK} at a time. */
  public void each(JobCriteria criteria, JobOrder order, Consumer<JobInPeriod> each) {
    Comparator<JobInPeriod> comparator = order.comparator();
    List<JobInPeriod> mine = unsettled(criteria, comparator);
    int u = 0;
    for (int first = 0; ; first += CHUNK) {
      List<JobInPeriod> settled = jobs.settledPage(period, scope, criteria, order, first, CHUNK);
      for (JobInPeriod job : settled) {
        while (u < mine.size() && comparator.compare(mine.get(u), job) < 0) {
          each.accept(mine.get(u++));
        }
        each.accept(job);
      }
      if (settled.size() < CHUNK) {
        break;
      }
    }
    mine.subList(u, mine.size()).forEach(each);
  }

  private List<JobInPeriod> unsettled(JobCriteria criteria, Comparator<JobInPeriod> comparator) {
    return unsettled.stream().filter(criteria::matches).sorted(comparator).toList();
  }
}
