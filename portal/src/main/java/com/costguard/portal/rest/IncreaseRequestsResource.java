package com.costguard.portal.rest;

import com.costguard.application.Actor;
import com.costguard.application.IncreaseRequestService;
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
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /increase-requests} (SPEC §5): read a budget increase request and approve or reject it.
 * Requests are made at {@code POST /budgets/{id}/increase-requests} ({@link BudgetsResource}).
 */
@Path("increase-requests")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class IncreaseRequestsResource {

  @Inject IncreaseRequestService increases;

  @GET
  @Path("{id}")
  @Operation(
      summary = "A budget increase request",
      description =
          "status is applied, pending, approved, rejected or expired; a pending request is"
              + " expired 24 h after it was made.")
  @APIResponse(responseCode = "200", description = "the request")
  @APIResponse(responseCode = "404", description = "no such request")
  public JsonObject get(@PathParam("id") long id) {
    return IncreaseRequestJson.of(increases.get(id));
  }

  @POST
  @Path("{id}/approve")
  @Operation(
      summary = "Approve a pending increase request, applying its new limit",
      description =
          "The budget's approver, else any APPROVER; an ADMIN always. Never the requester. The"
              + " limit changes in the transaction that records the approval.")
  @APIResponse(responseCode = "200", description = "the request, approved")
  @APIResponse(responseCode = "403", description = "the requester, or not an allowed approver")
  @APIResponse(responseCode = "404", description = "no such request")
  @APIResponse(responseCode = "409", description = "the request is not pending (or expired)")
  public JsonObject approve(@PathParam("id") long id, @Context SecurityContext caller) {
    return IncreaseRequestJson.of(increases.approve(actor(caller), id));
  }

  @POST
  @Path("{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Reject a pending increase request",
      description = "{\"reason\": \"...\"} is required. Who may: as for approve.")
  @APIResponse(responseCode = "200", description = "the request, rejected")
  @APIResponse(responseCode = "400", description = "no reason; field names it")
  @APIResponse(responseCode = "403", description = "the requester, or not an allowed approver")
  @APIResponse(responseCode = "404", description = "no such request")
  @APIResponse(responseCode = "409", description = "the request is not pending (or expired)")
  public JsonObject reject(
      @PathParam("id") long id, InputStream body, @Context SecurityContext caller) {
    JsonObject json = JsonBodies.object(body);
    return IncreaseRequestJson.of(
        increases.reject(actor(caller), id, JsonFields.text(json, "reason").orElse(null)));
  }

  private static Actor actor(SecurityContext caller) {
    return Actor.api(((ApiPrincipal) caller.getUserPrincipal()).user());
  }
}
