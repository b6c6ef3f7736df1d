package com.costguard.bot.actions;

/** What the bot says when it will not act. */
final class Refusals {

  static final String NOT_LINKED =
      "Your Slack account is not linked to a Costguard user, so you can read budgets but not act"
          + " on them. Ask an admin to set your Slack id, or to give your Costguard user your Slack"
          + " e-mail.";

  private Refusals() {}
}
