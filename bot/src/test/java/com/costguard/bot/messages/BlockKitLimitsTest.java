package com.costguard.bot.messages;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.costguard.alerting.AlertKind;
import com.costguard.application.BudgetInsights;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Block Kit's limits: text ≤ 3000 characters, ≤ 50 blocks, ids ≤ 255. */
class BlockKitLimitsTest {

  @Test
  void aLongTextIsCutTo3000CharactersEndingInAnEllipsis() {
    String cut = BlockKitLimits.text("x".repeat(5000));

    assertThat(cut).hasSize(BlockKitLimits.MAX_TEXT).endsWith("…");
    assertThat(BlockKitLimits.text("short")).isEqualTo("short");
  }

  @Test
  void anEmojiIsNeverCutInHalf() {
    String text = "x".repeat(2997) + "😀😀";

    String cut = BlockKitLimits.text(text);

    assertThat(cut.length()).isLessThanOrEqualTo(BlockKitLimits.MAX_TEXT);
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
  }

  @Test
  void sectionTextsAndFieldsAreCut() {
    List<LayoutBlock> fitted =
        BlockKitLimits.fit(
            List.of(
                section(
                    s ->
                        s.text(markdownText("a".repeat(4000)))
                            .fields(List.of(markdownText("b".repeat(3500)))))));

    SectionBlock section = (SectionBlock) fitted.get(0);
    assertThat(section.getText().getText()).hasSize(3000);
    assertThat(section.getFields().get(0).getText()).hasSize(3000);
  }

  @Test
  void moreThan50BlocksEndWithANoteOfWhatWasLeftOut() {
    List<LayoutBlock> many = new ArrayList<>();
    IntStream.range(0, 70).forEach(i -> many.add(section(s -> s.text(markdownText("job " + i)))));

    List<LayoutBlock> fitted = BlockKitLimits.fit(many);

    assertThat(fitted).hasSize(BlockKitLimits.MAX_BLOCKS);
    ContextBlock note = (ContextBlock) fitted.get(49);
    assertThat(((MarkdownTextObject) note.getElements().get(0)).getText())
        .isEqualTo("…and 21 more not shown here.");
  }

  @Test
  void idsLongerThan255AreABug() {
    assertThatThrownBy(() -> BlockKitLimits.id("b".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(BlockKitLimits.id("b".repeat(255))).hasSize(255);
    assertThatThrownBy(
            () ->
                BlockKitLimits.fit(
                    List.of(
                        actions(
                            a ->
                                a.elements(
                                    List.of(
                                        button(
                                            b ->
                                                b.actionId("a".repeat(256))
                                                    .text(plainText("x")))))))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHugeBudgetAndManyJobsStillMakeAValidAlertAndBreakdown() {
    List<BudgetInsights.JobCost> jobs = new ArrayList<>();
    IntStream.range(0, 80)
        .forEach(i -> jobs.add(Samples.cost(Samples.job(i, "job-" + "x".repeat(100), "c"), "1")));
    var notice = Samples.notice("B".repeat(5000), AlertKind.THRESHOLD, 95, "475", "500");

    SlackMessage alert =
        BudgetAlertMessage.alert(
            notice, Samples.details(jobs), Optional.of("<@U1>"), URI.create("http://x"));
    SlackMessage picker = JobsMessage.of("Active jobs", jobs, Samples.USD);

    assertThat(alert.text()).hasSizeLessThanOrEqualTo(3000);
    assertThat(((SectionBlock) alert.blocks().get(0)).getText().getText())
        .hasSizeLessThanOrEqualTo(3000);
    assertThat(picker.blocks()).hasSize(50);
  }
}
