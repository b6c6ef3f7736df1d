package com.costguard.application;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.config.Configuration;
import com.costguard.cost.Money;
import com.costguard.cost.budget.SpendAttribution;
import com.costguard.cost.rate.PricedUnits;
import com.costguard.cost.rate.RateCardBook;
import com.costguard.model.costevent.CostEvent;
import com.costguard.model.costevent.CostEventFilter;
import com.costguard.model.costevent.CostEventRepository;
import com.costguard.model.costevent.NewCostEvent;
import com.costguard.model.job.JobRepository;
import com.costguard.model.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Takes cost events from services: validated and priced first, stored all-or-nothing, idempotent.
 *
 * <p>An event costs its {@code amount}; without one, its {@code units} of {@code unitType} priced
 * by the rate card in force at {@code occurredAt}. When both are given the amount wins: it is what
 * the provider billed, discounts included, and the units are kept only as information.
 */
@ApplicationScoped
public class CostEventService {

  public static final int MAX_BATCH = 10_000;
  static final int MAX_TEXT = 200;
  static final int MAX_METADATA = 10_000;

  /** No single metered operation costs a trillion; a figure above it is a unit mix-up. */
  static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(12);

  /** Runner clocks drift; an event stamped further ahead than this is refused. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofHours(1);

  @Inject Configuration configuration;
  @Inject CostEventWriter writer;
  @Inject CostEventRepository events;
  @Inject JobRepository jobs;
  @Inject RateCardService rateCards;
  @Inject BudgetAlerts alerts;
  @Inject Clock clock;

  /**
   * Stores the batch, or nothing of it when any event is invalid.
   *
   * @throws RequestRefusedException when the actor may not report costs or an event is invalid
   */
  public IngestResult ingest(User actor, List<NewCostEvent> batch) {
    if (!actor.canWrite()) {
      throw new RequestRefusedException(
          RequestRefusedException.Reason.FORBIDDEN, null, "a VIEWER may not report costs");
    }
    if (batch.isEmpty()) {
      throw invalid("events", "a batch needs at least one event");
    }
    if (batch.size() > MAX_BATCH) {
      throw new RequestRefusedException(
          RequestRefusedException.Reason.TOO_LARGE,
          "events",
          "a batch holds at most %d events, this one has %d".formatted(MAX_BATCH, batch.size()));
    }
    for (int i = 0; i < batch.size(); i++) {
      validate("events[" + i + "].", batch.get(i));
    }
    knownJobs(batch);
    List<PricedEvent> priced = price(batch);
    List<Long> budgetsInScope =
        alerts.inScope(batch.stream().map(CostEventService::spend).toList());
    try {
      return writer.write(priced, budgetsInScope);
    } catch (PersistenceException raced) {
      // Another request stored one of these keys between our look-up and our insert; the
      // whole batch was rolled back, and a second pass counts those keys as duplicates.
      return writer.write(priced, budgetsInScope);
    }
  }

  /**
   * Every job an event names must exist: one query for the batch, and the first event naming an
   * unknown job refuses it.
   */
  private void knownJobs(List<NewCostEvent> batch) {
    Set<Long> named =
        batch.stream()
            .map(e -> e.attribution().jobId())
            .flatMap(Optional::stream)
            .collect(Collectors.toSet());
    if (named.isEmpty()) {
      return;
    }
    Set<Long> known = jobs.existingIds(named);
    for (int i = 0; i < batch.size(); i++) {
      Optional<Long> jobId = batch.get(i).attribution().jobId();
      if (jobId.filter(id -> !known.contains(id)).isPresent()) {
        throw invalid("events[" + i + "].jobId", "there is no job " + jobId.get());
      }
    }
  }

  /** The parts of an event's attribution a budget scope filters on. */
  static SpendAttribution spend(NewCostEvent event) {
    var a = event.attribution();
    return new SpendAttribution(a.client(), a.project(), a.team(), a.provider());
  }

  public List<CostEvent> page(CostEventFilter filter, int first, int size) {
    return events.page(filter, first, size);
  }

  public long count(CostEventFilter filter) {
    return events.count(filter);
  }

  public long count() {
    return events.count();
  }

  /**
   * Each event with what it costs. The rate cards are read once for the batch, and only when an
   * event needs them; a priced amount that {@code DECIMAL(19,6)} cannot hold exactly is refused,
   * never rounded.
   */
  private List<PricedEvent> price(List<NewCostEvent> batch) {
    Set<String> toPrice =
        batch.stream()
            .filter(e -> e.amount().isEmpty())
            .map(NewCostEvent::operationType)
            .collect(Collectors.toSet());
    RateCardBook book =
        toPrice.isEmpty() ? new RateCardBook(List.of()) : rateCards.bookFor(toPrice);
    List<PricedEvent> priced = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      NewCostEvent event = batch.get(i);
      BigDecimal amount =
          event.amount().isPresent()
              ? event.amount().get()
              : priceUnits("events[" + i + "].", event, book);
      priced.add(new PricedEvent(event, amount));
    }
    return priced;
  }

  private static BigDecimal priceUnits(String path, NewCostEvent event, RateCardBook book) {
    String unitType = event.unitType().orElseThrow();
    PricedUnits priced =
        book.price(event.operationType(), unitType, event.units().orElseThrow(), event.occurredAt())
            .orElseThrow(
                () ->
                    invalid(
                        path + "unitType",
                        ("no rate card for operationType '%s' and unitType '%s' is in force at %s:"
                                + " an ADMIN adds one, or send amount")
                            .formatted(event.operationType(), unitType, event.occurredAt())));
    String computation =
        "%s × %s per %s (rate card version %d, effective %s) = %s"
            .formatted(
                priced.units().toPlainString(),
                priced.rate().pricePerUnit().stripTrailingZeros().toPlainString(),
                unitType,
                priced.rate().version(),
                priced.rate().effectiveFrom(),
                priced.amount().stripTrailingZeros().toPlainString());
    if (priced.amount().compareTo(MAX_AMOUNT) > 0) {
      throw invalid(
          path + "units",
          computation + ", above %s: check the units".formatted(MAX_AMOUNT.toPlainString()));
    }
    // Units × a per-token price often has more decimals than amounts keep: the nearest
    // micro-unit is stored (an amount someone sent is never rounded, only a computed one).
    return Money.stored(priced.amount());
  }

  private void validate(String path, NewCostEvent event) {
    text(path + "idempotencyKey", Optional.ofNullable(event.idempotencyKey()), true);
    text(path + "operationType", Optional.ofNullable(event.operationType()), true);
    if (event.occurredAt() == null) {
      throw invalid(path + "occurredAt", "occurredAt is required (an ISO-8601 instant)");
    }
    if (event.occurredAt().isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
      throw invalid(
          path + "occurredAt",
          "occurredAt %s is in the future (more than %d minutes ahead of the server's clock)"
              .formatted(event.occurredAt(), MAX_CLOCK_SKEW.toMinutes()));
    }
    String currency = configuration.currency().getCurrencyCode();
    event
        .currency()
        .filter(c -> !c.equalsIgnoreCase(currency))
        .ifPresent(
            c -> {
              throw invalid(
                  path + "currency",
                  "currency %s differs from this installation's %s".formatted(c, currency));
            });
    event.amount().ifPresent(a -> money(path + "amount", a));
    event.units().ifPresent(u -> money(path + "units", u));
    event.listCost().ifPresent(l -> money(path + "listCost", l));
    if (event.units().isPresent() && event.unitType().isEmpty()) {
      throw invalid(path + "unitType", "unitType is required with units");
    }
    if (event.amount().isEmpty() && event.units().isEmpty()) {
      throw invalid(path + "amount", "amount, or units with unitType, is required");
    }
    text(path + "unitType", event.unitType(), event.units().isPresent());
    text(path + "reusedFrom", event.reusedFrom(), false);
    var a = event.attribution();
    text(path + "client", a.client(), false);
    text(path + "project", a.project(), false);
    text(path + "team", a.team(), false);
    text(path + "user", a.user(), false);
    text(path + "provider", a.provider(), false);
    text(path + "mode", a.mode(), false);
    text(path + "sessionId", a.sessionId(), false);
    if (event.metadataJson().map(String::length).orElse(0) > MAX_METADATA) {
      throw invalid(
          path + "metadata", "metadata is limited to %d characters".formatted(MAX_METADATA));
    }
  }

  /** A text field: required or not, at most {@link #MAX_TEXT} characters. */
  static void text(String field, Optional<String> value, boolean required) {
    if (value.isEmpty() || value.get().isBlank()) {
      if (required) {
        throw invalid(field, field.substring(field.lastIndexOf('.') + 1) + " is required");
      }
      return;
    }
    if (value.get().length() > MAX_TEXT) {
      throw invalid(field, "at most %d characters".formatted(MAX_TEXT));
    }
  }

  /** An amount: not negative, at most {@link #MAX_AMOUNT}, storable in {@code DECIMAL(19,6)}. */
  static void money(String field, BigDecimal value) {
    if (value.signum() < 0) {
      throw invalid(field, "must not be negative");
    }
    if (value.compareTo(MAX_AMOUNT) > 0) {
      throw invalid(field, "must not exceed %s".formatted(MAX_AMOUNT.toPlainString()));
    }
    if (!Money.storable(value)) {
      throw invalid(
          field,
          "at most %d digits before and %d after the decimal point"
              .formatted(Money.MAX_INTEGER_DIGITS, Money.STORED_SCALE));
    }
  }
}
