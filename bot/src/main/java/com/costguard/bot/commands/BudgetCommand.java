package com.costguard.bot.commands;

import com.costguard.application.SpendingService;
import com.costguard.bot.messages.HelpMessage;
import com.costguard.bot.messages.StatusMessage;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/** {@code /budget <subcommand>}: answered ephemerally to the person who typed it. */
@ApplicationScoped
public class BudgetCommand implements SlashCommandHandler {

  @Inject SpendingService spending;

  @Override
  public Response apply(SlashCommandRequest request, SlashCommandContext context) {
    String text = request.getPayload().getText();
    String subcommand =
        text == null ? "" : text.trim().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    return switch (subcommand) {
      case "", "help" -> context.ack(r -> r.blocks(HelpMessage.blocks()).text(HelpMessage.TEXT));
      case "status" -> {
        var month = spending.thisMonth();
        yield context.ack(
            r -> r.blocks(StatusMessage.blocks(month)).text(StatusMessage.text(month)));
      }
      default -> context.ack(r -> r.blocks(HelpMessage.unknown(subcommand)).text(HelpMessage.TEXT));
    };
  }
}
