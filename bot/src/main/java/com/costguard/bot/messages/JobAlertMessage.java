package com.costguard.bot.messages;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.costguard.bot.Ids;
import com.costguard.model.job.Job;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A job estimate alert (SPEC §3: 80/100/120% of the estimate) to the job's creator, with <b>Cancel
 * job</b> behind Slack's confirm dialog (seed 000: "Cancel Training?" with the job and its cost)
 * and <b>View job</b>.
 */
public final class JobAlertMessage {

  private JobAlertMessage() {}

  /**
   * @param threshold 80, 100 or 120
   * @param creator how to address the creator: a mention in a channel, empty in their DM
   */
  public static SlackMessage of(
      int threshold,
      Job job,
      BigDecimal currentCost,
      Currency currency,
      URI baseUrl,
      Optional<String> creator) {
    String name = Slack.escape(job.name());
    String current = Slack.money(currentCost, currency);
    String estimate =
        Slack.money(job.estimateMin(), currency) + "–" + Slack.money(job.estimateMax(), currency);
    String lead =
        threshold >= 120 ? ":rotating_light:" : threshold >= 100 ? ":red_circle:" : ":warning:";
    String headline =
        "%s%s Job *%s* reached %d%% of its estimate: %s so far (estimate %s)."
            .formatted(
                creator.map(c -> c + " ").orElse(""), lead, name, threshold, current, estimate);
    String jobId = String.valueOf(job.id());
    return new SlackMessage(
        "Job %s reached %d%% of its estimate: %s".formatted(job.name(), threshold, current),
        List.of(
            section(s -> s.text(markdownText(headline))),
            context(
                List.of(
                    markdownText(
                        "%s · %s%s · %s"
                            .formatted(
                                job.status().wireName(),
                                job.gpuType().map(g -> Slack.escape(g) + " · ").orElse(""),
                                job.pricing().name().toLowerCase(java.util.Locale.ROOT),
                                job.client().map(Slack::escape).orElse("no client"))))),
            actions(
                a ->
                    a.blockId(Ids.jobBlock(job.id()))
                        .elements(
                            List.of(
                                button(
                                    b ->
                                        b.actionId(Ids.CANCEL_JOB)
                                            .text(plainText("Cancel job"))
                                            .style("danger")
                                            .value(jobId)
                                            .confirm(cancelDialog(name, current))),
                                button(
                                    b ->
                                        b.actionId(Ids.VIEW_JOB)
                                            .text(plainText("View job"))
                                            .url(jobUrl(baseUrl, job.id()))))))));
  }

  /** Slack's own confirm dialog before a cancel (seed 000's "Cancel Training?"). */
  static com.slack.api.model.block.composition.ConfirmationDialogObject cancelDialog(
      String escapedName, String currentCost) {
    return confirmationDialog(
        c ->
            c.title(plainText("Cancel training?"))
                .text(
                    markdownText(
                        "Job: *%s*\nCurrent cost: %s\nIts cost is locked now and its runner is told to stop."
                            .formatted(BlockKitLimits.cut(escapedName, 100), currentCost)))
                .confirm(plainText("Cancel job"))
                .deny(plainText("Continue training"))
                .style("danger"));
  }

  public static String jobUrl(URI baseUrl, long jobId) {
    return baseUrl.toString().replaceAll("/+$", "") + "/dashboard/jobs/" + jobId;
  }
}
