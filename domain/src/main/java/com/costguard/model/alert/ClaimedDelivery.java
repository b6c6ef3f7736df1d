package com.costguard.model.alert;

import com.costguard.alerting.AlertNotice;
import com.costguard.alerting.Channel;
import java.util.Objects;

/**
 * A delivery the dispatcher has claimed: no other dispatcher takes it while the claim's lease
 * lasts, and only the holder of {@code claimToken} may record its outcome.
 *
 * @param attempts the attempts made before this one
 */
public record ClaimedDelivery(
    long id, Channel channel, int attempts, String claimToken, AlertNotice notice) {

  public ClaimedDelivery {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(claimToken, "claimToken");
    Objects.requireNonNull(notice, "notice");
  }
}
