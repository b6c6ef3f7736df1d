package com.costguard.portal.rest;

import static com.costguard.portal.rest.Jsonp.JSON;

import com.costguard.application.JobSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /job-snapshots}: the 5-minute sweep that costs every job in progress, run now by an ADMIN
 * (after an outage, or to time it: the benchmark's projection-sweep figure).
 */
@Path("job-snapshots")
@ApplicationScoped
public class JobSnapshotsResource {

  @Inject JobSnapshots snapshots;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Cost and snapshot every job in progress now (ADMIN)",
      description =
          "{jobs, stored}: the jobs in progress, and the snapshots stored (a job that has one in"
              + " the current 5-minute slot keeps it).")
  @APIResponse(responseCode = "403", description = "not an ADMIN")
  public JsonObject sweep(@Context SecurityContext caller) {
    JobSnapshots.Sweep sweep = snapshots.takeNow(((ApiPrincipal) caller.getUserPrincipal()).user());
    return JSON.createObjectBuilder()
        .add("jobs", sweep.jobs())
        .add("stored", sweep.stored())
        .build();
  }
}
