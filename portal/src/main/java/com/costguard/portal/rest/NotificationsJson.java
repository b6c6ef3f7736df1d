package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;

import com.costguard.alerting.Channel;
import com.costguard.alerting.NotificationSettings;
import com.costguard.alerting.ThresholdNotification;
import com.costguard.application.BudgetService;
import com.costguard.cost.budget.Thresholds;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A budget's notification settings in JSON ({@code /budgets/{id}/notifications}):
 *
 * <pre>
 * {"budgetId": 7, "recipients": ["finance@example.com"], "quietHours": "22:00-07:00",
 *  "slackChannel": "C0123ABCD", "defaultSlackChannel": "C0ALERTS",
 *  "thresholds": [{"threshold": 80, "channels": ["email", "in_app"], "recipients": []}, ...]}
 * </pre>
 *
 * {@code recipients} is the budget's {@code notifyEmails}; a threshold's empty {@code recipients}
 * means the budget's. A change is partial at the top level, like a budget's: fields not given stay;
 * {@code thresholds}, when given, replaces every threshold's setting (a threshold left out goes
 * back to every channel and the budget's recipients); {@code null} clears quiet hours and the Slack
 * channel.
 */
final class NotificationsJson {

  private static final String CHANNELS =
      Arrays.stream(Channel.values()).map(Channel::apiName).collect(Collectors.joining(", "));

  private NotificationsJson() {}

  static JsonObject of(
      long budgetId, NotificationSettings settings, Optional<String> defaultSlackChannel) {
    JsonObjectBuilder json =
        com.costguard.application.NotificationSettingsJson.builder(settings)
            .add("budgetId", budgetId);
    defaultSlackChannel.ifPresentOrElse(
        c -> json.add("defaultSlackChannel", c), () -> json.addNull("defaultSlackChannel"));
    return json.build();
  }

  /** The settings {@code body} asks for over {@code current}. */
  static NotificationSettings over(NotificationSettings current, JsonObject body) {
    return new NotificationSettings(
        body.containsKey("recipients")
            ? emails(body.get("recipients"), "recipients")
            : current.recipients(),
        body.containsKey("quietHours")
            ? BudgetService.quietHours(JsonFields.text(body, "quietHours").orElse(null))
            : current.quietHours(),
        body.containsKey("slackChannel")
            ? JsonFields.text(body, "slackChannel").map(String::strip).filter(c -> !c.isEmpty())
            : current.slackChannel(),
        body.containsKey("thresholds") ? thresholds(body.get("thresholds")) : current.thresholds());
  }

  private static List<ThresholdNotification> thresholds(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw invalid(
          "thresholds",
          "thresholds must be a list of {\"threshold\": 80, \"channels\": [...], \"recipients\":"
              + " [...]}");
    }
    JsonArray array = value.asJsonArray();
    List<ThresholdNotification> settings = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "thresholds[" + i + "]";
      if (!(array.get(i) instanceof JsonObject t)) {
        throw invalid(path, "each threshold's setting is an object");
      }
      long threshold =
          JsonFields.whole(t, path + ".", "threshold")
              .orElseThrow(() -> invalid(path + ".threshold", "threshold is required"));
      Set<Channel> channels =
          t.containsKey("channels")
              ? channels(t.get("channels"), path + ".channels")
              : EnumSet.allOf(Channel.class);
      List<String> recipients =
          t.containsKey("recipients")
              ? emails(t.get("recipients"), path + ".recipients")
              : List.of();
      if (threshold < Thresholds.LOWEST || threshold > Thresholds.HIGHEST) {
        throw invalid(
            path + ".threshold",
            "a threshold is a whole percent from %d to %d"
                .formatted(Thresholds.LOWEST, Thresholds.HIGHEST));
      }
      settings.add(new ThresholdNotification((int) threshold, channels, recipients));
    }
    return settings;
  }

  private static Set<Channel> channels(JsonValue value, String path) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return EnumSet.noneOf(Channel.class);
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw invalid(path, "channels must be a list of: " + CHANNELS);
    }
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    JsonArray array = value.asJsonArray();
    for (int i = 0; i < array.size(); i++) {
      String field = path + "[" + i + "]";
      String name =
          array.get(i) instanceof JsonString s ? s.getString() : String.valueOf(array.get(i));
      channels.add(
          Channel.fromApiName(name)
              .orElseThrow(
                  () ->
                      invalid(field, "unknown channel '%s': one of %s".formatted(name, CHANNELS))));
    }
    return channels;
  }

  /** A list of e-mail addresses (checked by the service); {@code null} is none. */
  private static List<String> emails(JsonValue value, String path) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw invalid(path, path + " must be a list of e-mail addresses");
    }
    List<String> emails = new ArrayList<>();
    JsonArray array = value.asJsonArray();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString s)) {
        throw invalid(path + "[" + i + "]", "an e-mail address such as finance@example.com");
      }
      emails.add(s.getString().strip());
    }
    return emails;
  }
}
