package com.costguard.portal.rest;

import com.costguard.application.IssuedToken;
import com.costguard.application.UserService;
import com.costguard.model.user.User;
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
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /users} (SPEC §5): an ADMIN lists, adds and changes users, maps them to Slack and issues
 * their API tokens; anyone with a token reads their own profile at {@code /users/me}.
 */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class UsersResource {

  @Inject UserService users;

  @GET
  @Operation(
      summary = "List users (ADMIN)",
      description =
          "Oldest first, as {\"users\": [{id, username, email, name, roles, slackUserId,"
              + " createdAt}]}. Never a password or an API token.")
  @APIResponse(responseCode = "200", description = "every user")
  @APIResponse(responseCode = "403", description = "the caller is not an ADMIN")
  public JsonObject list(@Context SecurityContext caller) {
    return UserJson.list(users.list(actor(caller)));
  }

  @GET
  @Path("me")
  @Operation(
      summary = "The caller's own profile",
      description =
          "The user the bearer token belongs to, with its roles: a runner checks its token here.")
  @APIResponse(responseCode = "200", description = "the caller")
  @APIResponse(responseCode = "401", description = "no token, or an unknown one")
  public JsonObject me(@Context SecurityContext caller) {
    return UserJson.of(actor(caller));
  }

  @GET
  @Path("{id}")
  @Operation(summary = "A user (ADMIN)")
  @APIResponse(responseCode = "200", description = "the user")
  @APIResponse(responseCode = "403", description = "the caller is not an ADMIN")
  @APIResponse(responseCode = "404", description = "no such user")
  public JsonObject get(@PathParam("id") long id, @Context SecurityContext caller) {
    return UserJson.of(users.get(actor(caller), id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a user (ADMIN)",
      description =
          "email (unique), name and roles (one or more of ADMIN, BUDGET_MANAGER, APPROVER,"
              + " ENGINEER, VIEWER) are required. username defaults to the email; password (at"
              + " least 12 characters, kept as a PBKDF2 hash) lets the user sign in to the portal;"
              + " slackUserId (e.g. U024BE7LH) maps the user to Slack, which otherwise matches"
              + " users by e-mail. Issue API tokens with POST /users/{id}/tokens.")
  @APIResponse(responseCode = "201", description = "the user, at the Location given")
  @APIResponse(responseCode = "400", description = "a field is invalid; field names it")
  @APIResponse(responseCode = "403", description = "the caller is not an ADMIN")
  @APIResponse(
      responseCode = "409",
      description = "another user has the email, username or slackUserId; field names it")
  public Response create(
      InputStream body, @Context SecurityContext caller, @Context UriInfo request) {
    User created = users.create(actor(caller), UserJson.newUser(JsonBodies.object(body)));
    return Response.created(
            request.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
        .entity(UserJson.of(created))
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a user (ADMIN)",
      description =
          "Partial: name, roles (replaced whole), password and slackUserId (null removes the"
              + " Slack mapping) replace the user's when given; id, username, email and createdAt"
              + " cannot be changed and are ignored. The installation's last ADMIN keeps the ADMIN"
              + " role.")
  @APIResponse(responseCode = "200", description = "the user as changed")
  @APIResponse(responseCode = "400", description = "a field is invalid; field names it")
  @APIResponse(responseCode = "403", description = "the caller is not an ADMIN")
  @APIResponse(responseCode = "404", description = "no such user")
  @APIResponse(
      responseCode = "409",
      description = "the last ADMIN would lose the role, or the slackUserId is another user's")
  public JsonObject update(
      @PathParam("id") long id, InputStream body, @Context SecurityContext caller) {
    return UserJson.of(users.update(actor(caller), id, UserJson.changes(JsonBodies.object(body))));
  }

  @POST
  @Path("{id}/tokens")
  @Operation(
      summary = "Issue an API token to a user (ADMIN)",
      description =
          "Body optional: {\"label\": \"what the token is for\"} (\"api\" when left out)."
              + " Answers {token, label, createdAt}: the token is shown only in this answer and"
              + " stored as its SHA-256 hash. It acts as the user, with the user's roles; the"
              + " user's other tokens keep working.")
  @APIResponse(responseCode = "201", description = "the new token, shown this once")
  @APIResponse(responseCode = "403", description = "the caller is not an ADMIN")
  @APIResponse(responseCode = "404", description = "no such user")
  public Response issueToken(
      @PathParam("id") long id, InputStream body, @Context SecurityContext caller) {
    JsonObject request = JsonBodies.objectOrEmpty(body);
    IssuedToken issued = users.issueToken(actor(caller), id, JsonFields.text(request, "label"));
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.status(Response.Status.CREATED)
        .cacheControl(noStore)
        .entity(UserJson.of(issued))
        .build();
  }

  private static User actor(SecurityContext caller) {
    return ((ApiPrincipal) caller.getUserPrincipal()).user();
  }
}
