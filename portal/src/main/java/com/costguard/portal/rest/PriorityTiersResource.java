package com.costguard.portal.rest;

import com.costguard.application.ClientService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /priority-tiers}: what each client priority tier is allocated a month. */
@Path("priority-tiers")
public class PriorityTiersResource {

  @Inject ClientService clients;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "What each priority tier is allocated a month",
      description = "{\"tiers\": [{tier, monthlyAllocation}]}; defaults A 200, B 150, C 100.")
  public JsonObject tiers() {
    return ClientJson.tiers(clients.monthlyAllocations());
  }

  @PUT
  @Path("{tier}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set a tier's monthly allocation (ADMIN)",
      description = "{monthlyAllocation}: not negative, read exactly. Answers every tier.")
  @APIResponse(responseCode = "400", description = "unknown tier or invalid amount")
  @APIResponse(responseCode = "403", description = "not an ADMIN")
  public JsonObject setTier(
      @PathParam("tier") String tier, InputStream body, @Context SecurityContext caller) {
    return ClientJson.tiers(
        clients.setMonthlyAllocation(
            ApiPrincipal.actor(caller),
            tier,
            JsonFields.decimal(JsonBodies.object(body), "monthlyAllocation").orElse(null)));
  }
}
