package com.costguard.portal.web;

import com.costguard.alerting.AlertBanner;
import com.costguard.application.AlertService;
import com.costguard.application.BudgetService;
import com.costguard.application.BudgetView;
import com.costguard.application.RequestRefusedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The budget banners at the top of every page (SPEC §4, seed 000 FR7.2.2): one per budget with a
 * standing threshold alert ({@link AlertService#bannersFor}), with its figures from {@link
 * BudgetService#get}. Each tier has an icon and a word as well as a colour.
 */
@Named
@RequestScoped
public class Banners {

  @Inject AlertService alerts;
  @Inject BudgetService budgets;
  @Inject CurrentUser currentUser;
  @Inject Formats formats;
  @Inject FacesContext faces;

  private List<Shown> shown;

  /** A banner as the page shows it. */
  public record Shown(AlertBanner banner, BudgetView view, String headline) {

    public long budgetId() {
      return banner.budgetId();
    }

    public boolean dismissable() {
      return banner.dismissable();
    }

    /** The CSS class of its tier: colour and border. */
    public String styleClass() {
      return "banner banner-" + banner.tier().name().toLowerCase();
    }

    /** Read out first, so the tier is never told by colour alone. */
    public String tierLabel() {
      return switch (banner.tier()) {
        case WARNING -> "Warning";
        case SERIOUS -> "Serious";
        case EXCEEDED -> "Budget exceeded";
      };
    }

    public String icon() {
      return banner.tier() == AlertBanner.Tier.EXCEEDED
          ? "pi pi-times-circle"
          : "pi pi-exclamation-triangle";
    }

    /** Exceeded banners interrupt a screen reader; the others wait their turn. */
    public String role() {
      return banner.tier() == AlertBanner.Tier.EXCEEDED ? "alert" : "status";
    }
  }

  public List<Shown> getShown() {
    if (shown == null) {
      shown =
          currentUser
              .user()
              .map(
                  user ->
                      alerts.bannersFor(user).stream()
                          .map(
                              b -> {
                                BudgetView view = budgets.get(b.budgetId());
                                return new Shown(b, view, headline(b, view));
                              })
                          .toList())
              .orElse(List.of());
    }
    return shown;
  }

  private String headline(AlertBanner banner, BudgetView view) {
    var status = view.status();
    String figures =
        "%s of %s".formatted(formats.money(status.spent()), formats.money(status.available()));
    String name = view.budget().name();
    String period = Periods.adjective(view.budget().period());
    if (banner.tier() == AlertBanner.Tier.EXCEEDED) {
      return "%s: the %s budget is exceeded (%s). Immediate action required."
          .formatted(name, period, figures);
    }
    return "%s: you've used %s of the %s budget (%s)."
        .formatted(name, percent(status.usagePercentage()), period, figures);
  }

  private static String percent(BigDecimal usage) {
    return usage.setScale(0, java.math.RoundingMode.DOWN).toPlainString() + "%";
  }

  /** Hides an 80% banner for the signed-in user; the service refuses any other. */
  public void dismiss(long budgetId) {
    try {
      alerts.dismiss(currentUser.actor().user(), budgetId);
      shown = null;
    } catch (RequestRefusedException e) {
      Refusals.show(faces, e, Map.of());
    }
  }
}
