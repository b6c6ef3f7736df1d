package com.costguard.portal.rest;

import com.costguard.model.user.User;
import java.security.Principal;

/** The user an API token belongs to. */
public record ApiPrincipal(User user) implements Principal {

  @Override
  public String getName() {
    return user.username();
  }
}
