package com.costguard.portal.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Who is signed in, for the layout; and signing out. */
@Named
@RequestScoped
public class CurrentUser {

  @Inject FacesContext faces;

  public String getName() {
    var principal = faces.getExternalContext().getUserPrincipal();
    return principal == null ? "" : principal.getName();
  }

  public void signOut() throws ServletException, IOException {
    ExternalContext external = faces.getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml");
  }
}
