package com.costguard.alerting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where one delivery of an alert stands (SPEC §5). */
public enum DeliveryState {
  /** Not sent yet: due now, or waiting for its next attempt after a failure. */
  PENDING,
  /** Sent; never sent again. */
  DELIVERED,
  /** Every attempt the {@link RetryPolicy} allows failed; kept, and shown, not retried. */
  FAILED;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<DeliveryState> fromApiName(String apiName) {
    return Arrays.stream(values()).filter(s -> s.apiName().equals(apiName)).findFirst();
  }
}
