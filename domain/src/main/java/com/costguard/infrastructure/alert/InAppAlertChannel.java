package com.costguard.infrastructure.alert;

import com.costguard.alerting.AlertChannel;
import com.costguard.alerting.AlertNotice;
import com.costguard.alerting.Channel;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * In-app banners: the portal shows the alerts that stand, read from the database, so an in-app
 * delivery has nothing to send. It goes through the outbox like every channel all the same, so that
 * {@code GET /alerts} shows it delivered once the alert is committed.
 */
@ApplicationScoped
public class InAppAlertChannel implements AlertChannel {

  @Override
  public Channel channel() {
    return Channel.IN_APP;
  }

  @Override
  public void send(AlertNotice notice) {
    // The banner is the committed alert itself.
  }
}
