package com.costguard.portal.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The sign-in form. */
@Named
@RequestScoped
public class Login {

  @Inject SecurityContext securityContext;
  @Inject FacesContext faces;

  private String username;
  private String password;

  public void submit() throws IOException {
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        securityContext.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password))));
    switch (status) {
      case SEND_CONTINUE -> faces.responseComplete();
      case SUCCESS ->
          external.redirect(external.getRequestContextPath() + "/dashboard/training-budget");
      default ->
          faces.addMessage(
              null,
              new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong username or password.", null));
    }
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
