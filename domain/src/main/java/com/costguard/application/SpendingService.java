package com.costguard.application;

import com.costguard.config.Configuration;
import com.costguard.model.costevent.CostEventRepository;
import com.costguard.model.costevent.CostEventRepository.GroupTotal;
import com.costguard.model.costevent.SpendDimension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

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
        events.count(from, to),
        events.reuseSavings(from, to),
        groups(SpendDimension.PROVIDER, from, to),
        groups(SpendDimension.MODE, from, to),
        groups(SpendDimension.SESSION, from, to),
        groups(SpendDimension.CLIENT, from, to),
        groups(SpendDimension.PROJECT, from, to),
        events.totalsByDay(from, to, configuration.timezone()).stream()
            .map(d -> new SpendingSummary.Day(d.date(), d.cost(), d.count()))
            .toList());
  }

  /** Groups by name, largest spend first; events without the attribute under "(none)". */
  private Map<String, SpendingSummary.Group> groups(
      SpendDimension dimension, Instant from, Instant to) {
    Map<String, SpendingSummary.Group> groups = new LinkedHashMap<>();
    events.totalsBy(dimension, from, to).stream()
        .sorted(Comparator.comparing(GroupTotal::cost).reversed())
        .forEach(
            g ->
                groups.put(
                    g.key() == null ? SpendingSummary.NONE : g.key(),
                    new SpendingSummary.Group(g.cost(), g.count())));
    return groups;
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
