package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.application.AlertService;
import com.costguard.cost.Money;
import com.costguard.model.alert.FiredAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /alerts?budget&since} (SPEC §5): fired alerts, oldest first, each with its delivery
 * state per channel. Anyone with a token reads.
 */
@Path("alerts")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AlertsResource {

  @Inject AlertService alerts;

  @GET
  @Operation(
      summary = "Fired alerts with their delivery state per channel",
      description =
          "Oldest first, at most 1000, as {\"alerts\": [...], \"total\": n}. budget keeps one"
              + " budget's alerts; since (an ISO-8601 instant) those fired at or after it. Each"
              + " alert: id, budgetId or jobId, kind (threshold, estimate, forecast, anomaly,"
              + " blocked), threshold (null for kinds without one), periodStart, firedAt, spent"
              + " and limit when it fired, rearmedAt (null while it stands) and deliveries"
              + " [{channel, state (pending, delivered, failed), attempts, deliveredAt, lastError}].")
  @APIResponse(responseCode = "200", description = "the alerts and their number")
  @APIResponse(responseCode = "400", description = "budget or since is not valid")
  public JsonObject list(@QueryParam("budget") String budget, @QueryParam("since") String since) {
    List<FiredAlert> fired = alerts.list(budget(budget), since(since));
    JsonArrayBuilder array = Json.createArrayBuilder();
    fired.forEach(alert -> array.add(json(alert)));
    return Json.createObjectBuilder().add("alerts", array).add("total", fired.size()).build();
  }

  static JsonObject json(FiredAlert alert) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("id", alert.id());
    alert.budgetId().ifPresent(id -> json.add("budgetId", id));
    alert.jobId().ifPresent(id -> json.add("jobId", id));
    json.add("kind", alert.kind().apiName());
    if (alert.kind().hasThreshold()) {
      json.add("threshold", alert.threshold());
    } else {
      json.addNull("threshold");
    }
    json.add("periodStart", alert.periodStart().toString())
        .add("firedAt", alert.firedAt().toString());
    alert
        .spent()
        .ifPresentOrElse(s -> json.add("spent", Money.exact(s)), () -> json.addNull("spent"));
    alert
        .limit()
        .ifPresentOrElse(l -> json.add("limit", Money.exact(l)), () -> json.addNull("limit"));
    alert
        .rearmedAt()
        .ifPresentOrElse(r -> json.add("rearmedAt", r.toString()), () -> json.addNull("rearmedAt"));
    JsonArrayBuilder deliveries = Json.createArrayBuilder();
    for (FiredAlert.Delivery d : alert.deliveries()) {
      JsonObjectBuilder delivery =
          Json.createObjectBuilder()
              .add("channel", d.channel().apiName())
              .add("state", d.state().apiName())
              .add("attempts", d.attempts());
      d.deliveredAt()
          .ifPresentOrElse(
              at -> delivery.add("deliveredAt", at.toString()),
              () -> delivery.addNull("deliveredAt"));
      d.lastError()
          .ifPresentOrElse(e -> delivery.add("lastError", e), () -> delivery.addNull("lastError"));
      deliveries.add(delivery);
    }
    return json.add("deliveries", deliveries).build();
  }

  private static Optional<Long> budget(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      throw invalid("budget", "budget must be a budget id");
    }
  }

  private static Optional<Instant> since(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Instants.instant("since", value.strip()));
  }
}
