package com.costguard.portal.rest;

import com.costguard.application.Actor;
import com.costguard.model.user.User;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.security.Principal;

/** The user an API token belongs to. */
public record ApiPrincipal(User user) implements Principal {

  @Override
  public String getName() {
    return user.username();
  }

  /** The caller of a request {@link BearerTokenFilter} let through, acting over the API. */
  static Actor actor(SecurityContext caller) {
    return Actor.api(((ApiPrincipal) caller.getUserPrincipal()).user());
  }

  /** 201 with the new resource's address (the request's path and its id) and its JSON. */
  static Response created(UriInfo request, Object id, JsonObject entity) {
    return Response.created(request.getAbsolutePathBuilder().path(String.valueOf(id)).build())
        .entity(entity)
        .build();
  }
}
