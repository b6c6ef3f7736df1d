package com.costguard.bot.messages;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.costguard.application.BudgetInsights.JobCost;
import com.costguard.bot.Ids;
import com.costguard.model.job.Job;
import com.slack.api.model.block.LayoutBlock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Active jobs with their cost now, each with a <b>Cancel</b> button behind a confirm dialog: the
 * answer to {@code /budget jobs}, and the picker that <b>Cancel active jobs</b> replies in an
 * alert's thread.
 */
public final class JobsMessage {

  private JobsMessage() {}

  /**
   * @param title what the list is, e.g. "Active jobs of *Training*" (mrkdwn, escaped by the caller)
   */
  public static SlackMessage of(String title, List<JobCost> jobs, Currency currency) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        jobs.isEmpty()
                            ? title + ": none right now."
                            : "%s: %d, %s so far."
                                .formatted(
                                    title,
                                    jobs.size(),
                                    Slack.money(
                                        jobs.stream()
                                            .map(JobCost::currentCost)
                                            .reduce(BigDecimal.ZERO, BigDecimal::add),
                                        currency))))));
    for (JobCost cost : jobs) {
      blocks.add(job(cost.job(), Slack.money(cost.currentCost(), currency)));
    }
    return new SlackMessage(
        "%s: %d active jobs".formatted(title.replace("*", ""), jobs.size()), blocks);
  }

  private static LayoutBlock job(Job job, String cost) {
    String name = Slack.escape(job.name());
    return section(
        s ->
            s.blockId(Ids.jobBlock(job.id()))
                .text(
                    markdownText(
                        "*%s* · %s · %s%s · by %s"
                            .formatted(
                                name,
                                cost,
                                job.status().wireName(),
                                job.client().map(c -> " · " + Slack.escape(c)).orElse(""),
                                Slack.escape(job.createdBy()))))
                .accessory(
                    button(
                        b ->
                            b.actionId(Ids.CANCEL_JOB)
                                .text(plainText("Cancel"))
                                .style("danger")
                                .value(String.valueOf(job.id()))
                                .confirm(JobAlertMessage.cancelDialog(name, cost)))));
  }

  /**
   * The message after a job in it was cancelled: the job's block (and any action block carrying its
   * buttons) says who cancelled it and its final cost.
   */
  public static List<LayoutBlock> cancelled(
      List<LayoutBlock> posted, long jobId, String jobName, String by, String finalCost) {
    List<LayoutBlock> blocks = new ArrayList<>();
    String note =
        ":no_entry_sign: *%s* cancelled by %s · final cost %s"
            .formatted(Slack.escape(jobName), by, finalCost);
    boolean replaced = false;
    for (LayoutBlock block : posted) {
      if (Ids.jobBlock(jobId).equals(block.getBlockId())) {
        blocks.add(section(s -> s.blockId(Ids.jobBlock(jobId)).text(markdownText(note))));
        replaced = true;
      } else {
        blocks.add(block);
      }
    }
    if (!replaced) {
      blocks.add(section(s -> s.blockId(Ids.jobBlock(jobId)).text(markdownText(note))));
    }
    return BlockKitLimits.fit(blocks);
  }
}
