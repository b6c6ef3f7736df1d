package com.costguard.alerting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why an alert fired (SPEC §5 {@code kind}); the API names are the lower-case constant names. */
public enum AlertKind {
  /** A budget's spend reached one of its thresholds (a percent of its limit). */
  THRESHOLD,
  /** A job's cost reached 80, 100 or 120% of its estimate. */
  ESTIMATE,
  /** A budget's period-end forecast passed its limit. */
  FORECAST,
  /** A day's spend stood far above its trailing mean. */
  ANOMALY,
  /** A blocking budget refused a new job. */
  BLOCKED;

  /** Whether alerts of this kind carry a threshold percent; the others store 0 in its place. */
  public boolean hasThreshold() {
    return this == THRESHOLD || this == ESTIMATE;
  }

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AlertKind> fromApiName(String apiName) {
    return Arrays.stream(values()).filter(k -> k.apiName().equals(apiName)).findFirst();
  }
}
