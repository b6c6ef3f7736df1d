package com.costguard.bot.messages;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;

import com.costguard.alerting.AlertNotice;
import com.costguard.application.BudgetView;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** The App Home tab: the user's budgets at a glance (SPEC §3). */
public final class HomeView {

  private HomeView() {}

  /**
   * @param who the Costguard user's name; empty for a Slack user who maps to no one
   */
  public static View of(Optional<String> who, List<BudgetView> budgets, Currency currency) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Your budgets"))));
    if (who.isEmpty()) {
      blocks.add(
          section(
              s ->
                  s.text(
                      markdownText(
                          "Your Slack account is not linked to a Costguard user yet: ask an admin"
                              + " to set your Slack id, or to use your Slack e-mail. You can read"
                              + " budgets, not act on them."))));
    }
    if (budgets.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText("_No budgets yet._"))));
    }
    for (BudgetView b : budgets) {
      var status = b.status();
      String line =
          "*%s* · %s budget\n%s of %s spent (%s%%) · %s left%s"
              .formatted(
                  Slack.escape(b.budget().name()),
                  AlertNotice.adjective(b.budget().period()),
                  Slack.money(status.spent(), currency),
                  Slack.money(status.available(), currency),
                  status.usagePercentage().toPlainString(),
                  Slack.money(status.remaining(), currency),
                  status.isExceeded() ? " · :red_circle: exceeded" : "");
      blocks.add(section(s -> s.text(markdownText(line))));
    }
    who.ifPresent(
        name -> blocks.add(context(List.of(markdownText("Signed in as " + Slack.escape(name))))));
    return view(v -> v.type("home").blocks(BlockKitLimits.fit(blocks)));
  }
}
