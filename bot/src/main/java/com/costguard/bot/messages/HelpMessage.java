package com.costguard.bot.messages;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.costguard.bot.Ids;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/** The answer to {@code /budget help}: what the bot can do now. */
public final class HelpMessage {

  public static final String TEXT =
      "Costguard: /budget status, /budget jobs, /budget increase <budget> <limit> <reason>, /budget help";

  private HelpMessage() {}

  public static List<LayoutBlock> blocks() {
    return asBlocks(
        section(
            s ->
                s.text(
                    markdownText(
                        "*Costguard* keeps compute and AI spend inside budgets.\n"
                            + "• `"
                            + Ids.BUDGET_COMMAND
                            + " status`: what has been spent this month\n"
                            + "• `"
                            + Ids.BUDGET_COMMAND
                            + " jobs`: the jobs running now, with their cost and a Cancel button\n"
                            + "• `"
                            + Ids.BUDGET_COMMAND
                            + " increase <budget> <new limit> <reason>`: ask for a higher limit\n"
                            + "• `"
                            + Ids.BUDGET_COMMAND
                            + " help`: this message"))));
  }

  /** Help, preceded by a note that {@code subcommand} is not one the bot knows. */
  public static List<LayoutBlock> unknown(String subcommand) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "I don't know `"
                            + Slack.escape(subcommand)
                            + "`. Here is what I can do:"))));
    blocks.addAll(blocks());
    return blocks;
  }
}
