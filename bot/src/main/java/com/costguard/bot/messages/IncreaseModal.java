package com.costguard.bot.messages;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.costguard.application.BudgetView;
import com.costguard.application.IncreaseRequestService;
import com.costguard.bot.Ids;
import com.costguard.cost.Money;
import com.slack.api.model.view.View;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The Increase budget modal (SPEC §3, seed 000 "Budget Increase Workflow Modal"): the current limit
 * shown read-only, the new limit (suggested 1.2 × the current one) and a required justification.
 */
public final class IncreaseModal {

  private IncreaseModal() {}

  /**
   * Where the modal was opened from, carried through Slack in the view's {@code private_metadata}
   * so that the outcome lands in the right thread.
   *
   * @param alertTs the alert message whose button opened it; empty from {@code /budget increase}
   * @param threadTs the thread to reply in; empty for a new message in {@code channel}
   */
  public record Origin(
      long budgetId, String channel, Optional<String> alertTs, Optional<String> threadTs) {

    public String encode() {
      return budgetId + "|" + channel + "|" + alertTs.orElse("") + "|" + threadTs.orElse("");
    }

    /**
     * @throws IllegalArgumentException for metadata we did not write
     */
    public static Origin decode(String metadata) {
      String[] parts = (metadata == null ? "" : metadata).split("\\|", -1);
      if (parts.length != 4) {
        throw new IllegalArgumentException("not an increase modal's metadata");
      }
      return new Origin(Long.parseLong(parts[0]), parts[1], optional(parts[2]), optional(parts[3]));
    }

    private static Optional<String> optional(String part) {
      return part.isEmpty() ? Optional.empty() : Optional.of(part);
    }
  }

  /** 1.2 × the current limit, in cents: what the new limit field suggests. */
  public static BigDecimal suggestedLimit(BigDecimal currentLimit) {
    return Money.cents(currentLimit.multiply(IncreaseRequestService.APPROVAL_RATIO));
  }

  public static View of(BudgetView budget, Origin origin, Currency currency) {
    BigDecimal limit = budget.budget().limit();
    String name = Slack.escape(budget.budget().name());
    String figures =
        "*%s*\nCurrent limit: *%s* (read-only)\nSpent this period: %s"
            .formatted(
                name, Slack.money(limit, currency), Slack.money(budget.status().spent(), currency));
    return view(
        v ->
            v.type("modal")
                .callbackId(Ids.INCREASE_MODAL)
                .privateMetadata(origin.encode())
                .title(viewTitle(t -> t.type("plain_text").text("Increase budget")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Submit")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(
                    BlockKitLimits.fit(
                        List.of(
                            section(
                                s ->
                                    s.blockId(Ids.CURRENT_LIMIT_BLOCK).text(markdownText(figures))),
                            input(
                                i ->
                                    i.blockId(Ids.NEW_LIMIT_BLOCK)
                                        .label(
                                            plainText(
                                                "New limit (" + currency.getCurrencyCode() + ")"))
                                        .hint(
                                            plainText(
                                                "At least the current spend of "
                                                    + Slack.money(
                                                        budget.status().spent(), currency)))
                                        .element(
                                            plainTextInput(
                                                p ->
                                                    p.actionId(Ids.NEW_LIMIT_INPUT)
                                                        .initialValue(
                                                            suggestedLimit(limit)
                                                                .toPlainString())))),
                            input(
                                i ->
                                    i.blockId(Ids.JUSTIFICATION_BLOCK)
                                        .label(plainText("Justification"))
                                        .element(
                                            plainTextInput(
                                                p ->
                                                    p.actionId(Ids.JUSTIFICATION_INPUT)
                                                        .multiline(true)
                                                        .maxLength(
                                                            IncreaseRequestService.MAX_TEXT)))),
                            context(
                                List.of(
                                    markdownText(
                                        "An increase of more than 20% or to more than "
                                            + Slack.money(
                                                IncreaseRequestService.APPROVAL_AMOUNT, currency)
                                            + " waits for an approver's sign-off in this thread.")))))));
  }
}
