package com.costguard.bot.slack;

import java.time.Duration;
import java.util.Optional;

/**
 * A Web API call that did not do what was asked: an error answer ({@code ok: false}), an HTTP error
 * (429 rate limits with their {@code Retry-After}, 5xx) or no answer at all. The message names the
 * method and Slack's error code, never the token.
 */
public class SlackCallFailed extends RuntimeException {

  private final Optional<Duration> retryAfter;

  public SlackCallFailed(String message, Optional<Duration> retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** How long Slack asked us to wait before calling again, when it rate-limited the call. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
