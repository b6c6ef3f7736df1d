package com.costguard.bot.messages;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Kit's limits, applied to every message and view we build: Slack refuses the whole message
 * when one is passed, so a long budget name or a long list must shorten the message, never lose it.
 * Texts are cut (with an ellipsis), lists beyond {@link #MAX_BLOCKS} end with a note of how many
 * were left out, and ids, which we make ourselves, must fit or it is a bug.
 */
public final class BlockKitLimits {

  /** A section's or context's text, and a message's text. */
  public static final int MAX_TEXT = 3000;

  /** Blocks in one message. */
  public static final int MAX_BLOCKS = 50;

  /** A {@code block_id}, {@code action_id} or {@code callback_id}. */
  public static final int MAX_ID = 255;

  /** A button's value. */
  public static final int MAX_VALUE = 2000;

  private BlockKitLimits() {}

  /** {@code text} cut to {@link #MAX_TEXT} characters, the last of them an ellipsis. */
  public static String text(String text) {
    return cut(text, MAX_TEXT);
  }

  static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a character (an emoji) in two
    }
    return text.substring(0, end) + "…";
  }

  /**
   * @throws IllegalArgumentException when {@code id} is longer than {@link #MAX_ID}
   */
  public static String id(String id) {
    if (id != null && id.length() > MAX_ID) {
      throw new IllegalArgumentException("a Block Kit id has at most 255 characters: " + id);
    }
    return id;
  }

  /** The blocks within the limits: texts cut, ids checked, at most {@link #MAX_BLOCKS}. */
  public static List<LayoutBlock> fit(List<LayoutBlock> blocks) {
    List<LayoutBlock> fitted = new ArrayList<>(blocks.size());
    for (LayoutBlock block : blocks) {
      id(block.getBlockId());
      if (block instanceof SectionBlock section) {
        cutText(section.getText());
        if (section.getFields() != null) {
          section.getFields().forEach(BlockKitLimits::cutText);
        }
        if (section.getAccessory() != null) {
          element(section.getAccessory());
        }
      } else if (block instanceof ContextBlock context) {
        for (ContextBlockElement element : context.getElements()) {
          if (element instanceof TextObject text) {
            cutText(text);
          }
        }
      } else if (block instanceof ActionsBlock actions) {
        actions.getElements().forEach(BlockKitLimits::element);
      }
      fitted.add(block);
    }
    if (fitted.size() > MAX_BLOCKS) {
      int left = fitted.size() - (MAX_BLOCKS - 1);
      fitted = new ArrayList<>(fitted.subList(0, MAX_BLOCKS - 1));
      fitted.add(
          ContextBlock.builder()
              .elements(List.of(markdownText("…and %d more not shown here.".formatted(left))))
              .build());
    }
    return fitted;
  }

  private static void element(BlockElement element) {
    if (element instanceof ButtonElement button) {
      id(button.getActionId());
      if (button.getValue() != null && button.getValue().length() > MAX_VALUE) {
        throw new IllegalArgumentException("a button value has at most 2000 characters");
      }
    }
  }

  private static void cutText(TextObject text) {
    if (text instanceof MarkdownTextObject markdown) {
      markdown.setText(text(markdown.getText()));
    } else if (text instanceof PlainTextObject plain) {
      plain.setText(text(plain.getText()));
    }
  }
}
