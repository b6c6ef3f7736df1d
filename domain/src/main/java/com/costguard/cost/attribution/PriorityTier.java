package com.costguard.cost.attribution;

import java.math.BigDecimal;

/**
 * A client's priority (SPEC §2): it sets how much the client is allocated a month. The defaults are
 * SPEC's; the amounts in force are the {@code priority_tiers} table's (admin-editable).
 */
public enum PriorityTier {
  A("200"),
  B("150"),
  C("100");

  private final BigDecimal defaultMonthlyAllocation;

  PriorityTier(String defaultMonthlyAllocation) {
    this.defaultMonthlyAllocation = new BigDecimal(defaultMonthlyAllocation);
  }

  public BigDecimal defaultMonthlyAllocation() {
    return defaultMonthlyAllocation;
  }
}
