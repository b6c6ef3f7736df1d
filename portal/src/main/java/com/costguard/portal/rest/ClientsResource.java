package com.costguard.portal.rest;

import com.costguard.application.ClientService;
import com.costguard.model.client.Client;
import com.costguard.model.client.Project;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
 * {@code /clients} and {@code /projects}: who work is attributed to (SPEC §2). A job's or cost
 * event's {@code client} names a client by its code, else its name; {@code project} likewise.
 */
@Path("")
public class ClientsResource {

  @Inject ClientService clients;

  @GET
  @Path("clients")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Clients, by name",
      description = "{\"clients\": [{id, name, code, industry, priorityTier}]}")
  public JsonObject clients() {
    return ClientJson.clients(clients.clients());
  }

  @GET
  @Path("clients/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "One client")
  @APIResponse(responseCode = "404", description = "no client has this id")
  public JsonObject client(@PathParam("id") long id) {
    return ClientJson.of(clients.client(id));
  }

  @POST
  @Path("clients")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a client (ADMIN, BUDGET_MANAGER)",
      description =
          "{name, code, industry, priorityTier}: name and code unique among clients; code of"
              + " letters, digits, '.', '_', '-'; priorityTier A, B or C (monthly allocation"
              + " $200, $150, $100 by default).")
  @APIResponse(responseCode = "201", description = "the client, with its id")
  @APIResponse(responseCode = "400", description = "invalid; field names it")
  @APIResponse(responseCode = "403", description = "neither ADMIN nor BUDGET_MANAGER")
  @APIResponse(responseCode = "409", description = "the code or name is taken")
  public Response addClient(
      InputStream body, @Context SecurityContext caller, @Context UriInfo request) {
    Client client =
        clients.create(
            ((ApiPrincipal) caller.getUserPrincipal()).user(),
            ClientJson.client(JsonBodies.object(body)));
    return Response.created(
            request.getAbsolutePathBuilder().path(String.valueOf(client.id())).build())
        .entity(ClientJson.of(client))
        .build();
  }

  @PUT
  @Path("clients/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace a client's details (ADMIN, BUDGET_MANAGER)",
      description = "The body of POST /clients; every field is replaced.")
  @APIResponse(responseCode = "400", description = "invalid; field names it")
  @APIResponse(responseCode = "403", description = "neither ADMIN nor BUDGET_MANAGER")
  @APIResponse(responseCode = "404", description = "no client has this id")
  @APIResponse(responseCode = "409", description = "the code or name is taken")
  public JsonObject updateClient(
      @PathParam("id") long id, InputStream body, @Context SecurityContext caller) {
    return ClientJson.of(
        clients.update(
            ((ApiPrincipal) caller.getUserPrincipal()).user(),
            id,
            ClientJson.client(JsonBodies.object(body))));
  }

  @GET
  @Path("priority-tiers")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "What each priority tier is allocated a month",
      description = "{\"tiers\": [{tier, monthlyAllocation}]}; defaults A 200, B 150, C 100.")
  public JsonObject tiers() {
    return ClientJson.tiers(clients.monthlyAllocations());
  }

  @PUT
  @Path("priority-tiers/{tier}")
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
            ((ApiPrincipal) caller.getUserPrincipal()).user(),
            tier,
            JsonFields.decimal(JsonBodies.object(body), "monthlyAllocation").orElse(null)));
  }

  @GET
  @Path("projects")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Projects, by name",
      description =
          "{\"projects\": [{id, name, clientId, code, startDate, endDate, projectedRevenue,"
              + " otherCosts}]}")
  public JsonObject projects() {
    return ClientJson.projects(clients.projects());
  }

  @GET
  @Path("projects/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "One project")
  @APIResponse(responseCode = "404", description = "no project has this id")
  public JsonObject project(@PathParam("id") long id) {
    return ClientJson.of(clients.project(id));
  }

  @POST
  @Path("projects")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a project (ADMIN, BUDGET_MANAGER)",
      description =
          "{name, clientId, code, startDate, endDate, projectedRevenue, otherCosts}: name and"
              + " code unique among projects; dates ISO (endDate not before startDate); money"
              + " not negative, read exactly; otherCosts defaults to 0. Profit = projectedRevenue"
              + " − training cost (its jobs) − otherCosts.")
  @APIResponse(responseCode = "201", description = "the project, with its id")
  @APIResponse(responseCode = "400", description = "invalid (an unknown clientId too)")
  @APIResponse(responseCode = "403", description = "neither ADMIN nor BUDGET_MANAGER")
  @APIResponse(responseCode = "409", description = "the code or name is taken")
  public Response addProject(
      InputStream body, @Context SecurityContext caller, @Context UriInfo request) {
    Project project =
        clients.create(
            ((ApiPrincipal) caller.getUserPrincipal()).user(),
            ClientJson.project(JsonBodies.object(body)));
    return Response.created(
            request.getAbsolutePathBuilder().path(String.valueOf(project.id())).build())
        .entity(ClientJson.of(project))
        .build();
  }

  @PUT
  @Path("projects/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace a project's details (ADMIN, BUDGET_MANAGER)",
      description = "The body of POST /projects; every field is replaced.")
  @APIResponse(responseCode = "400", description = "invalid; field names it")
  @APIResponse(responseCode = "403", description = "neither ADMIN nor BUDGET_MANAGER")
  @APIResponse(responseCode = "404", description = "no project has this id")
  @APIResponse(responseCode = "409", description = "the code or name is taken")
  public JsonObject updateProject(
      @PathParam("id") long id, InputStream body, @Context SecurityContext caller) {
    return ClientJson.of(
        clients.update(
            ((ApiPrincipal) caller.getUserPrincipal()).user(),
            id,
            ClientJson.project(JsonBodies.object(body))));
  }
}
