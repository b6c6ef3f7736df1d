package com.costguard.bot.actions;

import com.costguard.application.IncreaseRequestsExpired;
import com.costguard.bot.slack.SlackCallFailed;
import com.costguard.model.increase.IncreaseRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Tells a request's Slack thread that it expired (SPEC §3), for each request the one-minute sweep
 * expired. A reply Slack did not take is tried again at each following sweep, up to an hour; a
 * thread is never told twice ({@link IncreaseThreads#decided}), so an approver's click on the
 * expired request in between does no harm.
 */
@ApplicationScoped
public class ExpiryReplies {

  private static final Logger LOG = Logger.getLogger(ExpiryReplies.class.getName());

  /** One try a sweep, a sweep a minute: an hour of a Slack outage. */
  static final int MAX_TRIES = 60;

  @Inject IncreaseThreads threads;

  private final Map<Long, Retry> unreplied = new ConcurrentHashMap<>();

  private record Retry(IncreaseRequest request, int tries) {}

  void onExpiry(@Observes IncreaseRequestsExpired expired) {
    for (IncreaseRequest request : expired.requests()) {
      unreplied.putIfAbsent(request.id(), new Retry(request, 0));
    }
    for (Retry retry : new ArrayList<>(unreplied.values())) {
      IncreaseRequest request = retry.request();
      try {
        threads.replyExpired(request);
        unreplied.remove(request.id());
      } catch (SlackCallFailed e) {
        int tries = retry.tries() + 1;
        if (tries >= MAX_TRIES) {
          unreplied.remove(request.id());
          LOG.warning(
              () ->
                  "Gave up telling Slack that increase request %d expired after %d tries: %s"
                      .formatted(request.id(), tries, e.getMessage()));
        } else {
          unreplied.put(request.id(), new Retry(request, tries));
          LOG.info(
              () ->
                  "Slack did not take the expiry of increase request %d (try %d): %s"
                      .formatted(request.id(), tries, e.getMessage()));
        }
      }
    }
  }
}
