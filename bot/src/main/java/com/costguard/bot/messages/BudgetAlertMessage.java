package com.costguard.bot.messages;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.costguard.alerting.AlertKind;
import com.costguard.alerting.AlertNotice;
import com.costguard.application.BudgetInsights;
import com.costguard.bot.Ids;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A budget alert in the alert channel (SPEC §3, seed 000 FR7.2.2 "Slack Alert Integration"), and
 * the breakdown replied in its thread.
 */
public final class BudgetAlertMessage {

  private BudgetAlertMessage() {}

  /** How loudly an alert speaks: SPEC §3's tiers. */
  public enum Tier {
    /** Below 95%: a plain message (yellow). */
    PLAIN,
    /** 95–99%: mentions the budget's manager (orange). */
    MANAGER,
    /** 100% and over: {@code <!channel>} (red). */
    CHANNEL;

    /**
     * A threshold alert's tier is its threshold's (the 95% alert mentions the manager even when the
     * same spend crossed 100% too, which then alerts the channel on its own); other kinds go by the
     * usage they fired at.
     */
    public static Tier of(AlertNotice notice) {
      BigDecimal percent =
          notice.kind() == AlertKind.THRESHOLD
              ? BigDecimal.valueOf(notice.threshold())
              : notice.usagePercent();
      if (percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
        return CHANNEL;
      }
      return percent.compareTo(BigDecimal.valueOf(95)) >= 0 ? MANAGER : PLAIN;
    }
  }

  /**
   * @param manager how to name the budget's manager: a mention ({@code <@U…>}) when they are known
   *     in Slack, else their name; empty when the budget has none
   * @param baseUrl the portal ({@code COSTGUARD_BASE_URL})
   */
  public static SlackMessage alert(
      AlertNotice notice, BudgetInsights.Details details, Optional<String> manager, URI baseUrl) {
    Tier tier = Tier.of(notice);
    String lead =
        switch (tier) {
          case PLAIN -> ":warning:";
          case MANAGER ->
              manager.map(m -> ":large_orange_diamond: " + m).orElse(":large_orange_diamond:");
          case CHANNEL -> "<!channel> :rotating_light:";
        };
    String budget = Slack.escape(notice.budgetName());
    String headline = "%s *%s*: %s.".formatted(lead, budget, notice.reason());
    String text = "%s %s: %s".formatted(lead, budget, notice.reason());
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(headline))));
    blocks.add(section(s -> s.fields(figures(notice, details))));
    blocks.add(
        context(
            List.of(
                markdownText(
                    "%s · %s alert %d · fired %s"
                        .formatted(
                            switch (tier) {
                              case PLAIN -> ":large_yellow_circle: below 95%";
                              case MANAGER -> ":large_orange_circle: 95–99%";
                              case CHANNEL -> ":red_circle: 100% or more";
                            },
                            notice.kind().apiName(),
                            notice.alertId(),
                            notice.firedAt())))));
    String budgetId = String.valueOf(notice.budgetId());
    blocks.add(
        actions(
            a ->
                a.blockId(Ids.ALERT_ACTIONS)
                    .elements(
                        List.of(
                            button(
                                b ->
                                    b.actionId(Ids.INCREASE_BUDGET)
                                        .text(plainText("Increase budget"))
                                        .style("primary")
                                        .value(budgetId)),
                            button(
                                b ->
                                    b.actionId(Ids.CANCEL_ACTIVE_JOBS)
                                        .text(plainText("Cancel active jobs"))
                                        .style("danger")
                                        .value(budgetId)
                                        .confirm(
                                            confirmationDialog(
                                                c ->
                                                    c.title(plainText("Cancel active jobs?"))
                                                        .text(
                                                            markdownText(
                                                                "Pick the jobs of *%s* to cancel: they are listed in this thread."
                                                                    .formatted(budget)))
                                                        .confirm(plainText("Show jobs"))
                                                        .deny(plainText("Keep them"))))),
                            button(
                                b ->
                                    b.actionId(Ids.VIEW_DASHBOARD)
                                        .text(plainText("View dashboard"))
                                        .url(dashboardUrl(baseUrl, notice.budgetId())))))));
    return new SlackMessage(text, blocks);
  }

  private static List<TextObject> figures(AlertNotice n, BudgetInsights.Details details) {
    String forecast =
        details
            .view()
            .forecast()
            .map(
                f ->
                    f.low().compareTo(f.high()) == 0
                        ? n.money(f.expected())
                        : n.money(f.low()) + " – " + n.money(f.high()))
            .orElse("n/a");
    return List.of(
        markdownText("*Spent*\n" + n.money(n.spent())),
        markdownText("*Limit*\n" + n.money(n.limit())),
        markdownText("*Remaining*\n" + n.money(n.remaining())),
        markdownText("*Forecast (period end)*\n" + forecast),
        markdownText("*Active jobs*\n" + details.activeJobs().size()));
  }

  /** The thread reply under an alert: the period's top jobs and its spend by client. */
  public static SlackMessage breakdown(AlertNotice n, BudgetInsights.Details details) {
    StringBuilder top = new StringBuilder("*Top jobs this period*\n");
    if (details.topJobs().isEmpty()) {
      top.append("_No job cost anything in this period._");
    }
    int rank = 1;
    for (BudgetInsights.JobCost job : details.topJobs()) {
      top.append(
          "%d. %s%s · %s · %s\n"
              .formatted(
                  rank++,
                  Slack.escape(job.job().name()),
                  job.job().client().map(c -> " (" + Slack.escape(c) + ")").orElse(""),
                  job.job().status().wireName(),
                  n.money(job.inPeriod())));
    }
    StringBuilder clients = new StringBuilder("*By client*\n");
    if (details.byClient().isEmpty()) {
      clients.append("_Nothing spent yet._");
    }
    for (Map.Entry<String, BigDecimal> client : details.byClient().entrySet()) {
      clients.append(
          "• %s: %s\n".formatted(Slack.escape(client.getKey()), n.money(client.getValue())));
    }
    String topText = top.toString().strip();
    String clientText = clients.toString().strip();
    return new SlackMessage(
        "Breakdown of " + n.budgetName(),
        List.of(
            section(s -> s.text(markdownText(topText))),
            section(s -> s.text(markdownText(clientText)))));
  }

  /** The portal's dashboard for the budget. */
  public static String dashboardUrl(URI baseUrl, long budgetId) {
    return baseUrl.toString().replaceAll("/+$", "")
        + "/dashboard/training-budget?budget="
        + budgetId;
  }
}
