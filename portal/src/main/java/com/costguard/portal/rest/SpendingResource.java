package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.application.SpendingService;
import com.costguard.application.SpendingSummary;
import com.costguard.config.Configuration;
import com.costguard.cost.Money;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /spending/summary?from&to}: spend over a range. {@code from} and {@code to} are
 * ISO-8601 instants or dates in the installation's time zone; a date {@code to} includes that day.
 * Without them: the current calendar month.
 */
@Path("spending")
public class SpendingResource {

  @Inject SpendingService spending;
  @Inject Configuration configuration;

  @GET
  @Path("summary")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject summary(@QueryParam("from") String from, @QueryParam("to") String to) {
    SpendingSummary summary;
    if (from == null && to == null) {
      summary = spending.thisMonth();
    } else if (from == null || to == null) {
      throw invalid(from == null ? "from" : "to", "give both from and to, or neither");
    } else {
      summary = spending.summary(bound("from", from, false), bound("to", to, true));
    }
    return Json.createObjectBuilder()
        .add("from", summary.from().toString())
        .add("to", summary.to().toString())
        .add("currency", summary.currency())
        .add("total", Money.exact(summary.total()))
        .add("events", summary.events())
        .build();
  }

  private Instant bound(String name, String value, boolean endOfDay) {
    try {
      if (value.length() == 10) {
        LocalDate date = LocalDate.parse(value);
        return (endOfDay ? date.plusDays(1) : date)
            .atStartOfDay(configuration.timezone())
            .toInstant();
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(
          name, name + " must be a date (2026-11-01) or an instant (2026-11-01T00:00:00Z)");
    }
  }
}
