package com.costguard.model.alert;

import com.costguard.alerting.Channel;
import java.util.List;
import java.util.Objects;

/**
 * One channel an alert is to be delivered on, with its recipients fixed when the alert fires.
 *
 * @param recipients e-mail addresses for {@link Channel#EMAIL}; empty for the others
 */
public record NewDelivery(Channel channel, List<String> recipients) {

  public NewDelivery {
    Objects.requireNonNull(channel, "channel");
    recipients = List.copyOf(recipients);
  }

  public static NewDelivery of(Channel channel) {
    return new NewDelivery(channel, List.of());
  }
}
