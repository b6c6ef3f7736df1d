package com.costguard.portal.rest;

import com.costguard.application.AttributionService;
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

/** {@code GET /optimization}: what spot capacity saved over a range (SPEC §2). */
@Path("optimization")
@ApplicationScoped
public class OptimizationResource {

  @Inject AttributionService attribution;
  @Inject Configuration configuration;
  @Inject Clock clock;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Spot vs on-demand: savings, interruptions, projections, recommendations",
      description =
          "Every job that ran in the range with its whole cost view. totalSpotCost = the spot"
              + " jobs' current costs (recovery overhead included); onDemandEquivalent = the same"
              + " hours at the on-demand rate; savings = onDemandEquivalent − (totalSpotCost −"
              + " recoveryOverhead); netSavings = onDemandEquivalent − totalSpotCost. Interruption"
              + " figures are over spot jobs; savingsByMonth by the month a job was created;"
              + " monthlySavings = their mean; annualisedSavings = × 12. recommendations: spot"
              + " share < 80% → more_spot with what the on-demand jobs would have saved; ≥ 80% →"
              + " optimal; over 30% of spot jobs interrupted → off_peak."
              + AttributionResource.RANGE)
  @APIResponse(responseCode = "400", description = "a bound is invalid or to is not after from")
  public JsonObject optimization(@QueryParam("from") String from, @QueryParam("to") String to) {
    RangeParams range = range(from, to);
    return AttributionJson.of(attribution.optimization(range.from(), range.to()));
  }

  RangeParams range(String from, String to) {
    return RangeParams.of(from, to, configuration.timezone(), clock.instant());
  }
}
