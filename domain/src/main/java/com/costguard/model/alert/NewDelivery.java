package com.costguard.model.alert;

import com.costguard.alerting.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One channel an alert is to be delivered on, with its recipients fixed when the alert fires.
 *
 * @param recipients e-mail addresses for {@link Channel#EMAIL}; empty for the others
 * @param notBefore when the first attempt is due, if later than the alert (quiet hours); empty: at
 *     once
 */
public record NewDelivery(Channel channel, List<String> recipients, Optional<Instant> notBefore) {

  public NewDelivery {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(notBefore, "notBefore");
    recipients = List.copyOf(recipients);
  }

  public NewDelivery(Channel channel, List<String> recipients) {
    this(channel, recipients, Optional.empty());
  }

  public static NewDelivery of(Channel channel) {
    return new NewDelivery(channel, List.of());
  }
}
