package com.costguard.portal.rest;

import com.costguard.application.AttributionService;
import com.costguard.application.AttributionService.AttributionReport;
import com.costguard.config.Configuration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /attribution}: who the job spend of a range was for and what it earned (SPEC §2).
 * Anyone signed in reads it.
 */
@Path("attribution")
@ApplicationScoped
public class AttributionResource {

  static final String RANGE =
      " from and to are dates (to inclusive) or instants (to exclusive) in the installation's"
          + " time zone; neither = this calendar month.";

  @Inject AttributionService attribution;
  @Inject Configuration configuration;
  @Inject Clock clock;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Job costs by client and by project, with profit, pricing insights, allocation",
      description =
          "Each job that ran in the range counts with what it accrued in it (as the spending"
              + " summary counts it), in exactly one client and one project, so byClient and"
              + " byProject each add up to total. A job's client/project string names a client or"
              + " project by its code, else its name; a registered project's client takes jobs that"
              + " name only the project; other strings are listed as given (clientId null), jobs"
              + " without one under \"(none)\". byProject: profit = revenue − trainingCost −"
              + " otherCosts, marginPercent = profit / revenue × 100, band green > 70, yellow"
              + " 40–70, red < 40; highest margin first. pricingInsights: average training cost of"
              + " the registered projects with jobs, revenue multiplier, recommended band"
              + " (< $50 → $10k–20k; $50–150 → $20k–40k; > $150 → $40k–80k+). allocation: each"
              + " registered client's monthly tier amount (plus what rolled over from last month,"
              + " carriedIn, when its tier rolls over) against this month's spend, alert at 90%;"
              + " nextMonth = tier amount + this month's unused allocation capped at one tier"
              + " amount (rollover) else the tier amount; allocation.tiers adds them up by tier."
              + " reuseSavings (seed 003's shared intelligence): per client (the cost event's"
              + " client) the sum of max(0, listCost − amount) over cost events in the range with a"
              + " listCost, savingsPercent = savings / listCost × 100."
              + RANGE)
  @APIResponse(responseCode = "400", description = "a bound is invalid or to is not after from")
  public JsonObject attribution(@QueryParam("from") String from, @QueryParam("to") String to) {
    RangeParams range = range(from, to);
    AttributionReport report = attribution.attribution(range.from(), range.to());
    return AttributionJson.of(
        report,
        attribution.tierUtilisation(report.allocations()),
        attribution.reuse(range.from(), range.to()));
  }

  RangeParams range(String from, String to) {
    return RangeParams.of(from, to, configuration.timezone(), clock.instant());
  }
}
