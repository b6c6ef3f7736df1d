package com.costguard.bot.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The messages the bot posted (table {@code slack_messages}). */
public interface PostedMessages {

  /** The job a job alert is about (its {@code job_id}). */
  Optional<Long> jobOfAlert(long alertId);

  /** The message that delivered an alert, if it was posted. */
  Optional<PostedMessage> byAlert(long alertId);

  /** The first alert message of a budget's period: later alerts reply in its thread. */
  Optional<PostedMessage> firstOfPeriod(long budgetId, Instant periodStart);

  Optional<PostedMessage> byTs(String channel, String ts);

  /** The approval request message of an increase request. */
  Optional<PostedMessage> byRequest(long requestId);

  /**
   * The increase requests that expired at or after {@code since} and whose Slack approval message
   * still carries its Approve/Reject buttons: the thread was not told yet (Slack was down when the
   * sweep expired them, or the instance stopped), oldest first, at most {@code max}.
   */
  List<Long> untoldExpiries(Instant since, int max);

  /** Records a message just posted; answers it with its id. */
  PostedMessage add(PostedMessage message);

  void breakdownPosted(long id, String ts);

  /** The message's new text and blocks after a {@code chat.update}. */
  void updated(long id, String text, String blocks);
}
