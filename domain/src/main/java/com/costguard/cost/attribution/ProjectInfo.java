package com.costguard.cost.attribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** A registered project, as attribution needs it: its revenue and other costs are entered. */
public record ProjectInfo(
    long id,
    String name,
    String code,
    long clientId,
    Optional<LocalDate> startDate,
    Optional<LocalDate> endDate,
    Optional<BigDecimal> revenue,
    BigDecimal otherCosts) {

  boolean namedBy(String text) {
    return code.equals(text) || name.equals(text);
  }
}
