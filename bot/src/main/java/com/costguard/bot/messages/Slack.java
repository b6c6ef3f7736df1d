package com.costguard.bot.messages;

/** Slack's text escaping: {@code &}, {@code <} and {@code >} are control characters in mrkdwn. */
final class Slack {

  private Slack() {}

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
