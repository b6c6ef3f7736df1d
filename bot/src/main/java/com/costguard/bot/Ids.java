package com.costguard.bot;

/** Every Slack id string Costguard uses: commands, action ids, callback ids, block ids. */
public final class Ids {

  public static final String BUDGET_COMMAND = "/budget";

  private Ids() {}
}
