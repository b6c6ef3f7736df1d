package com.costguard.bot.messages;

import static com.costguard.bot.messages.Samples.cost;
import static com.costguard.bot.messages.Samples.details;
import static com.costguard.bot.messages.Samples.job;
import static com.costguard.bot.messages.Samples.notice;
import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.alerting.AlertKind;
import com.costguard.bot.Ids;
import com.costguard.bot.messages.BudgetAlertMessage.Tier;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetAlertMessageTest {

  private static final URI PORTAL = URI.create("https://costguard.example/");

  private static SlackMessage alert(int threshold, String spent) {
    return BudgetAlertMessage.alert(
        notice(AlertKind.THRESHOLD, threshold, spent, "500"),
        details(List.of(cost(job(11, "llama-ft", "Acme"), "120.50"))),
        Optional.of("<@UMARIA>"),
        PORTAL);
  }

  private static String headline(SlackMessage message) {
    return ((SectionBlock) message.blocks().get(0)).getText().getText();
  }

  @Test
  void below95PercentIsPlain() {
    SlackMessage message = alert(80, "400");

    assertThat(Tier.of(notice(AlertKind.THRESHOLD, 80, "400", "500"))).isEqualTo(Tier.PLAIN);
    assertThat(message.text())
        .contains("You've used 80% of the monthly budget ($400.00 of $500.00)")
        .doesNotContain("<@")
        .doesNotContain("<!channel>");
    assertThat(headline(message)).doesNotContain("<@").doesNotContain("<!channel>");
  }

  @Test
  void from95To99PercentTheManagerIsMentioned() {
    SlackMessage message = alert(95, "475");

    assertThat(message.text()).contains("<@UMARIA>").doesNotContain("<!channel>");
    assertThat(headline(message)).contains("<@UMARIA>").contains("*Training*");
  }

  @Test
  void from100PercentTheChannelIsCalled() {
    SlackMessage message = alert(100, "505");

    assertThat(message.text()).startsWith("<!channel>").doesNotContain("<@UMARIA>");
    assertThat(headline(message)).startsWith("<!channel>");
    assertThat(Tier.of(notice(AlertKind.FORECAST, 0, "505", "500")))
        .as("kinds without a threshold go by usage")
        .isEqualTo(Tier.CHANNEL);
    assertThat(Tier.of(notice(AlertKind.FORECAST, 0, "480", "500"))).isEqualTo(Tier.MANAGER);
  }

  @Test
  void showsTheFiguresAndTheThreeButtons() {
    SlackMessage message = alert(95, "475");

    SectionBlock figures = (SectionBlock) message.blocks().get(1);
    assertThat(figures.getFields())
        .extracting(t -> t.getText())
        .containsExactly(
            "*Spent*\n$475.00",
            "*Limit*\n$500.00",
            "*Remaining*\n$25.00",
            "*Forecast (period end)*\nn/a",
            "*Active jobs*\n1");
    ActionsBlock actions = (ActionsBlock) message.blocks().get(3);
    assertThat(actions.getBlockId()).isEqualTo(Ids.ALERT_ACTIONS);
    List<ButtonElement> buttons =
        actions.getElements().stream().map(ButtonElement.class::cast).toList();
    assertThat(buttons)
        .extracting(ButtonElement::getActionId)
        .containsExactly(Ids.INCREASE_BUDGET, Ids.CANCEL_ACTIVE_JOBS, Ids.VIEW_DASHBOARD);
    assertThat(buttons.get(0).getValue()).isEqualTo("3");
    assertThat(buttons.get(1).getConfirm()).as("cancel asks first").isNotNull();
    assertThat(buttons.get(2).getUrl())
        .isEqualTo("https://costguard.example/dashboard/training-budget?budget=3");
  }

  @Test
  void aBudgetNameCannotPingOrBreakTheMessage() {
    SlackMessage message =
        BudgetAlertMessage.alert(
            notice("<!here> & <@U1>", AlertKind.THRESHOLD, 80, "400", "500"),
            details(List.of()),
            Optional.empty(),
            PORTAL);

    assertThat(headline(message))
        .contains("&lt;!here&gt; &amp; &lt;@U1&gt;")
        .doesNotContain("<!here>");
  }

  @Test
  void theBreakdownListsTopJobsAndClients() {
    SlackMessage breakdown =
        BudgetAlertMessage.breakdown(
            notice(AlertKind.THRESHOLD, 95, "475", "500"),
            details(
                List.of(
                    cost(job(11, "llama-ft", "Acme"), "120.50"),
                    cost(job(12, "bert <base>", null), "30"))));

    String top = ((SectionBlock) breakdown.blocks().get(0)).getText().getText();
    String clients = ((SectionBlock) breakdown.blocks().get(1)).getText().getText();
    assertThat(top)
        .contains("1. llama-ft (Acme) · queued · $120.50")
        .contains("2. bert &lt;base&gt; · queued · $30.00");
    assertThat(clients).contains("• Acme: $120.50").contains("• (none): $30.00");
  }
}
