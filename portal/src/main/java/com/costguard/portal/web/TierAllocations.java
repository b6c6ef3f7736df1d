package com.costguard.portal.web;

import com.costguard.application.AttributionService;
import com.costguard.application.ClientService;
import com.costguard.application.RequestRefusedException;
import com.costguard.cost.attribution.PriorityTier;
import com.costguard.cost.attribution.TierAllocation;
import com.costguard.cost.attribution.TierUtilisation;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Allocation by priority tier on the cost attribution page (SPEC §2; seed FR7.3.2): each registered
 * client's allocation this month against its spend, each tier's utilisation, the 90 % allocation
 * alerts, and the tier amounts and rollover switches, which an ADMIN edits. The form is only
 * rendered for ADMINs; the service refuses anyone else whatever reaches it.
 */
@Named
@RequestScoped
public class TierAllocations {

  @Inject CostAttribution page;
  @Inject AttributionService attribution;
  @Inject ClientService clients;
  @Inject CurrentUser currentUser;

  /** The form's values, by tier name; read from the service, then overwritten by a postback. */
  private final Map<String, BigDecimal> amounts = new java.util.LinkedHashMap<>();

  private final Map<String, Boolean> rollover = new java.util.LinkedHashMap<>();
  private List<TierUtilisation> tiers;

  @PostConstruct
  void readTiers() {
    Set<PriorityTier> rolling = clients.rolloverTiers();
    clients.monthlyAllocations().forEach((tier, amount) -> amounts.put(tier.name(), amount));
    for (PriorityTier tier : PriorityTier.values()) {
      rollover.put(tier.name(), rolling.contains(tier));
    }
  }

  public List<TierAllocation> getAllocations() {
    return page.getReport().allocations();
  }

  /** The clients at or above 90 % of their allocation this month. */
  public List<TierAllocation> getAlerts() {
    return getAllocations().stream().filter(TierAllocation::alert).toList();
  }

  public List<TierUtilisation> getTiers() {
    if (tiers == null) {
      tiers = attribution.tierUtilisation(getAllocations());
    }
    return tiers;
  }

  public Map<String, BigDecimal> getAmounts() {
    return amounts;
  }

  public Map<String, Boolean> getRollover() {
    return rollover;
  }

  public List<String> getTierNames() {
    return List.of("A", "B", "C");
  }

  /**
   * Saves the amounts and rollover switches that differ from the stored ones (each change audited
   * by the service), then shows the page again for the same range, recomputed.
   */
  public void save() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    Map<PriorityTier, BigDecimal> stored = clients.monthlyAllocations();
    Set<PriorityTier> rolling = clients.rolloverTiers();
    Map<PriorityTier, String> changed = new EnumMap<>(PriorityTier.class);
    try {
      for (PriorityTier tier : PriorityTier.values()) {
        BigDecimal amount = amounts.get(tier.name());
        if (amount == null || amount.compareTo(stored.get(tier)) != 0) {
          clients.setMonthlyAllocation(currentUser.actor(), tier.name(), amount);
          changed.put(tier, "amount");
        }
        boolean on = Boolean.TRUE.equals(rollover.get(tier.name()));
        if (on != rolling.contains(tier)) {
          clients.setRollover(currentUser.actor(), tier.name(), on);
          changed.merge(tier, "rollover", (a, b) -> a + " and " + b);
        }
      }
    } catch (RequestRefusedException e) {
      Refusals.show(faces, e, Map.of());
      return;
    }
    Refusals.info(
        faces,
        changed.isEmpty()
            ? "Nothing changed."
            : "Saved: "
                + changed.entrySet().stream()
                    .map(e -> "tier " + e.getKey() + " " + e.getValue())
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("")
                + ".");
    ExternalContext external = faces.getExternalContext();
    external.getFlash().setKeepMessages(true);
    external.redirect(
        external.getRequestContextPath()
            + "/dashboard/cost-attribution?range=custom&from=%s&to=%s#allocation"
                .formatted(page.getFirstDay(), page.getLastDay()));
  }
}
