package com.costguard.alerting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an alert is delivered (SPEC §3); the API names are the lower-case constant names. */
public enum Channel {
  /** Jakarta Mail to the budget's recipients, when SMTP is configured. */
  EMAIL,
  /** The portal's banners: delivered once the alert is committed, since the portal reads it. */
  IN_APP,
  /** The budget's Slack alert channel (the Slack side delivers these). */
  SLACK;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Channel> fromApiName(String apiName) {
    return Arrays.stream(values()).filter(c -> c.apiName().equals(apiName)).findFirst();
  }
}
