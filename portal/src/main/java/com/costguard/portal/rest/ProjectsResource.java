package com.costguard.portal.rest;

import com.costguard.application.ClientService;
import com.costguard.model.client.Project;
import jakarta.enterprise.context.ApplicationScoped;
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
 * {@code /projects}: a client's projects, with the revenue and other costs their profit is computed
 * from. A job's {@code project} names one by its code, else its name.
 */
@Path("projects")
@ApplicationScoped
public class ProjectsResource {

  @Inject ClientService clients;

  @GET
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
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "One project")
  @APIResponse(responseCode = "404", description = "no project has this id")
  public JsonObject project(@PathParam("id") long id) {
    return ClientJson.of(clients.project(id));
  }

  @POST
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
        clients.create(ApiPrincipal.actor(caller), ClientJson.project(JsonBodies.object(body)));
    return ApiPrincipal.created(request, project.id(), ClientJson.of(project));
  }

  @PUT
  @Path("{id}")
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
            ApiPrincipal.actor(caller), id, ClientJson.project(JsonBodies.object(body))));
  }
}
