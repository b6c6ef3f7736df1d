package com.costguard.model.job;

import java.util.Comparator;
import java.util.Locale;

/**
 * The order of the budget dashboard's job table: by one field, ties by id. The database sorts the
 * same way ({@code JpaJobRepository}: names by their lower case, the rest as stored, binary), so a
 * page can merge the jobs it sorts with those sorted in memory.
 */
public record JobOrder(Field field, boolean descending) {

  /** The costliest first: the table's default and the CSV's order. */
  public static final JobOrder COSTLIEST = new JobOrder(Field.COST, true);

  public enum Field {
    COST,
    NAME,
    CREATED_AT,
    CREATED_BY,
    STATUS
  }

  public Comparator<JobInPeriod> comparator() {
    Comparator<JobInPeriod> by =
        switch (field) {
          case COST -> Comparator.comparing(JobInPeriod::cost);
          case NAME -> Comparator.comparing(j -> j.name().toLowerCase(Locale.ROOT));
          case CREATED_AT -> Comparator.comparing(JobInPeriod::createdAt);
          case CREATED_BY -> Comparator.comparing(JobInPeriod::createdBy);
          case STATUS -> Comparator.comparing(JobInPeriod::status);
        };
    return (descending ? by.reversed() : by).thenComparingLong(JobInPeriod::id);
  }
}
