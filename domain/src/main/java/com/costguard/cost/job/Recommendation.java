package com.costguard.cost.job;

import java.math.BigDecimal;
import java.util.List;

/** Decision support: the projected final cost against the estimate's max (SPEC §2). */
public enum Recommendation {
  /** Projected final &gt; 1.2 × max. */
  SIGNIFICANTLY_OVER(
      "Projected cost significantly exceeds the estimate. Consider cancelling and retrying with a"
          + " more efficient configuration, switching to on-demand if spot interruptions caused"
          + " the overrun, or accepting the cost if the job is critical and nearly done.",
      List.of(
          SuggestedAction.CANCEL_JOB,
          SuggestedAction.CONTINUE_ANYWAY,
          SuggestedAction.VIEW_COST_HISTORY)),
  /** Projected final &gt; max. */
  SLIGHTLY_OVER(
      "Projected cost slightly over the estimate. Monitor closely: an acceptable variance given"
          + " training uncertainty.",
      List.of(SuggestedAction.CONTINUE_MONITORING)),
  /** Projected final ≤ max (below the range counts as on track too). */
  ON_TRACK("Projected cost within the estimate.", List.of());

  private static final BigDecimal SIGNIFICANT = new BigDecimal("1.2");

  private final String advice;
  private final List<SuggestedAction> actions;

  Recommendation(String advice, List<SuggestedAction> actions) {
    this.advice = advice;
    this.actions = actions;
  }

  /** A short decision-support text, free of amounts (the view carries those). */
  public String advice() {
    return advice;
  }

  public List<SuggestedAction> actions() {
    return actions;
  }

  public static Recommendation of(BigDecimal projectedFinal, BigDecimal estimateMax) {
    if (projectedFinal.compareTo(estimateMax.multiply(SIGNIFICANT)) > 0) {
      return SIGNIFICANTLY_OVER;
    }
    return projectedFinal.compareTo(estimateMax) > 0 ? SLIGHTLY_OVER : ON_TRACK;
  }
}
