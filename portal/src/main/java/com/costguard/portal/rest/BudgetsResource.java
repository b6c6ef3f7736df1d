package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.application.Actor;
import com.costguard.application.BudgetService;
import com.costguard.application.BudgetView;
import com.costguard.application.IncreaseRequestService;
import com.costguard.model.budget.BudgetDefinition;
import com.costguard.model.increase.IncreaseRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /budgets} (SPEC §5, seed 004's shape): list, create, read, change, delete and reset
 * budgets. Each budget is answered with where it stands now ({@link BudgetJson}). Anyone with a
 * token reads; an ADMIN or a BUDGET_MANAGER writes.
 */
@Path("budgets")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class BudgetsResource {

  @Inject BudgetService budgets;
  @Inject IncreaseRequestService increases;

  @GET
  @Operation(
      summary = "List budgets with where each stands now",
      description =
          "Oldest first, as {\"budgets\": [...], \"total\": n}. period (daily, weekly,"
              + " calendar_month, rolling_30_days, session, total) keeps budgets of that period;"
              + " enabledOnly=true leaves out disabled ones.")
  @APIResponse(responseCode = "200", description = "the budgets and their number")
  @APIResponse(responseCode = "400", description = "an unknown period or enabledOnly value")
  public JsonObject list(
      @QueryParam("period") String period, @QueryParam("enabledOnly") String enabledOnly) {
    List<BudgetView> views =
        budgets.list(
            Optional.ofNullable(period).map(BudgetService::period), enabledOnly(enabledOnly));
    JsonArrayBuilder array = Json.createArrayBuilder();
    views.forEach(view -> array.add(BudgetJson.of(view)));
    return Json.createObjectBuilder().add("budgets", array).add("total", views.size()).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a budget",
      description =
          "name and limit are required; period defaults to calendar_month, thresholds to"
              + " [80, 95, 100], enabled to true, scope to the whole organisation, blockNewJobs"
              + " and rollover to false. ADMIN or BUDGET_MANAGER.")
  @APIResponse(responseCode = "201", description = "the budget, at the Location given")
  @APIResponse(responseCode = "400", description = "a field is invalid; field names it")
  @APIResponse(responseCode = "403", description = "neither ADMIN nor BUDGET_MANAGER")
  public Response create(
      InputStream body, @Context SecurityContext caller, @Context UriInfo request) {
    BudgetDefinition definition =
        BudgetJson.over(BudgetDefinition.defaults(), JsonBodies.object(body));
    BudgetView created = budgets.create(actor(caller), definition);
    return Response.created(
            request.getAbsolutePathBuilder().path(String.valueOf(created.budget().id())).build())
        .entity(BudgetJson.of(created))
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "A budget with where it stands now",
      description =
          "Adds spent, reserved, rolledOver, usagePercentage, remaining, isExceeded,"
              + " periodStart, periodEnd (null for session and total) and forecast {low, high}"
              + " (null unless daily, weekly or calendar_month).")
  @APIResponse(responseCode = "404", description = "no such budget")
  public JsonObject get(@PathParam("id") long id) {
    return BudgetJson.of(budgets.get(id));
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a budget",
      description =
          "Partial: the fields given replace the budget's, the others stay; null clears"
              + " approver, manager and scope; scope is replaced whole. ADMIN or BUDGET_MANAGER.")
  @APIResponse(responseCode = "200", description = "the budget as changed")
  @APIResponse(responseCode = "400", description = "a field is invalid; field names it")
  @APIResponse(responseCode = "403", description = "neither ADMIN nor BUDGET_MANAGER")
  @APIResponse(responseCode = "404", description = "no such budget")
  public JsonObject update(
      @PathParam("id") long id, InputStream body, @Context SecurityContext caller) {
    JsonObject changes = JsonBodies.object(body);
    return BudgetJson.of(
        budgets.update(actor(caller), id, current -> BudgetJson.over(current, changes)));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete a budget", description = "ADMIN or BUDGET_MANAGER.")
  @APIResponse(responseCode = "204", description = "deleted")
  @APIResponse(responseCode = "403", description = "neither ADMIN nor BUDGET_MANAGER")
  @APIResponse(responseCode = "404", description = "no such budget")
  public Response delete(@PathParam("id") long id, @Context SecurityContext caller) {
    budgets.delete(actor(caller), id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/reset")
  @Operation(
      summary = "Start the budget's period afresh",
      description =
          "Spend before now no longer counts: a session or total period runs from now; a daily,"
              + " weekly or monthly period's rest runs from now to its usual end. ADMIN or"
              + " BUDGET_MANAGER.")
  @APIResponse(responseCode = "200", description = "the budget after the reset")
  @APIResponse(responseCode = "403", description = "neither ADMIN nor BUDGET_MANAGER")
  @APIResponse(responseCode = "404", description = "no such budget")
  public JsonObject reset(@PathParam("id") long id, @Context SecurityContext caller) {
    return BudgetJson.of(budgets.reset(actor(caller), id));
  }

  @POST
  @Path("{id}/increase-requests")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Ask for a budget's limit to be raised",
      description =
          "{\"newLimit\": 600, \"justification\": \"...\"}: newLimit above the current limit"
              + " and at least the current spend; justification required (at most 2000"
              + " characters). Any role but VIEWER. Applied at once (status applied) when an"
              + " ADMIN or BUDGET_MANAGER asks for at most 20% more and at most $1,000; otherwise"
              + " pending until approved or rejected (expires after 24 h).")
  @APIResponse(responseCode = "201", description = "the request, applied or pending")
  @APIResponse(responseCode = "400", description = "a field is invalid; field names it")
  @APIResponse(responseCode = "403", description = "a VIEWER")
  @APIResponse(responseCode = "404", description = "no such budget")
  public Response requestIncrease(
      @PathParam("id") long id,
      InputStream body,
      @Context SecurityContext caller,
      @Context UriInfo request) {
    JsonObject json = JsonBodies.object(body);
    IncreaseRequest made =
        increases.request(
            actor(caller),
            id,
            JsonFields.decimal(json, "newLimit").orElse(null),
            JsonFields.text(json, "justification").orElse(null));
    return Response.created(
            request
                .getBaseUriBuilder()
                .path("increase-requests")
                .path(String.valueOf(made.id()))
                .build())
        .entity(IncreaseRequestJson.of(made))
        .build();
  }

  /** The token's user, through the API (the channel the audit log records). */
  private static Actor actor(SecurityContext caller) {
    return Actor.api(((ApiPrincipal) caller.getUserPrincipal()).user());
  }

  private static boolean enabledOnly(String value) {
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw invalid("enabledOnly", "enabledOnly must be true or false");
  }
}
