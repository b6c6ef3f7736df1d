package com.costguard.application;

import com.costguard.alerting.Channel;
import com.costguard.alerting.NotificationSettings;
import com.costguard.alerting.QuietHours;
import com.costguard.alerting.ThresholdNotification;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;

/**
 * A budget's notification settings under the API's names, as {@code GET
 * /budgets/{id}/notifications} shows them and the audit log records their changes: {@code
 * recipients}, {@code quietHours}, {@code slackChannel} (absent ones as {@code null}) and {@code
 * thresholds} [{@code threshold}, {@code channels}, {@code recipients}].
 */
public final class NotificationSettingsJson {

  private NotificationSettingsJson() {}

  public static JsonObject of(NotificationSettings settings) {
    return builder(settings).build();
  }

  /** The settings' fields, for a caller that adds more. */
  public static JsonObjectBuilder builder(NotificationSettings settings) {
    JsonArrayBuilder thresholds = Json.createArrayBuilder();
    for (ThresholdNotification t : settings.thresholds()) {
      JsonArrayBuilder channels = Json.createArrayBuilder();
      t.channels().stream().sorted().map(Channel::apiName).forEach(channels::add);
      thresholds.add(
          Json.createObjectBuilder()
              .add("threshold", t.threshold())
              .add("channels", channels)
              .add("recipients", Json.createArrayBuilder(t.recipients())));
    }
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("recipients", Json.createArrayBuilder(settings.recipients()));
    orNull(json, "quietHours", settings.quietHours().map(QuietHours::toString));
    orNull(json, "slackChannel", settings.slackChannel());
    return json.add("thresholds", thresholds);
  }

  private static void orNull(JsonObjectBuilder json, String name, Optional<String> value) {
    value.ifPresentOrElse(v -> json.add(name, v), () -> json.addNull(name));
  }
}
