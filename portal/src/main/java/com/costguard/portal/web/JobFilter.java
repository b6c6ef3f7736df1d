package com.costguard.portal.web;

import com.costguard.model.job.JobCriteria;
import com.costguard.model.job.JobStatus;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/**
 * The dashboard's job filters (seed 000 FR7.2.1): status, the day a job was created (from, to, in
 * the installation's time zone, both included), creator, and the cost in the period (min, max, both
 * included). Empty fields do not filter.
 */
public class JobFilter implements Serializable {

  private static final long serialVersionUID = 1L;

  private String status;
  private LocalDate from;
  private LocalDate to;
  private String creator;
  private BigDecimal minCost;
  private BigDecimal maxCost;

  /** The filter as the reports take it: days are whole days in {@code zone}. */
  JobCriteria criteria(ZoneId zone) {
    return new JobCriteria(
        Arrays.stream(JobStatus.values()).filter(s -> s.wireName().equals(status)).findFirst(),
        Optional.ofNullable(from).map(day -> day.atStartOfDay(zone).toInstant()),
        Optional.ofNullable(to).map(day -> day.plusDays(1).atStartOfDay(zone).toInstant()),
        Optional.ofNullable(creator).filter(c -> !blank(c)),
        Optional.ofNullable(minCost),
        Optional.ofNullable(maxCost));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  void clear() {
    status = null;
    from = null;
    to = null;
    creator = null;
    minCost = null;
    maxCost = null;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getCreator() {
    return creator;
  }

  public void setCreator(String creator) {
    this.creator = creator;
  }

  public BigDecimal getMinCost() {
    return minCost;
  }

  public void setMinCost(BigDecimal minCost) {
    this.minCost = minCost;
  }

  public BigDecimal getMaxCost() {
    return maxCost;
  }

  public void setMaxCost(BigDecimal maxCost) {
    this.maxCost = maxCost;
  }
}
