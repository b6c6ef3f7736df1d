package com.costguard.application;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.config.Configuration;
import com.costguard.cost.Money;
import com.costguard.model.costevent.CostEvent;
import com.costguard.model.costevent.CostEventRepository;
import com.costguard.model.costevent.NewCostEvent;
import com.costguard.model.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Takes cost events from services: validated first, stored all-or-nothing, idempotent. */
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
    try {
      return writer.write(batch);
    } catch (PersistenceException raced) {
      // Another request stored one of these keys between our look-up and our insert; the
      // whole batch was rolled back, and a second pass counts those keys as duplicates.
      return writer.write(batch);
    }
  }

  public List<CostEvent> page(int first, int size) {
    return events.page(first, size);
  }

  public long count() {
    return events.count();
  }

  /** The amount an event costs; only {@code amount} prices an event until rate cards exist. */
  static BigDecimal price(NewCostEvent event) {
    return event.amount().orElseThrow();
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
    if (event.amount().isEmpty()) {
      if (event.units().isEmpty()) {
        throw invalid(path + "amount", "amount, or units with unitType, is required");
      }
      throw invalid(
          path + "amount",
          "no rate card prices unitType '%s' yet: send amount".formatted(event.unitType().get()));
    }
    text(path + "unitType", event.unitType(), false);
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
