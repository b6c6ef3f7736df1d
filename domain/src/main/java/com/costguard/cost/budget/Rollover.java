package com.costguard.cost.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Unused limit carried into the next period (SPEC §2), capped at one period's limit: the limit of
 * the period receiving it. What was available in a period is its limit plus what it received, so an
 * unspent carry can roll on, but never beyond the cap.
 */
public final class Rollover {

  /** A period that is over: its limit and what was spent in it. */
  public record ClosedPeriod(BigDecimal limit, BigDecimal spent) {
    public ClosedPeriod {
      Objects.requireNonNull(limit, "limit");
      Objects.requireNonNull(spent, "spent");
    }
  }

  private Rollover() {}

  /** What one period passes on: {@code available − spent}, between 0 and {@code nextLimit}. */
  public static BigDecimal carry(BigDecimal available, BigDecimal spent, BigDecimal nextLimit) {
    return available.subtract(spent).max(BigDecimal.ZERO).min(nextLimit.max(BigDecimal.ZERO));
  }

  /**
   * What rolls into the period with limit {@code nextLimit}, given the periods before it, oldest
   * first, since rollover was enabled; no closed periods, no rollover.
   */
  public static BigDecimal carriedInto(BigDecimal nextLimit, List<ClosedPeriod> closedOldestFirst) {
    BigDecimal received = BigDecimal.ZERO;
    for (int i = 0; i < closedOldestFirst.size(); i++) {
      ClosedPeriod period = closedOldestFirst.get(i);
      BigDecimal receiverLimit =
          i + 1 < closedOldestFirst.size() ? closedOldestFirst.get(i + 1).limit() : nextLimit;
      received = carry(period.limit().add(received), period.spent(), receiverLimit);
    }
    return received;
  }
}
