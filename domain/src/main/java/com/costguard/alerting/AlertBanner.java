package com.costguard.alerting;

import java.util.Objects;

/**
 * A budget's banner in the portal (SPEC §4): the highest threshold that stands in its current
 * period decides the tier. 80% is yellow and may be dismissed; 95% orange and 100% red stay.
 * Dismissals are kept per user ({@code AlertService#dismiss}).
 *
 * @param threshold the highest standing threshold, in percent
 */
public record AlertBanner(long budgetId, String budgetName, int threshold, Tier tier) {

  /** How loud a banner is; never told by colour alone, so each tier has a word too. */
  public enum Tier {
    /** Below 95%: yellow, dismissable. */
    WARNING,
    /** 95% up to 100%: orange, persistent. */
    SERIOUS,
    /** 100% and above: red, persistent. */
    EXCEEDED;

    public static Tier of(int threshold) {
      if (threshold >= 100) {
        return EXCEEDED;
      }
      return threshold >= 95 ? SERIOUS : WARNING;
    }
  }

  public AlertBanner {
    Objects.requireNonNull(budgetName, "budgetName");
    Objects.requireNonNull(tier, "tier");
  }

  public static AlertBanner of(long budgetId, String budgetName, int threshold) {
    return new AlertBanner(budgetId, budgetName, threshold, Tier.of(threshold));
  }

  public boolean dismissable() {
    return tier == Tier.WARNING;
  }
}
