package com.costguard.bot.messages;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.costguard.application.IncreaseRequestService;
import com.costguard.bot.Ids;
import com.costguard.model.increase.IncreaseRequest;
import com.slack.api.model.view.View;
import java.util.Currency;
import java.util.List;

/** Asks an approver why they reject an increase request (SPEC §3: "reject asks for a reason"). */
public final class RejectModal {

  private RejectModal() {}

  /** The request id travels in {@code private_metadata}. */
  public static View of(IncreaseRequest request, String budgetName, Currency currency) {
    String summary =
        "Reject raising *%s* from %s to %s?"
            .formatted(
                Slack.escape(budgetName),
                Slack.money(request.currentLimit(), currency),
                Slack.money(request.newLimit(), currency));
    return view(
        v ->
            v.type("modal")
                .callbackId(Ids.REJECT_MODAL)
                .privateMetadata(String.valueOf(request.id()))
                .title(viewTitle(t -> t.type("plain_text").text("Reject increase")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Reject")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(
                    BlockKitLimits.fit(
                        List.of(
                            section(s -> s.text(markdownText(summary))),
                            input(
                                i ->
                                    i.blockId(Ids.REASON_BLOCK)
                                        .label(plainText("Reason"))
                                        .element(
                                            plainTextInput(
                                                p ->
                                                    p.actionId(Ids.REASON_INPUT)
                                                        .multiline(true)
                                                        .maxLength(
                                                            IncreaseRequestService.MAX_TEXT))))))));
  }
}
