package com.costguard.cost.job;

import java.math.BigDecimal;

/** The three projection scenarios of SPEC §2: remaining time scaled, with a probability. */
public enum ScenarioKind {
  /** Training accelerates, fewer validation runs, no interruptions. */
  BEST("0.87", 20),
  /** The current rate continues. */
  EXPECTED("1.00", 60),
  /** Training slows down, more interruptions, extra validation runs. */
  WORST("1.20", 20);

  private final BigDecimal timeFactor;
  private final int probabilityPercent;

  ScenarioKind(String timeFactor, int probabilityPercent) {
    this.timeFactor = new BigDecimal(timeFactor);
    this.probabilityPercent = probabilityPercent;
  }

  /** What the expected remaining time is multiplied by. */
  public BigDecimal timeFactor() {
    return timeFactor;
  }

  public int probabilityPercent() {
    return probabilityPercent;
  }
}
