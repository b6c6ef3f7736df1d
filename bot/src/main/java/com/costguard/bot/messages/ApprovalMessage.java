package com.costguard.bot.messages;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.costguard.bot.Ids;
import com.costguard.model.increase.IncreaseRequest;
import com.slack.api.model.block.LayoutBlock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * An increase request waiting for its approver, replied in the alert's thread (SPEC §3), and the
 * replies that tell how it ended.
 */
public final class ApprovalMessage {

  private ApprovalMessage() {}

  /**
   * @param approver a mention of who must decide, or of the approvers as a group
   * @param requester a mention of who asked
   */
  public static SlackMessage request(
      IncreaseRequest request,
      String budgetName,
      String approver,
      String requester,
      Currency currency) {
    String ask =
        "%s %s asks to raise *%s* from %s to %s (%s).\n>%s"
            .formatted(
                approver,
                requester,
                Slack.escape(budgetName),
                Slack.money(request.currentLimit(), currency),
                Slack.money(request.newLimit(), currency),
                change(request),
                Slack.escape(request.justification()).replace("\n", "\n>"));
    String id = String.valueOf(request.id());
    return new SlackMessage(
        "Approval needed: raise %s to %s"
            .formatted(budgetName, Slack.money(request.newLimit(), currency)),
        List.of(
            section(s -> s.text(markdownText(ask))),
            actions(
                a ->
                    a.blockId(Ids.APPROVAL_ACTIONS)
                        .elements(
                            List.of(
                                button(
                                    b ->
                                        b.actionId(Ids.APPROVE_INCREASE)
                                            .text(plainText("Approve"))
                                            .style("primary")
                                            .value(id)),
                                button(
                                    b ->
                                        b.actionId(Ids.REJECT_INCREASE)
                                            .text(plainText("Reject"))
                                            .style("danger")
                                            .value(id))))),
            context(List.of(markdownText("Increase request " + id + " · expires in 24 h")))));
  }

  /** "+40.00%": how much more the new limit is. */
  static String change(IncreaseRequest request) {
    BigDecimal percent =
        request
            .newLimit()
            .subtract(request.currentLimit())
            .multiply(BigDecimal.valueOf(100))
            .divide(request.currentLimit(), 2, RoundingMode.HALF_UP);
    return (percent.signum() >= 0 ? "+" : "") + percent.toPlainString() + "%";
  }

  /**
   * What a request came to, as a thread reply: applied, approved, rejected (with its reason) or
   * expired.
   *
   * @param by a mention of who decided; ignored for an expiry
   */
  public static SlackMessage outcome(
      IncreaseRequest request, String budgetName, String by, Currency currency) {
    String budget = Slack.escape(budgetName);
    String limit = Slack.money(request.newLimit(), currency);
    String text =
        switch (request.status()) {
          case APPLIED ->
              ":white_check_mark: Budget limit increased to %s (*%s*, by %s)."
                  .formatted(limit, budget, by);
          case APPROVED ->
              ":white_check_mark: Approved by %s: budget limit increased to %s (*%s*)."
                  .formatted(by, limit, budget);
          case REJECTED ->
              ":x: Rejected by %s: *%s* stays at %s.\n>%s"
                  .formatted(
                      by,
                      budget,
                      Slack.money(request.currentLimit(), currency),
                      Slack.escape(request.reason().orElse("")).replace("\n", "\n>"));
          case EXPIRED ->
              ":hourglass: The request to raise *%s* to %s expired without a decision."
                  .formatted(budget, limit);
          case PENDING ->
              ":hourglass_flowing_sand: The request to raise *%s* to %s waits for an approver."
                  .formatted(budget, limit);
        };
    return new SlackMessage(
        "Increase request %d for %s: %s (%s)"
            .formatted(request.id(), budgetName, request.status().apiName(), limit),
        List.of(section(s -> s.blockId(Ids.OUTCOME).text(markdownText(text)))));
  }

  /**
   * A posted message with its buttons replaced by {@code outcome}: an approval request once
   * decided, or an alert once its budget was raised. Blocks other than actions stay as they were.
   */
  public static List<LayoutBlock> settled(List<LayoutBlock> posted, SlackMessage outcome) {
    List<LayoutBlock> blocks = new ArrayList<>();
    for (LayoutBlock block : posted) {
      if (Ids.APPROVAL_ACTIONS.equals(block.getBlockId())
          || Ids.OUTCOME.equals(block.getBlockId())) {
        continue;
      }
      blocks.add(block);
    }
    blocks.addAll(outcome.blocks());
    return BlockKitLimits.fit(blocks);
  }
}
