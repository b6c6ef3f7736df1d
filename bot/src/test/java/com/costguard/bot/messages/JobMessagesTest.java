package com.costguard.bot.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.bot.Ids;
import com.costguard.model.job.Job;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Job estimate alerts, the active jobs list and what a cancel turns them into. */
class JobMessagesTest {

  private final Job job = Samples.job(11, "llama <ft>", "Acme");

  @Test
  void anEstimateAlertOffersCancelBehindAConfirmDialogAndViewJob() {
    SlackMessage alert =
        JobAlertMessage.of(
            100,
            job,
            new BigDecimal("80.50"),
            Samples.USD,
            URI.create("https://costguard.example"),
            Optional.of("*ada*"));

    String headline = ((SectionBlock) alert.blocks().get(0)).getText().getText();
    assertThat(headline)
        .startsWith("*ada* ")
        .contains("Job *llama &lt;ft&gt;* reached 100% of its estimate: $80.50 so far")
        .contains("estimate $50.00–$80.00");
    ActionsBlock actions = (ActionsBlock) alert.blocks().get(2);
    assertThat(actions.getBlockId()).isEqualTo(Ids.jobBlock(11));
    ButtonElement cancel = (ButtonElement) actions.getElements().get(0);
    assertThat(cancel.getActionId()).isEqualTo(Ids.CANCEL_JOB);
    assertThat(cancel.getValue()).isEqualTo("11");
    assertThat(cancel.getConfirm().getTitle().getText()).isEqualTo("Cancel training?");
    assertThat(cancel.getConfirm().getText().getText()).contains("$80.50");
    assertThat(cancel.getConfirm().getDeny().getText()).isEqualTo("Continue training");
    ButtonElement view = (ButtonElement) actions.getElements().get(1);
    assertThat(view.getUrl()).isEqualTo("https://costguard.example/dashboard/jobs/11");
  }

  @Test
  void inItsCreatorsDmTheAlertAddressesNoOne() {
    SlackMessage alert =
        JobAlertMessage.of(
            80, job, BigDecimal.TEN, Samples.USD, URI.create("http://x"), Optional.empty());

    assertThat(((SectionBlock) alert.blocks().get(0)).getText().getText()).startsWith(":warning:");
  }

  @Test
  void theJobsListHasACancelButtonPerJobAndATotal() {
    SlackMessage list =
        JobsMessage.of(
            "Active jobs",
            List.of(Samples.cost(job, "12.345"), Samples.cost(Samples.job(12, "b", null), "1")),
            Samples.USD);

    assertThat(((SectionBlock) list.blocks().get(0)).getText().getText())
        .isEqualTo("Active jobs: 2, $13.35 so far.");
    SectionBlock first = (SectionBlock) list.blocks().get(1);
    assertThat(first.getBlockId()).isEqualTo(Ids.jobBlock(11));
    assertThat(first.getText().getText()).contains("$12.35").contains("Acme");
    assertThat(((ButtonElement) first.getAccessory()).getValue()).isEqualTo("11");
  }

  @Test
  void aCancelledJobsBlockSaysWhoCancelledItAndTheFinalCost() {
    SlackMessage list =
        JobsMessage.of(
            "Active jobs",
            List.of(Samples.cost(job, "12"), Samples.cost(Samples.job(12, "b", null), "1")),
            Samples.USD);

    List<LayoutBlock> after =
        JobsMessage.cancelled(list.blocks(), 11, job.name(), "<@UMARIA>", "$12.00");

    assertThat(after).hasSameSizeAs(list.blocks());
    SectionBlock cancelled = (SectionBlock) after.get(1);
    assertThat(cancelled.getText().getText())
        .isEqualTo(":no_entry_sign: *llama &lt;ft&gt;* cancelled by <@UMARIA> · final cost $12.00");
    assertThat(cancelled.getAccessory()).isNull();
    assertThat(((SectionBlock) after.get(2)).getAccessory()).as("the other job").isNotNull();
  }

  @Test
  void blocksSurviveTheirStoredJson() {
    SlackMessage list = JobsMessage.of("Active jobs", List.of(Samples.cost(job, "1")), Samples.USD);

    assertThat(BlocksJson.write(BlocksJson.read(BlocksJson.write(list.blocks()))))
        .isEqualTo(BlocksJson.write(list.blocks()));
  }
}
