package com.costguard.model.job;

import com.costguard.cost.budget.BudgetCalendar;
import com.costguard.cost.budget.JobAccrual;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.SortedMap;

/**
 * What one finished job adds to the daily rollups (V28): its accrual on each day it ran, days of
 * {@code calendar}. Its cost is locked, so its days never change; only its attribution may (an
 * edit), which moves them from one value to another.
 */
public record JobDays(Job job, SortedMap<LocalDate, JobAccrual.Day> days) {

  public static JobDays of(JobHistory history, BudgetCalendar calendar) {
    return new JobDays(history.job(), accrual(history).days(calendar));
  }

  /** A finished job's accrual, measured at its end: its activity ends with its last event. */
  public static JobAccrual accrual(JobHistory history) {
    Job job = history.job();
    Instant end =
        history.events().stream()
            .map(ReportedJobEvent::at)
            .max(Comparator.naturalOrder())
            .orElse(job.createdAt());
    if (job.endedAt().isPresent() && job.endedAt().get().isAfter(end)) {
      end = job.endedAt().get();
    }
    return JobAccrual.of(job.spec(), history.jobEvents(), end);
  }

  /** Whether the job ran on {@code day} and on the day after it too. */
  public boolean continuesAfter(LocalDate day) {
    return days.containsKey(day) && !day.equals(days.lastKey());
  }

  /** Whether {@code day} is the first day the job ran. */
  public boolean startsOn(LocalDate day) {
    return !days.isEmpty() && day.equals(days.firstKey());
  }
}
