package com.costguard.portal.rest;

import com.costguard.application.Actor;
import com.costguard.application.JobService;
import com.costguard.model.job.Job;
import com.costguard.model.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /jobs}: runners create jobs and report their events; anyone signed in reads a job's cost;
 * SPEC §3's roles cancel. Paths name a job by its numeric {@code id}.
 */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class JobsResource {

  @Inject JobService jobs;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a job",
      description =
          "externalId, name, pricing (spot or on_demand), hourlyRate, estimateMin, estimateMax and"
              + " totalSteps are required; createdBy defaults to the caller, onDemandHourlyRate"
              + " to hourlyRate. controlUrl, when given, receives a POST when the job is"
              + " cancelled.")
  @APIResponse(responseCode = "201", description = "the job, queued; Location names it")
  @APIResponse(responseCode = "400", description = "a field is invalid; field names it")
  @APIResponse(
      responseCode = "409",
      description =
          "a job with this externalId exists (conflict), or a blocking budget in the job's scope"
              + " is at its limit or cannot cover the job's estimateMax (budget_exceeded, the"
              + " message names the budget)")
  public Response create(InputStream body, @Context SecurityContext caller, @Context UriInfo uri) {
    Job job = jobs.create(user(caller), JobJson.newJob(JsonBodies.object(body)));
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(job.id())).build())
        .entity(JobJson.job(job))
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "A job: its attributes, status and, once it has ended, its final cost")
  @APIResponse(responseCode = "404", description = "no such job")
  public JsonObject job(@PathParam("id") long id) {
    return JobJson.job(jobs.job(id));
  }

  @POST
  @Path("{id}/events")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Report a lifecycle or progress event",
      description =
          "type (started, progress, paused, resumed, interrupted, recovered, storage, completed,"
              + " failed), at (ISO-8601 instant, at most 1 h ahead) and idempotencyKey are"
              + " required; step, stage, recoveryMinutes and storageGb as the type needs. Events"
              + " are placed by at; a repeated key changes nothing. Answers with the cost view;"
              + " cancelRequested true means: stop the job.")
  @APIResponse(responseCode = "200", description = "the job's cost view and cancelRequested")
  @APIResponse(responseCode = "400", description = "a field is invalid; field names it")
  @APIResponse(responseCode = "404", description = "no such job")
  @APIResponse(responseCode = "409", description = "the job has completed or failed")
  public JsonObject event(
      @PathParam("id") long id, InputStream body, @Context SecurityContext caller) {
    return JobCostJson.of(jobs.record(user(caller), id, JobJson.newEvent(JsonBodies.object(body))));
  }

  @GET
  @Path("{id}/cost")
  @Operation(
      summary = "A job's cost view",
      description =
          "Current cost with its breakdown (GPU time by stage, interruptions, storage), active"
              + " and paused minutes, estimate zone and variance, on-demand equivalent and"
              + " savings, and for a running job the projection with scenarios and advice.")
  @APIResponse(responseCode = "404", description = "no such job")
  public JsonObject cost(@PathParam("id") long id) {
    return JobCostJson.of(jobs.cost(id));
  }

  @POST
  @Path("{id}/cancel")
  @Operation(
      summary = "Cancel a job",
      description =
          "ADMIN, BUDGET_MANAGER or the job's creator only. The cost is locked now; the runner"
              + " is told at its controlUrl and by cancelRequested in its next event's answer.")
  @APIResponse(responseCode = "200", description = "the locked cost view")
  @APIResponse(responseCode = "403", description = "the caller may not cancel this job")
  @APIResponse(responseCode = "404", description = "no such job")
  @APIResponse(responseCode = "409", description = "the job has completed or failed")
  public JsonObject cancel(@PathParam("id") long id, @Context SecurityContext caller) {
    return JobCostJson.of(jobs.cancel(Actor.api(user(caller)), id));
  }

  private static User user(SecurityContext caller) {
    return ((ApiPrincipal) caller.getUserPrincipal()).user();
  }
}
