package com.costguard.bot.messages;

import com.costguard.alerting.AlertNotice;
import java.math.BigDecimal;
import java.util.Currency;

/** Slack's text escaping and the way amounts read in messages. */
public final class Slack {

  private Slack() {}

  /** {@code &}, {@code <} and {@code >} are control characters in mrkdwn: escape user text. */
  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** {@code <@U123>}: a mention of a Slack user, who is notified. */
  public static String mention(String slackUserId) {
    return "<@" + slackUserId + ">";
  }

  /** {@code $1,234.50}, rounded to cents once, as alerts show money. */
  public static String money(BigDecimal amount, Currency currency) {
    return AlertNotice.money(amount, currency);
  }
}
