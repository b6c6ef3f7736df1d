package com.costguard.portal.web;

import com.costguard.application.Actor;
import com.costguard.application.AuditLog;
import com.costguard.application.BudgetService;
import com.costguard.application.UserService;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;

/**
 * Who is signed in: for the layout, for hiding what a user may not do, and as the {@link Actor} the
 * services authorise. Hiding a button is a courtesy; the services refuse the action all the same.
 */
@Named
@RequestScoped
public class CurrentUser {

  @Inject FacesContext faces;
  @Inject UserService users;

  private Optional<User> user;

  public String getName() {
    var principal = faces.getExternalContext().getUserPrincipal();
    return principal == null ? "" : principal.getName();
  }

  /** The signed-in user as stored now (roles changed by an ADMIN count at once). */
  public Optional<User> user() {
    if (user == null) {
      String name = getName();
      user = name.isEmpty() ? Optional.empty() : users.byUsername(name);
    }
    return user;
  }

  /** The signed-in user, on pages only a signed-in user reaches. */
  public User required() {
    return user().orElseThrow(() -> new IllegalStateException("nobody is signed in"));
  }

  /** The signed-in user acting through the portal. */
  public Actor actor() {
    return Actor.portal(required());
  }

  /** Roles, for the header. */
  public String getRoles() {
    return user()
        .map(u -> String.join(", ", u.roles().stream().map(Role::name).sorted().toList()))
        .orElse("");
  }

  /** An ADMIN or a BUDGET_MANAGER: sees the controls that change budgets. */
  public boolean isBudgetManager() {
    return user().map(BudgetService::canManage).orElse(false);
  }

  /** Sees the users page. */
  public boolean isAdmin() {
    return user().map(u -> u.hasRole(Role.ADMIN)).orElse(false);
  }

  /** Sees the audit log (the rule of {@link AuditLog#canRead}). */
  public boolean isAuditReader() {
    return user().map(AuditLog::canRead).orElse(false);
  }

  /** Anyone but a VIEWER: may ask for increases. */
  public boolean isWriter() {
    return user().map(User::canWrite).orElse(false);
  }

  public void signOut() throws ServletException, IOException {
    ExternalContext external = faces.getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml");
  }
}
