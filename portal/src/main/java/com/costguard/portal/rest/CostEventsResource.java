package com.costguard.portal.rest;

import static com.costguard.portal.rest.Jsonp.JSON;

import com.costguard.application.CostEventService;
import com.costguard.application.IngestResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code POST /cost-events}: a batch of up to 10,000 events, stored all-or-nothing. */
@Path("cost-events")
@ApplicationScoped
public class CostEventsResource {

  @Inject CostEventService costEvents;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Report a batch of cost events",
      description =
          "Up to 10,000 events, stored all-or-nothing. Each needs idempotencyKey, occurredAt,"
              + " operationType, and amount or units + unitType; units are priced exactly by the"
              + " rate card in force at occurredAt (when both are sent, amount wins). A jobId must"
              + " name a job that exists. A key already stored counts as a duplicate.")
  @APIResponse(responseCode = "202", description = "{\"accepted\": n, \"duplicates\": n}")
  @APIResponse(
      responseCode = "400",
      description =
          "an event is invalid, has no rate card in force or names an unknown job; field names it")
  @APIResponse(responseCode = "413", description = "more than 10,000 events or 16 MiB")
  public Response ingest(InputStream body, @Context SecurityContext caller) {
    var batch = CostEventJson.batch(body);
    IngestResult result =
        costEvents.ingest(((ApiPrincipal) caller.getUserPrincipal()).user(), batch);
    return Response.accepted(
            JSON.createObjectBuilder()
                .add("accepted", result.accepted())
                .add("duplicates", result.duplicates())
                .build())
        .build();
  }
}
