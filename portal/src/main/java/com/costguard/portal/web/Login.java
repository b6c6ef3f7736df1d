package com.costguard.portal.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import com.costguard.portal.security.LoginThrottle;
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
import java.time.Duration;
import java.util.Optional;

/** The sign-in form. */
@Named
@RequestScoped
public class Login {

  @Inject SecurityContext securityContext;
  @Inject FacesContext faces;
  @Inject LoginThrottle throttle;

  private String username;
  private String password;

  /**
   * Signs in, unless {@link LoginThrottle} says this account or address failed too often lately. A
   * signed-in user gets a new session id (the one a page gave before sign-in may have been planted
   * by someone else: session fixation).
   */
  public void submit() throws IOException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    String address = clientAddress(request);
    Optional<Duration> wait = throttle.wait(username, address);
    if (wait.isPresent()) {
      long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              "Too many failed sign-ins. Try again in %d minute%s."
                  .formatted(minutes, minutes == 1 ? "" : "s"),
              null));
      return;
    }
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password))));
    boolean signedIn =
        (status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE)
            && request.getUserPrincipal() != null;
    if (signedIn) {
      throttle.succeeded(username);
      if (request.getSession(false) != null) {
        request.changeSessionId();
      }
    }
    switch (status) {
      case SEND_CONTINUE -> faces.responseComplete();
      case SUCCESS ->
          external.redirect(external.getRequestContextPath() + "/dashboard/training-budget");
      default -> {
        throttle.failed(username, address);
        faces.addMessage(
            null,
            new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong username or password.", null));
      }
    }
  }

  /**
   * The browser's address: the peer's, or — when the peer is a reverse proxy on this host — the
   * last address in {@code X-Forwarded-For}, the one that proxy appended (earlier ones are the
   * client's own claims).
   */
  static String clientAddress(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank() && loopback(peer)) {
      String[] hops = forwarded.split(",");
      String last = hops[hops.length - 1].trim();
      if (!last.isEmpty()) {
        return last;
      }
    }
    return peer;
  }

  private static boolean loopback(String address) {
    return address != null
        && (address.startsWith("127.")
            || address.equals("::1")
            || address.equals("0:0:0:0:0:0:0:1"));
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
