package com.costguard.portal.rest;

import static com.costguard.portal.rest.Jsonp.JSON;

import com.costguard.application.JobService;
import com.costguard.application.JobWriter.Recorded;
import com.costguard.application.RequestRefusedException;
import com.costguard.model.job.NewJobEventFor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /job-events}: several jobs' lifecycle and progress events in one call, as a node
 * agent or a scheduler reports the jobs it runs. Each event is what {@code POST /jobs/{id}/events}
 * takes, plus its {@code jobId}, and gets what that answers, in {@code results}, in the order sent.
 * One HTTP request per event costs the server more than writing the event (issue 8).
 */
@Path("job-events")
@ApplicationScoped
public class JobEventsResource {

  @Inject JobService jobs;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Report several jobs' lifecycle or progress events",
      description =
          "{\"events\": [...]}, up to 1,000, each with jobId and the fields of POST"
              + " /jobs/{id}/events. Each event is written as that endpoint writes it, in the order"
              + " sent, and answered on its own in results: status 200 with the job's cost view"
              + " (cost; cost.cancelRequested true means: stop the job), or the status and error"
              + " that endpoint would answer (404 unknown job, 400 step past the end, 409 job"
              + " completed or failed). A repeated key changes nothing.")
  @APIResponse(
      responseCode = "200",
      description =
          "{\"recorded\": n, \"refused\": n, \"results\": [...]}, one result per event; recorded"
              + " counts the events stored now or before under the same key")
  @APIResponse(
      responseCode = "400",
      description =
          "a field of an event is invalid (field names it, e.g. events[3].step): nothing is written")
  @APIResponse(responseCode = "413", description = "more than 1,000 events")
  public JsonObject record(InputStream body, @Context SecurityContext caller) {
    List<NewJobEventFor> events = JobJson.newEvents(JsonBodies.object(body));
    List<Recorded> outcomes =
        jobs.recordAll(((ApiPrincipal) caller.getUserPrincipal()).user(), events);
    JsonArrayBuilder results = JSON.createArrayBuilder();
    int refused = 0;
    for (int i = 0; i < events.size(); i++) {
      JsonObjectBuilder result =
          JSON.createObjectBuilder()
              .add("jobId", events.get(i).jobId())
              .add("idempotencyKey", events.get(i).event().idempotencyKey());
      Recorded outcome = outcomes.get(i);
      if (outcome.refusal().isPresent()) {
        RequestRefusedException refusal = outcome.refusal().get();
        refused++;
        result
            .add("status", ErrorResponses.status(refusal.reason()))
            .add("error", refusal.reason().code())
            .add("message", refusal.getMessage());
        refusal.field().ifPresent(field -> result.add("field", field));
      } else {
        result.add("status", 200).add("cost", JobCostJson.of(outcome.reading().orElseThrow()));
      }
      results.add(result);
    }
    return JSON.createObjectBuilder()
        .add("recorded", events.size() - refused)
        .add("refused", refused)
        .add("results", results)
        .build();
  }
}
