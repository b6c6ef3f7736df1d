package com.costguard.model.job;

import java.math.BigDecimal;

/**
 * What finished jobs accrued over a day or a range of whole days, by the daily rollups (V28): the
 * sum of each job's days floored at zero ({@code amount}, as the daily charts show it), the same
 * not floored ({@code net}: what the jobs accrued in the range, as a budget counts it), and how
 * many jobs ran in it.
 */
public record JobDayTotal(BigDecimal amount, BigDecimal net, long jobs) {

  public static final JobDayTotal NONE = new JobDayTotal(BigDecimal.ZERO, BigDecimal.ZERO, 0);

  public JobDayTotal plus(JobDayTotal other) {
    return new JobDayTotal(amount.add(other.amount), net.add(other.net), jobs + other.jobs);
  }
}
