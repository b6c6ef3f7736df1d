package com.costguard.bot.messages;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;

/**
 * A message as posted: the text notifications and screen readers show, and its blocks, both within
 * Block Kit's limits ({@link BlockKitLimits}).
 */
public record SlackMessage(String text, List<LayoutBlock> blocks) {

  public SlackMessage {
    Objects.requireNonNull(text, "text");
    text = BlockKitLimits.text(text);
    blocks = BlockKitLimits.fit(blocks);
  }
}
