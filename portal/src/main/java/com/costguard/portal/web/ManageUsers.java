package com.costguard.portal.web;

import com.costguard.application.IssuedToken;
import com.costguard.application.RequestRefusedException;
import com.costguard.application.UserService;
import com.costguard.model.user.ApiToken;
import com.costguard.model.user.NewUser;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import com.costguard.model.user.UserChanges;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The users page (ADMIN): users and their roles, adding a user, changing roles, issuing and
 * revoking API tokens. Every action goes through {@link UserService}, which refuses anyone but an
 * ADMIN whatever this page shows; a new token is shown once, right after it is issued.
 */
@Named
@ViewScoped
public class ManageUsers implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject UserService users;
  @Inject CurrentUser signedIn;

  private String refusal;
  private List<UserRow> rows = List.of();

  private Long selectedId;
  private List<String> selectedRoles = new ArrayList<>();
  private String slackUserId;
  private List<TokenRow> tokens = List.of();
  private String tokenLabel;
  private IssuedToken issued;

  private String newUsername;
  private String newEmail;
  private String newName;
  private String newPassword;
  private List<String> newRoles = new ArrayList<>(List.of(Role.VIEWER.name()));

  /** A user as the table shows them. */
  public record UserRow(
      long id,
      String username,
      String name,
      String email,
      String roles,
      List<String> roleNames,
      String slackUserId,
      Instant createdAt)
      implements Serializable {

    static UserRow of(User u) {
      List<String> names = u.roles().stream().map(Role::name).sorted().toList();
      return new UserRow(
          u.id(),
          u.username(),
          u.name(),
          u.email(),
          String.join(", ", names),
          names,
          u.slackUserId().orElse(""),
          u.createdAt());
    }
  }

  /** An API token as the page shows it: its label and date (the token itself is never kept). */
  public record TokenRow(long id, String label, Instant createdAt) implements Serializable {
    static TokenRow of(ApiToken t) {
      return new TokenRow(t.id(), t.label(), t.createdAt());
    }
  }

  @PostConstruct
  void load() {
    try {
      rows = users.list(signedIn.required()).stream().map(UserRow::of).toList();
      refusal = null;
    } catch (RequestRefusedException e) {
      refusal = "Only an ADMIN may manage users and their API tokens.";
      rows = List.of();
    }
  }

  public void select(long id) {
    issued = null;
    act(
        () -> {
          User user = users.get(signedIn.required(), id);
          selectedId = id;
          selectedRoles = new ArrayList<>(user.roles().stream().map(Role::name).sorted().toList());
          slackUserId = user.slackUserId().orElse(null);
          tokens = users.tokens(signedIn.required(), id).stream().map(TokenRow::of).toList();
        },
        null);
  }

  public void create() {
    act(
        () -> {
          User created =
              users.create(
                  signedIn.required(),
                  new NewUser(
                      blankToEmpty(newUsername),
                      newEmail,
                      newName,
                      List.copyOf(newRoles),
                      blankToEmpty(newPassword),
                      Optional.empty()));
          newUsername = newEmail = newName = newPassword = null;
          newRoles = new ArrayList<>(List.of(Role.VIEWER.name()));
          load();
          select(created.id());
        },
        "User added.");
  }

  public void saveRoles() {
    act(
        () -> {
          users.update(
              signedIn.required(),
              selectedId,
              new UserChanges(
                  Optional.empty(),
                  Optional.of(List.copyOf(selectedRoles)),
                  Optional.empty(),
                  Optional.empty()));
          load();
        },
        "Roles saved.");
  }

  /** Maps the user to a Slack user id, or (empty) back to matching by e-mail (SPEC §3). */
  public void saveSlackUserId() {
    act(
        () -> {
          String id = slackUserId == null ? "" : slackUserId.strip();
          users.update(
              signedIn.required(),
              selectedId,
              new UserChanges(
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(id.isEmpty() ? Optional.empty() : Optional.of(id))));
          load();
        },
        "Slack mapping saved.");
  }

  public String getSlackUserId() {
    return slackUserId;
  }

  public void setSlackUserId(String slackUserId) {
    this.slackUserId = slackUserId;
  }

  public void issueToken() {
    act(
        () -> {
          issued = users.issueToken(signedIn.required(), selectedId, blankToEmpty(tokenLabel));
          tokenLabel = null;
          tokens =
              users.tokens(signedIn.required(), selectedId).stream().map(TokenRow::of).toList();
        },
        "Token issued. Copy it now: it is not shown again.");
  }

  public void revokeToken(long tokenId) {
    act(
        () -> {
          users.revokeToken(signedIn.required(), selectedId, tokenId);
          issued = null;
          tokens =
              users.tokens(signedIn.required(), selectedId).stream().map(TokenRow::of).toList();
        },
        "Token revoked.");
  }

  /** Runs a change; a refusal from the service is shown next to the form, nothing is changed. */
  private void act(Runnable change, String done) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      change.run();
      if (done != null) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
      }
    } catch (RequestRefusedException e) {
      faces.addMessage(
          e.field().map(f -> "users:" + f).orElse(null),
          new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
      faces.validationFailed();
    }
  }

  private static Optional<String> blankToEmpty(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }

  public String getRefusal() {
    return refusal;
  }

  public List<UserRow> getRows() {
    return rows;
  }

  public List<String> getAllRoles() {
    return Arrays.stream(Role.values()).map(Role::name).toList();
  }

  public Optional<UserRow> selected() {
    return rows.stream().filter(r -> selectedId != null && r.id() == selectedId).findFirst();
  }

  public UserRow getSelected() {
    return selected().orElse(null);
  }

  public List<String> getSelectedRoles() {
    return selectedRoles;
  }

  public void setSelectedRoles(List<String> selectedRoles) {
    this.selectedRoles = selectedRoles;
  }

  public List<TokenRow> getTokens() {
    return tokens;
  }

  public String getTokenLabel() {
    return tokenLabel;
  }

  public void setTokenLabel(String tokenLabel) {
    this.tokenLabel = tokenLabel;
  }

  public IssuedToken getIssued() {
    return issued;
  }

  public String getNewUsername() {
    return newUsername;
  }

  public void setNewUsername(String newUsername) {
    this.newUsername = newUsername;
  }

  public String getNewEmail() {
    return newEmail;
  }

  public void setNewEmail(String newEmail) {
    this.newEmail = newEmail;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public List<String> getNewRoles() {
    return newRoles;
  }

  public void setNewRoles(List<String> newRoles) {
    this.newRoles = newRoles;
  }
}
