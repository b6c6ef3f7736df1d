package com.costguard.portal.rest;

import com.costguard.application.RequestRefusedException;
import com.costguard.application.RequestRefusedException.Reason;
import com.costguard.application.UserService;
import com.costguard.model.user.Role;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/** Every API call carries {@code Authorization: Bearer <token>} of a known user, or gets 401. */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

  private static final String PREFIX = "Bearer ";

  @Inject UserService users;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw new RequestRefusedException(
          Reason.UNAUTHORIZED, null, "send an API token as 'Authorization: Bearer <token>'");
    }
    ApiPrincipal principal =
        users
            .byToken(header.substring(PREFIX.length()).trim())
            .map(ApiPrincipal::new)
            .orElseThrow(
                () -> new RequestRefusedException(Reason.UNAUTHORIZED, null, "unknown API token"));
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return principal;
          }

          @Override
          public boolean isUserInRole(String role) {
            return principal.user().roles().stream().map(Role::name).anyMatch(role::equals);
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return "Bearer";
          }
        });
  }
}
