package com.costguard.bot.messages;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.costguard.application.SpendingSummary;
import com.costguard.cost.Money;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** The answer to {@code /budget status}: this month's spend. */
public final class StatusMessage {

  private StatusMessage() {}

  public static String text(SpendingSummary month) {
    return "Spent this month: %s %s (%d cost events, %d jobs)"
        .formatted(
            Money.cents(month.total()).toPlainString(),
            month.currency(),
            month.events(),
            month.jobs().count());
  }

  public static List<LayoutBlock> blocks(SpendingSummary month) {
    return asBlocks(section(s -> s.text(markdownText("*" + text(month) + "*"))));
  }
}
