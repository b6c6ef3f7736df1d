package com.costguard.bot.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.costguard.bot.Ids;
import com.costguard.model.increase.IncreaseStatus;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The increase modal, the approval request in the thread, its outcomes, and the reject modal. */
class IncreaseMessagesTest {

  @Test
  void theModalShowsTheCurrentLimitReadOnlyAndSuggests120Percent() {
    IncreaseModal.Origin origin =
        new IncreaseModal.Origin(3, "C0ALERTS", Optional.of("1.1"), Optional.of("1.0"));

    View modal = IncreaseModal.of(Samples.view("500", "475"), origin, Samples.USD);

    assertThat(modal.getCallbackId()).isEqualTo(Ids.INCREASE_MODAL);
    assertThat(IncreaseModal.Origin.decode(modal.getPrivateMetadata())).isEqualTo(origin);
    SectionBlock current = (SectionBlock) modal.getBlocks().get(0);
    assertThat(current.getText().getText()).contains("Current limit: *$500.00* (read-only)");
    InputBlock newLimit = (InputBlock) modal.getBlocks().get(1);
    assertThat(newLimit.getBlockId()).isEqualTo(Ids.NEW_LIMIT_BLOCK);
    assertThat(((PlainTextInputElement) newLimit.getElement()).getInitialValue())
        .isEqualTo("600.00");
    assertThat(newLimit.getHint().getText()).contains("$475.00");
    InputBlock justification = (InputBlock) modal.getBlocks().get(2);
    assertThat(justification.getBlockId()).isEqualTo(Ids.JUSTIFICATION_BLOCK);
    assertThat(justification.isOptional()).as("required").isFalse();
  }

  @Test
  void theSuggestionIsInCents() {
    assertThat(IncreaseModal.suggestedLimit(new BigDecimal("333.33")))
        .isEqualByComparingTo("400.00");
    assertThat(IncreaseModal.suggestedLimit(new BigDecimal("0.01"))).isEqualByComparingTo("0.01");
  }

  @Test
  void anOriginWithoutAThreadRoundTrips() {
    IncreaseModal.Origin origin =
        new IncreaseModal.Origin(9, "C1", Optional.empty(), Optional.empty());

    assertThat(IncreaseModal.Origin.decode(origin.encode())).isEqualTo(origin);
    assertThatThrownBy(() -> IncreaseModal.Origin.decode("forged"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theApprovalRequestMentionsTheApproverWithApproveAndReject() {
    SlackMessage ask =
        ApprovalMessage.request(
            Samples.request(42, "500", "700", "Demo <Friday>\nand more"),
            "Training",
            "<@UALICE>",
            "<@UMARIA>",
            Samples.USD);

    String text = ((SectionBlock) ask.blocks().get(0)).getText().getText();
    assertThat(text)
        .startsWith(
            "<@UALICE> <@UMARIA> asks to raise *Training* from $500.00 to $700.00 (+40.00%)")
        .contains(">Demo &lt;Friday&gt;\n>and more");
    ActionsBlock actions = (ActionsBlock) ask.blocks().get(1);
    assertThat(actions.getBlockId()).isEqualTo(Ids.APPROVAL_ACTIONS);
    assertThat(actions.getElements())
        .map(ButtonElement.class::cast)
        .extracting(ButtonElement::getActionId, ButtonElement::getValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Ids.APPROVE_INCREASE, "42"),
            org.assertj.core.groups.Tuple.tuple(Ids.REJECT_INCREASE, "42"));
  }

  @Test
  void eachOutcomeSaysWhatHappened() {
    var request = Samples.request(42, "500", "700", "Demo");
    request.decide(
        IncreaseStatus.REJECTED, Optional.of("alice"), Optional.of("Use <spot>"), Samples.NOW);

    String rejected = outcome(request, "<@UALICE>");
    assertThat(rejected)
        .contains("Rejected by <@UALICE>")
        .contains("stays at $500.00")
        .contains(">Use &lt;spot&gt;");

    var approved = Samples.request(43, "500", "700", "Demo");
    approved.decide(IncreaseStatus.APPROVED, Optional.of("alice"), Optional.empty(), Samples.NOW);
    assertThat(outcome(approved, "<@UALICE>"))
        .contains("Approved by <@UALICE>: budget limit increased to $700.00");

    var expired = Samples.request(44, "500", "700", "Demo");
    expired.decide(IncreaseStatus.EXPIRED, Optional.empty(), Optional.empty(), Samples.NOW);
    assertThat(outcome(expired, "")).contains("expired without a decision");
  }

  private static String outcome(com.costguard.model.increase.IncreaseRequest request, String by) {
    SlackMessage message = ApprovalMessage.outcome(request, "Training", by, Samples.USD);
    return ((SectionBlock) message.blocks().get(0)).getText().getText();
  }

  @Test
  void aSettledMessageLosesItsApprovalButtonsAndShowsTheOutcomeOnce() {
    var request = Samples.request(42, "500", "700", "Demo");
    SlackMessage ask = ApprovalMessage.request(request, "Training", "a", "b", Samples.USD);
    request.decide(IncreaseStatus.APPROVED, Optional.of("alice"), Optional.empty(), Samples.NOW);
    SlackMessage outcome = ApprovalMessage.outcome(request, "Training", "<@U1>", Samples.USD);

    List<LayoutBlock> once = ApprovalMessage.settled(ask.blocks(), outcome);
    List<LayoutBlock> twice = ApprovalMessage.settled(once, outcome);

    assertThat(twice).noneMatch(b -> Ids.APPROVAL_ACTIONS.equals(b.getBlockId()));
    assertThat(twice).filteredOn(b -> Ids.OUTCOME.equals(b.getBlockId())).hasSize(1);
    assertThat(twice).hasSize(ask.blocks().size());
  }

  @Test
  void theRejectModalAsksForAReason() {
    View modal = RejectModal.of(Samples.request(42, "500", "700", "Demo"), "Training", Samples.USD);

    assertThat(modal.getCallbackId()).isEqualTo(Ids.REJECT_MODAL);
    assertThat(modal.getPrivateMetadata()).isEqualTo("42");
    assertThat(((InputBlock) modal.getBlocks().get(1)).getBlockId()).isEqualTo(Ids.REASON_BLOCK);
  }
}
