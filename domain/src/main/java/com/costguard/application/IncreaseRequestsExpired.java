package com.costguard.application;

import com.costguard.model.increase.IncreaseRequest;
import java.util.List;

/**
 * A CDI event the expiry sweep fires after each run, once the expiries have committed: the faces
 * that asked about a request elsewhere (the Slack thread of its approval request) tell its outcome
 * there. Fired on every sweep, even with nothing new, so an observer can retry a reply that failed
 * before.
 *
 * @param requests the requests this sweep expired (often none)
 */
public record IncreaseRequestsExpired(List<IncreaseRequest> requests) {

  public IncreaseRequestsExpired {
    requests = List.copyOf(requests);
  }
}
