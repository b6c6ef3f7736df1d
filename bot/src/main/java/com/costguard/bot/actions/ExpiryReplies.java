package com.costguard.bot.actions;

import com.costguard.application.IncreaseRequestService;
import com.costguard.application.IncreaseRequestsExpired;
import com.costguard.application.RequestRefusedException;
import com.costguard.bot.slack.SlackCallFailed;
import com.costguard.bot.store.PostedMessages;
import com.costguard.model.increase.IncreaseRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Tells a request's Slack thread that it expired (SPEC §3), for each request the one-minute sweep
 * expired. What is still to tell lives in the database, not in memory: an expired request whose
 * approval message still carries its buttons ({@link PostedMessages#untoldExpiries}). So a reply
 * Slack did not take is tried again at each following sweep, by whichever instance runs it, even
 * after a restart, for {@link #RETRY_FOR} after the expiry; a thread is never told twice ({@link
 * IncreaseThreads#decided} skips a thread told already), so an approver's click on the expired
 * request in between does no harm.
 */
@ApplicationScoped
public class ExpiryReplies {

  private static final Logger LOG = Logger.getLogger(ExpiryReplies.class.getName());

  /** One try a sweep, a sweep a minute: an hour of a Slack outage. */
  static final Duration RETRY_FOR = Duration.ofHours(1);

  /** Untold expiries taken per sweep; the next sweep takes the rest. */
  static final int BATCH = 50;

  @Inject IncreaseThreads threads;
  @Inject PostedMessages messages;
  @Inject IncreaseRequestService requests;
  @Inject Clock clock;

  void onExpiry(@Observes IncreaseRequestsExpired expired) {
    Map<Long, IncreaseRequest> untold = new LinkedHashMap<>();
    expired.requests().forEach(request -> untold.put(request.id(), request));
    for (long id : messages.untoldExpiries(clock.instant().minus(RETRY_FOR), BATCH)) {
      if (!untold.containsKey(id)) {
        try {
          untold.put(id, requests.get(id));
        } catch (RequestRefusedException gone) {
          // deleted meanwhile: nothing to tell
        }
      }
    }
    for (IncreaseRequest request : untold.values()) {
      try {
        threads.replyExpired(request);
      } catch (SlackCallFailed e) {
        LOG.warning(
            () ->
                ("Slack did not take the expiry of increase request %d: %s; the next sweep tries"
                        + " again until %s after it expired")
                    .formatted(request.id(), e.getMessage(), RETRY_FOR));
      }
    }
  }
}
