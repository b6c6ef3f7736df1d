package com.costguard.portal.web;

import com.costguard.application.BudgetService;
import com.costguard.application.IncreaseRequestService;
import com.costguard.application.RequestRefusedException;
import com.costguard.model.increase.IncreaseRequest;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The pending increase requests the signed-in user may decide ({@link
 * IncreaseRequestService#pendingFor}), with Approve and Reject (with a reason). The service checks
 * who decides; the list only spares others buttons they could not use.
 */
@Named
@ViewScoped
public class DecideIncreases implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient IncreaseRequestService increases;
  @Inject transient BudgetService budgets;
  @Inject transient CurrentUser currentUser;
  @Inject transient Formats formats;

  private Long rejecting;
  private String reason;

  /** A request as listed: with its budget's name. */
  public record Pending(IncreaseRequest request, String budgetName) {}

  public List<Pending> getPending() {
    return currentUser
        .user()
        .map(
            user ->
                increases.pendingFor(user).stream()
                    .map(r -> new Pending(r, budgetName(r.budgetId())))
                    .toList())
        .orElse(List.of());
  }

  private String budgetName(long id) {
    try {
      return budgets.get(id).budget().name();
    } catch (RequestRefusedException e) {
      return "budget " + id;
    }
  }

  public void approve(long id) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      IncreaseRequest request = increases.approve(currentUser.actor(), id);
      Refusals.info(
          faces, "Approved: the limit is now %s.".formatted(formats.money(request.newLimit())));
    } catch (RequestRefusedException e) {
      Refusals.show(faces, e, Map.of());
    }
  }

  public void startRejecting(long id) {
    rejecting = id;
    reason = null;
  }

  public void reject() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      increases.reject(currentUser.actor(), rejecting, reason);
      Refusals.info(faces, "Rejected request %d.".formatted(rejecting));
    } catch (RequestRefusedException e) {
      Refusals.show(faces, e, Map.of("reason", "reject:reason"));
    }
  }

  public Long getRejecting() {
    return rejecting;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
