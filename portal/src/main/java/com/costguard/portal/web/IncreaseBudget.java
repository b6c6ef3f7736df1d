package com.costguard.portal.web;

import com.costguard.application.BudgetService;
import com.costguard.application.BudgetView;
import com.costguard.application.IncreaseRequestService;
import com.costguard.application.RequestRefusedException;
import com.costguard.cost.Money;
import com.costguard.model.increase.IncreaseRequest;
import com.costguard.model.increase.IncreaseStatus;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The increase-budget dialog (SPEC §2 "Budget increases", seed 000 FR7.2.2), opened from a banner
 * or the dashboard: the current limit, a new limit (suggested: 1.2 × the current one), a
 * justification; it tells before sending whether the increase needs approval and who approves
 * ({@link IncreaseRequestService#needsApproval}, {@link IncreaseRequestService#approverOf}), and
 * the service decides for real when it is sent.
 */
@Named
@ViewScoped
public class IncreaseBudget implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final BigDecimal SUGGESTED_RATIO = new BigDecimal("1.2");

  @Inject transient BudgetService budgets;
  @Inject transient IncreaseRequestService increases;
  @Inject transient CurrentUser currentUser;
  @Inject transient Formats formats;

  private Long budgetId;
  private String budgetName;
  private BigDecimal currentLimit;
  private BigDecimal spent;
  private BigDecimal newLimit;
  private String justification;
  private String outcome;

  public void open(long id) {
    BudgetView view = budgets.get(id);
    budgetId = id;
    budgetName = view.budget().name();
    currentLimit = view.budget().limit();
    spent = view.status().spent();
    newLimit = Money.cents(currentLimit.multiply(SUGGESTED_RATIO)).max(Money.cents(spent));
    justification = null;
    outcome = null;
  }

  /** Whether the new limit typed so far would wait for an approver. */
  public boolean isApprovalNeeded() {
    return newLimit != null
        && currentLimit != null
        && currentUser
            .user()
            .map(u -> IncreaseRequestService.needsApproval(u, currentLimit, newLimit))
            .orElse(true);
  }

  public String getApprover() {
    return budgetId == null ? "" : increases.approverOf(budgetId);
  }

  public void submit() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      IncreaseRequest request =
          increases.request(currentUser.actor(), budgetId, newLimit, justification);
      outcome =
          request.status() == IncreaseStatus.APPLIED
              ? "Budget limit increased to %s.".formatted(formats.money(request.newLimit()))
              : "Request %d sent: %s decides whether the limit becomes %s."
                  .formatted(request.id(), getApprover(), formats.money(request.newLimit()));
    } catch (RequestRefusedException e) {
      Refusals.show(
          faces,
          e,
          Map.of("newLimit", "increase:newLimit", "justification", "increase:justification"));
    }
  }

  public Long getBudgetId() {
    return budgetId;
  }

  public String getBudgetName() {
    return budgetName;
  }

  public BigDecimal getCurrentLimit() {
    return currentLimit;
  }

  public BigDecimal getSpent() {
    return spent;
  }

  public BigDecimal getNewLimit() {
    return newLimit;
  }

  public void setNewLimit(BigDecimal newLimit) {
    this.newLimit = newLimit;
  }

  public String getJustification() {
    return justification;
  }

  public void setJustification(String justification) {
    this.justification = justification;
  }

  public String getOutcome() {
    return outcome;
  }
}
