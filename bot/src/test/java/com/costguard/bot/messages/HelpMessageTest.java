package com.costguard.bot.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.SectionBlock;
import org.junit.jupiter.api.Test;

class HelpMessageTest {

  @Test
  void listsTheCommandsTheBotAnswers() {
    String help = ((SectionBlock) HelpMessage.blocks().get(0)).getText().getText();

    assertThat(help).contains("/budget status").contains("/budget help");
  }

  @Test
  void anUnknownSubcommandIsEchoedEscapedSoItCannotPingAnyone() {
    String first = ((SectionBlock) HelpMessage.unknown("<!channel>&").get(0)).getText().getText();

    assertThat(first).contains("&lt;!channel&gt;&amp;").doesNotContain("<!channel>");
  }
}
