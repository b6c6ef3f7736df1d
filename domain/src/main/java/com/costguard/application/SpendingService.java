package com.costguard.application;

import com.costguard.config.Configuration;
import com.costguard.model.costevent.CostEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/** What was spent, over a range. */
@ApplicationScoped
public class SpendingService {

  @Inject CostEventRepository events;
  @Inject Configuration configuration;
  @Inject Clock clock;

  public SpendingSummary summary(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw RequestRefusedException.invalid("to", "to must be after from");
    }
    return new SpendingSummary(
        from,
        to,
        configuration.currency().getCurrencyCode(),
        events.total(from, to),
        events.count(from, to));
  }

  /** The current calendar month in the installation's time zone. */
  public SpendingSummary thisMonth() {
    ZonedDateTime start =
        LocalDate.now(clock.withZone(configuration.timezone()))
            .withDayOfMonth(1)
            .atStartOfDay(configuration.timezone());
    return summary(start.toInstant(), start.plusMonths(1).toInstant());
  }
}
