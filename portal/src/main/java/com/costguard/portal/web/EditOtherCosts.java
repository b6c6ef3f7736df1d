package com.costguard.portal.web;

import com.costguard.application.ClientService;
import com.costguard.application.RequestRefusedException;
import com.costguard.cost.Money;
import com.costguard.cost.attribution.ProjectProfit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inline edit of a project's other costs in the attribution page's profitability table. The
 * input of each registered project starts with its other costs; saving one hands the text to {@link
 * ClientService#setOtherCosts}, which authorises (ADMIN, BUDGET_MANAGER), validates and audits, and
 * the page is rendered again from a fresh report, so profit, margin and insights are recomputed.
 */
@Named
@RequestScoped
public class EditOtherCosts {

  /** The save button of a row of the projects table, as the postback names it. */
  private static final Pattern SAVE = Pattern.compile("(.*:)saveOtherCosts");

  @Inject ClientService clients;
  @Inject CostAttribution page;
  @Inject CurrentUser currentUser;
  @Inject FacesContext faces;

  private Map<Long, String> input;

  /** Project id → the text in its input: its other costs until someone types. */
  public Map<Long, String> getInput() {
    if (input == null) {
      input = new HashMap<>();
      for (ProjectProfit p : page.getReport().attribution().byProject()) {
        p.project()
            .ifPresent(info -> input.put(info.id(), Money.exact(p.otherCosts()).toPlainString()));
      }
    }
    return input;
  }

  /** Whether the signed-in user sees the inputs (the service checks again on saving). */
  public boolean isEditable() {
    return currentUser.user().map(ClientService::mayManage).orElse(false);
  }

  public void save(long projectId) {
    String text = getInput().getOrDefault(projectId, "").strip();
    try {
      BigDecimal amount;
      try {
        amount = text.isEmpty() ? null : new BigDecimal(text.replace(",", ""));
      } catch (NumberFormatException e) {
        throw RequestRefusedException.invalid(
            "otherCosts", "other costs must be an amount, e.g. 1250.00");
      }
      var project = clients.setOtherCosts(currentUser.actor(), projectId, amount);
      page.refresh();
      input = null;
      Refusals.info(
          faces,
          "Other costs of %s set to %s."
              .formatted(project.name(), Money.exact(amount).toPlainString()));
    } catch (RequestRefusedException e) {
      Map<String, String> fields = new HashMap<>();
      fields.put("otherCosts", inputOfPressedRow());
      Refusals.show(faces, e, fields);
    }
  }

  /** The client id of the input beside the save button that was pressed. */
  private String inputOfPressedRow() {
    for (String name : faces.getExternalContext().getRequestParameterMap().keySet()) {
      Matcher save = SAVE.matcher(name);
      if (save.matches()) {
        return save.group(1) + "otherCosts";
      }
    }
    return null;
  }
}
