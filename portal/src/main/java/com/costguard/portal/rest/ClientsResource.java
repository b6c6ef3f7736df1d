package com.costguard.portal.rest;

import com.costguard.application.ClientService;
import com.costguard.model.client.Client;
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
 * {@code /clients}: who work is attributed to (SPEC §2). A job's or cost event's {@code client}
 * names a client by its code, else its name.
 */
@Path("clients")
@ApplicationScoped
public class ClientsResource {

  @Inject ClientService clients;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Clients, by name",
      description = "{\"clients\": [{id, name, code, industry, priorityTier}]}")
  public JsonObject clients() {
    return ClientJson.clients(clients.clients());
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "One client")
  @APIResponse(responseCode = "404", description = "no client has this id")
  public JsonObject client(@PathParam("id") long id) {
    return ClientJson.of(clients.client(id));
  }

  @POST
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
        clients.create(ApiPrincipal.actor(caller), ClientJson.client(JsonBodies.object(body)));
    return ApiPrincipal.created(request, client.id(), ClientJson.of(client));
  }

  @PUT
  @Path("{id}")
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
        clients.update(ApiPrincipal.actor(caller), id, ClientJson.client(JsonBodies.object(body))));
  }
}
