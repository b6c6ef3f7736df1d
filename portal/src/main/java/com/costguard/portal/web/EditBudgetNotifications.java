package com.costguard.portal.web;

import com.costguard.alerting.Channel;
import com.costguard.alerting.NotificationSettings;
import com.costguard.alerting.ThresholdNotification;
import com.costguard.application.Actor;
import com.costguard.application.BudgetService;
import com.costguard.application.BudgetView;
import com.costguard.application.RequestRefusedException;
import com.costguard.application.UserService;
import com.costguard.config.Configuration;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /dashboard/settings/budget-notifications} (SPEC §4): a budget's recipients and channels
 * per threshold, quiet hours and Slack channel. Everyone signed in sees them; only an ADMIN or a
 * BUDGET_MANAGER may save, and {@link BudgetService#changeNotifications} checks that again on every
 * save, so a forged post changes nothing. A refusal names its field, and the message is shown next
 * to it.
 */
@Named("budgetNotifications")
@ViewScoped
public class EditBudgetNotifications implements Serializable {

  private static final long serialVersionUID = 1L;

  /** {@code thresholds[2].recipients[0]}: the row and the field a refusal names. */
  private static final Pattern ROW_FIELD = Pattern.compile("thresholds\\[(\\d+)]\\.(\\w+).*");

  @Inject BudgetService budgets;
  @Inject UserService users;

  /** A budget to pick. */
  public record BudgetOption(long id, String label) implements Serializable {}

  /** One threshold's row on the page. */
  public static class ThresholdRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int threshold;
    private boolean email;
    private boolean inApp;
    private boolean slack;
    private String recipients;

    ThresholdRow(ThresholdNotification setting) {
      this.threshold = setting.threshold();
      this.email = setting.uses(Channel.EMAIL);
      this.inApp = setting.uses(Channel.IN_APP);
      this.slack = setting.uses(Channel.SLACK);
      this.recipients = String.join(", ", setting.recipients());
    }

    ThresholdNotification setting() {
      Set<Channel> channels = EnumSet.noneOf(Channel.class);
      if (email) {
        channels.add(Channel.EMAIL);
      }
      if (inApp) {
        channels.add(Channel.IN_APP);
      }
      if (slack) {
        channels.add(Channel.SLACK);
      }
      return new ThresholdNotification(threshold, channels, list(recipients));
    }

    public int getThreshold() {
      return threshold;
    }

    public boolean isEmail() {
      return email;
    }

    public void setEmail(boolean email) {
      this.email = email;
    }

    public boolean isInApp() {
      return inApp;
    }

    public void setInApp(boolean inApp) {
      this.inApp = inApp;
    }

    public boolean isSlack() {
      return slack;
    }

    public void setSlack(boolean slack) {
      this.slack = slack;
    }

    public String getRecipients() {
      return recipients;
    }

    public void setRecipients(String recipients) {
      this.recipients = recipients;
    }
  }

  private List<BudgetOption> options = List.of();
  private Long budgetId;
  private String recipients;
  private String quietHours;
  private String slackChannel;
  private List<ThresholdRow> rows = new ArrayList<>();
  private boolean editable;

  @PostConstruct
  void init() {
    User user = user();
    editable = user.hasRole(Role.ADMIN) || user.hasRole(Role.BUDGET_MANAGER);
    options =
        budgets.list(Optional.empty(), false).stream()
            .map(BudgetView::budget)
            .map(b -> new BudgetOption(b.id(), b.name() + " (#" + b.id() + ")"))
            .toList();
    String asked = faces().getExternalContext().getRequestParameterMap().get("budget");
    Optional<Long> chosen = Optional.ofNullable(asked).flatMap(EditBudgetNotifications::id);
    budgetId =
        chosen
            .filter(id -> options.stream().anyMatch(o -> o.id() == id))
            .or(() -> options.stream().findFirst().map(BudgetOption::id))
            .orElse(null);
    load();
  }

  private static Optional<Long> id(String text) {
    try {
      return Optional.of(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Shows the chosen budget's settings (on a pick, and after a save). */
  public void load() {
    if (budgetId == null) {
      rows = new ArrayList<>();
      return;
    }
    NotificationSettings settings = budgets.notifications(budgetId);
    recipients = String.join(", ", settings.recipients());
    quietHours = settings.quietHours().map(Object::toString).orElse("");
    slackChannel = settings.slackChannel().orElse("");
    rows = new ArrayList<>(settings.thresholds().stream().map(ThresholdRow::new).toList());
  }

  public void save() {
    if (budgetId == null) {
      return;
    }
    try {
      NotificationSettings settings =
          new NotificationSettings(
              list(recipients),
              BudgetService.quietHours(quietHours),
              Optional.ofNullable(slackChannel).map(String::strip).filter(c -> !c.isEmpty()),
              rows.stream().map(ThresholdRow::setting).toList());
      budgets.changeNotifications(Actor.portal(user()), budgetId, settings);
      load();
      faces()
          .addMessage(
              null,
              new FacesMessage(FacesMessage.SEVERITY_INFO, "Notification settings saved.", null));
    } catch (RequestRefusedException refused) {
      faces()
          .addMessage(
              refused.field().map(this::clientId).orElse(null),
              new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
      faces().validationFailed();
    }
  }

  /** The input a refusal's field belongs to, by its client id on the page. */
  private String clientId(String field) {
    Matcher row = ROW_FIELD.matcher(field);
    if (row.matches()) {
      String input = row.group(2).equals("recipients") ? "recipients" : "threshold";
      return "settings:thresholds:" + row.group(1) + ":" + input;
    }
    if (field.startsWith("recipients")) {
      return "settings:recipients";
    }
    if (field.equals("quietHours") || field.equals("slackChannel")) {
      return "settings:" + field;
    }
    return null;
  }

  private static FacesContext faces() {
    return FacesContext.getCurrentInstance();
  }

  /** Looked up when needed: a view-scoped bean may only hold what can be serialised. */
  private static Configuration configuration() {
    return CDI.current().select(Configuration.class).get();
  }

  private User user() {
    String name = faces().getExternalContext().getUserPrincipal().getName();
    return users
        .byUsername(name)
        .orElseThrow(() -> new IllegalStateException("no user " + name + " signed in"));
  }

  /**
   * Whether the signed-in user may change settings; the page is read-only for everyone else. Read
   * once per view (the service checks the role again on every save).
   */
  public boolean isEditable() {
    return editable;
  }

  /** E-mail addresses as people type them: separated by commas, semicolons or line breaks. */
  static List<String> list(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("[,;\\s]+"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  public String getDefaultSlackChannel() {
    return configuration().slack().alertChannel().orElse("");
  }

  public boolean isSlackEnabled() {
    return configuration().slack().enabled();
  }

  public boolean isEmailEnabled() {
    return configuration().smtp().isPresent();
  }

  public List<BudgetOption> getOptions() {
    return options;
  }

  public Long getBudgetId() {
    return budgetId;
  }

  public void setBudgetId(Long budgetId) {
    this.budgetId = budgetId;
  }

  public String getRecipients() {
    return recipients;
  }

  public void setRecipients(String recipients) {
    this.recipients = recipients;
  }

  public String getQuietHours() {
    return quietHours;
  }

  public void setQuietHours(String quietHours) {
    this.quietHours = quietHours;
  }

  public String getSlackChannel() {
    return slackChannel;
  }

  public void setSlackChannel(String slackChannel) {
    this.slackChannel = slackChannel;
  }

  public List<ThresholdRow> getRows() {
    return rows;
  }
}
