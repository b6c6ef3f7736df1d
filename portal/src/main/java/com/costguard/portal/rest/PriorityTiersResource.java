package com.costguard.portal.rest;

import com.costguard.application.Actor;
import com.costguard.application.ClientService;
import com.costguard.application.RequestRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /priority-tiers}: what each client priority tier is allocated a month. */
@Path("priority-tiers")
@ApplicationScoped
public class PriorityTiersResource {

  @Inject ClientService clients;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "What each priority tier is allocated a month",
      description =
          "{\"tiers\": [{tier, monthlyAllocation, rollover}]}; defaults A 200, B 150, C 100,"
              + " no rollover. With rollover a tier's clients carry unused allocation into the"
              + " next month, capped at one month's amount.")
  public JsonObject tiers() {
    return tiers(clients);
  }

  @PUT
  @Path("{tier}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set a tier's monthly allocation and/or rollover (ADMIN)",
      description =
          "{monthlyAllocation, rollover}: either or both; the amount not negative, read exactly;"
              + " rollover true or false. Each change is audited. Answers every tier.")
  @APIResponse(responseCode = "400", description = "unknown tier or invalid amount")
  @APIResponse(responseCode = "403", description = "not an ADMIN")
  public JsonObject setTier(
      @PathParam("tier") String tier, InputStream body, @Context SecurityContext caller) {
    Actor actor = Actor.api(((ApiPrincipal) caller.getUserPrincipal()).user());
    JsonObject json = JsonBodies.object(body);
    Optional<JsonValue> rollover = JsonFields.value(json, "rollover");
    if (rollover.isPresent()
        && rollover.get() != JsonValue.TRUE
        && rollover.get() != JsonValue.FALSE) {
      throw RequestRefusedException.invalid("rollover", "rollover must be true or false");
    }
    Optional<BigDecimal> amount = JsonFields.decimal(json, "monthlyAllocation");
    if (amount.isPresent() || rollover.isEmpty()) {
      clients.setMonthlyAllocation(actor, tier, amount.orElse(null));
    }
    rollover.ifPresent(on -> clients.setRollover(actor, tier, on == JsonValue.TRUE));
    return tiers(clients);
  }

  private static JsonObject tiers(ClientService clients) {
    return ClientJson.tiers(clients.monthlyAllocations(), clients.rolloverTiers());
  }
}
