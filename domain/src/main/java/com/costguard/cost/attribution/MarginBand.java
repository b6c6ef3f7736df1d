package com.costguard.cost.attribution;

import java.math.BigDecimal;

/**
 * How healthy a project's margin is (SPEC §2): green above 70 %, yellow 40–70 %, red below 40 %.
 */
public enum MarginBand {
  GREEN,
  YELLOW,
  RED;

  private static final BigDecimal GREEN_ABOVE = BigDecimal.valueOf(70);
  private static final BigDecimal RED_BELOW = BigDecimal.valueOf(40);

  public static MarginBand of(BigDecimal marginPercent) {
    if (marginPercent.compareTo(GREEN_ABOVE) > 0) {
      return GREEN;
    }
    return marginPercent.compareTo(RED_BELOW) < 0 ? RED : YELLOW;
  }
}
