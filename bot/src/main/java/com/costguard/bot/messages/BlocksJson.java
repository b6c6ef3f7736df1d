package com.costguard.bot.messages;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.List;

/** Blocks as Slack's JSON, to keep a posted message and update it later. */
public final class BlocksJson {

  private static final Gson GSON = GsonFactory.createSnakeCase();

  private BlocksJson() {}

  public static String write(List<LayoutBlock> blocks) {
    return GSON.toJson(blocks);
  }

  public static List<LayoutBlock> read(String json) {
    return GSON.fromJson(json, new TypeToken<List<LayoutBlock>>() {}.getType());
  }
}
