package com.costguard.cost.attribution;

import java.math.BigDecimal;
import java.util.List;

/**
 * Job costs in a range by client and by project. Every job counts in exactly one client and one
 * project, so each list's totals add up to {@link #total()} to the cent.
 *
 * @param total what every job accrued in the range: the organisation total
 * @param byClient costliest first; registered clients without jobs too
 * @param byProject highest margin first, projects without a margin after them by cost
 */
public record Attribution(
    BigDecimal total,
    int jobs,
    List<ClientCost> byClient,
    List<ProjectProfit> byProject,
    PricingInsights insights) {

  /** The group of jobs that name no client (or no project). */
  public static final String NONE = "(none)";

  public Attribution {
    byClient = List.copyOf(byClient);
    byProject = List.copyOf(byProject);
  }
}
