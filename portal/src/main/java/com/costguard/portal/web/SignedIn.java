package com.costguard.portal.web;

import com.costguard.application.Actor;
import com.costguard.application.UserService;
import com.costguard.model.user.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The signed-in user as the domain knows them, for the services' role checks: pages only hide what
 * a user may not do; the services refuse it.
 */
@Named
@RequestScoped
public class SignedIn {

  @Inject FacesContext faces;
  @Inject UserService users;

  private User user;

  /** The signed-in user, read fresh in each request so a role change applies at once. */
  public User user() {
    if (user == null) {
      String name = faces.getExternalContext().getRemoteUser();
      user =
          users
              .byUsername(name == null ? "" : name)
              .orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
    return user;
  }

  public Actor actor() {
    return Actor.portal(user());
  }
}
