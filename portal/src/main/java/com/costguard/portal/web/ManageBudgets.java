package com.costguard.portal.web;

import com.costguard.application.BudgetService;
import com.costguard.application.BudgetView;
import com.costguard.application.RequestRefusedException;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.budget.PeriodType;
import com.costguard.model.budget.BudgetDefinition;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;

/**
 * {@code /dashboard/budgets}: every budget of every period and scope, created, edited, enabled or
 * disabled, reset and deleted through {@link BudgetService}, which checks the role, validates and
 * audits. A refusal is shown next to the field it names.
 */
@Named
@ViewScoped
public class ManageBudgets implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The service's field names and the form's inputs. */
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("name", "budgetForm:name"),
          Map.entry("period", "budgetForm:period"),
          Map.entry("limit", "budgetForm:limit"),
          Map.entry("thresholds", "budgetForm:thresholds"),
          Map.entry("scope.client", "budgetForm:client"),
          Map.entry("scope.project", "budgetForm:project"),
          Map.entry("scope.team", "budgetForm:team"),
          Map.entry("scope.provider", "budgetForm:provider"),
          Map.entry("approver", "budgetForm:approver"),
          Map.entry("manager", "budgetForm:manager"));

  @Inject transient BudgetService budgets;
  @Inject transient CurrentUser currentUser;

  private List<BudgetView> list = List.of();

  // The form: a new budget when editing is null.
  private Long editing;
  private String name;
  private String period;
  private BigDecimal limit;
  private String thresholds;
  private boolean enabled;
  private String client;
  private String project;
  private String team;
  private String provider;
  private boolean blockNewJobs;
  private boolean rollover;
  private String approver;
  private String manager;
  private BudgetDefinition kept;

  @PostConstruct
  void init() {
    reload();
    startCreate();
  }

  private void reload() {
    list = budgets.list(Optional.empty(), false);
  }

  public void startCreate() {
    editing = null;
    kept = BudgetDefinition.defaults();
    fill(kept);
  }

  public void startEdit(long id) {
    BudgetView view = budgets.get(id);
    editing = id;
    kept = view.budget().definition();
    fill(kept);
  }

  private void fill(BudgetDefinition d) {
    name = d.name();
    period = d.period();
    limit = d.limit();
    thresholds = d.thresholds().stream().map(String::valueOf).collect(Collectors.joining(", "));
    enabled = d.enabled();
    client = d.scope().client().orElse(null);
    project = d.scope().project().orElse(null);
    team = d.scope().team().orElse(null);
    provider = d.scope().provider().orElse(null);
    blockNewJobs = d.blockNewJobs();
    rollover = d.rollover();
    approver = d.approver().orElse(null);
    manager = d.manager().orElse(null);
  }

  /** Creates or changes the budget; the dialog closes only when the service took it. */
  public void save() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      BudgetDefinition d =
          new BudgetDefinition(
              name,
              period,
              limit,
              parseThresholds(),
              enabled,
              BudgetScope.ofNullable(blank(client), blank(project), blank(team), blank(provider)),
              blockNewJobs,
              rollover,
              Optional.ofNullable(blank(approver)),
              Optional.ofNullable(blank(manager)),
              kept.notifyEmails(),
              kept.quietHours());
      if (editing == null) {
        BudgetView created = budgets.create(currentUser.actor(), d);
        Refusals.info(faces, "Created budget “%s”.".formatted(created.budget().name()));
      } else {
        budgets.update(currentUser.actor(), editing, before -> d);
        Refusals.info(faces, "Saved budget “%s”.".formatted(name));
      }
      reload();
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
    } catch (RequestRefusedException e) {
      Refusals.show(faces, e, FIELDS);
    }
  }

  private List<Integer> parseThresholds() {
    List<Integer> percents = new ArrayList<>();
    if (thresholds == null || thresholds.isBlank()) {
      return percents;
    }
    for (String part : thresholds.split("[,\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      try {
        percents.add(Integer.valueOf(part.replace("%", "")));
      } catch (NumberFormatException e) {
        throw RequestRefusedException.invalid(
            "thresholds", "thresholds are whole percents separated by commas, e.g. 80, 95, 100");
      }
    }
    return percents;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public void delete(long id) {
    act(() -> budgets.delete(currentUser.actor(), id), "Deleted the budget.");
  }

  public void reset(long id) {
    act(() -> budgets.reset(currentUser.actor(), id), "Started a new period.");
  }

  /** Enables a disabled budget, disables an enabled one. */
  public void toggleEnabled(long id) {
    act(
        () ->
            budgets.update(
                currentUser.actor(),
                id,
                d ->
                    new BudgetDefinition(
                        d.name(),
                        d.period(),
                        d.limit(),
                        d.thresholds(),
                        !d.enabled(),
                        d.scope(),
                        d.blockNewJobs(),
                        d.rollover(),
                        d.approver(),
                        d.manager(),
                        d.notifyEmails(),
                        d.quietHours())),
        "Saved.");
  }

  private void act(Runnable action, String done) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      action.run();
      Refusals.info(faces, done);
    } catch (RequestRefusedException e) {
      Refusals.show(faces, e, Map.of());
    }
    reload();
  }

  public String scope(BudgetView view) {
    BudgetScope s = view.budget().scope();
    if (s.isWholeOrganisation()) {
      return "Whole organisation";
    }
    List<String> parts = new ArrayList<>();
    s.client().ifPresent(v -> parts.add("client " + v));
    s.project().ifPresent(v -> parts.add("project " + v));
    s.team().ifPresent(v -> parts.add("team " + v));
    s.provider().ifPresent(v -> parts.add("provider " + v));
    return String.join(", ", parts);
  }

  /** "80, 95, 100%", or "none". */
  public String thresholds(BudgetView view) {
    List<Integer> percents = view.budget().definition().thresholds();
    return percents.isEmpty()
        ? "none"
        : percents.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "%";
  }

  public String periodLabel(PeriodType type) {
    return Periods.label(type);
  }

  public List<PeriodType> getPeriods() {
    return Periods.all();
  }

  public List<BudgetView> getList() {
    return list;
  }

  public Long getEditing() {
    return editing;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period;
  }

  public BigDecimal getLimit() {
    return limit;
  }

  public void setLimit(BigDecimal limit) {
    this.limit = limit;
  }

  public String getThresholds() {
    return thresholds;
  }

  public void setThresholds(String thresholds) {
    this.thresholds = thresholds;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getClient() {
    return client;
  }

  public void setClient(String client) {
    this.client = client;
  }

  public String getProject() {
    return project;
  }

  public void setProject(String project) {
    this.project = project;
  }

  public String getTeam() {
    return team;
  }

  public void setTeam(String team) {
    this.team = team;
  }

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public boolean isBlockNewJobs() {
    return blockNewJobs;
  }

  public void setBlockNewJobs(boolean blockNewJobs) {
    this.blockNewJobs = blockNewJobs;
  }

  public boolean isRollover() {
    return rollover;
  }

  public void setRollover(boolean rollover) {
    this.rollover = rollover;
  }

  public String getApprover() {
    return approver;
  }

  public void setApprover(String approver) {
    this.approver = approver;
  }

  public String getManager() {
    return manager;
  }

  public void setManager(String manager) {
    this.manager = manager;
  }
}
