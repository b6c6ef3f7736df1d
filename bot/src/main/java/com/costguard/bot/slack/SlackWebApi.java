package com.costguard.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The few Web API methods Costguard calls, each answering what it needs or throwing {@link
 * SlackCallFailed}: one place that turns Slack's ways of failing into one exception.
 */
public class SlackWebApi {

  private final MethodsClient methods;

  public SlackWebApi(MethodsClient methods) {
    this.methods = methods;
  }

  /** What {@code chat.postMessage} answered: where the message now is. */
  public record Posted(String channel, String ts) {}

  /**
   * @param threadTs the thread to reply in; empty for a new message
   */
  public Posted post(
      String channel, String text, List<LayoutBlock> blocks, Optional<String> threadTs) {
    var answer =
        call(
            "chat.postMessage",
            () ->
                methods.chatPostMessage(
                    r ->
                        r.channel(channel)
                            .text(text)
                            .blocks(blocks)
                            .threadTs(threadTs.orElse(null))));
    return new Posted(answer.getChannel(), answer.getTs());
  }

  public void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
    call(
        "chat.update",
        () -> methods.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
  }

  /** A message only {@code user} sees, e.g. a refusal. */
  public void ephemeral(String channel, String user, String text, Optional<String> threadTs) {
    call(
        "chat.postEphemeral",
        () ->
            methods.chatPostEphemeral(
                r -> r.channel(channel).user(user).text(text).threadTs(threadTs.orElse(null))));
  }

  public void openView(String triggerId, View view) {
    call("views.open", () -> methods.viewsOpen(r -> r.triggerId(triggerId).view(view)));
  }

  public void publishHome(String user, View view) {
    call("views.publish", () -> methods.viewsPublish(r -> r.userId(user).view(view)));
  }

  /** The Slack user with this e-mail; empty when Slack knows none ({@code users_not_found}). */
  public Optional<String> userIdByEmail(String email) {
    try {
      return Optional.of(
          call("users.lookupByEmail", () -> methods.usersLookupByEmail(r -> r.email(email)))
              .getUser()
              .getId());
    } catch (SlackCallFailed e) {
      if (e.getMessage().endsWith(": users_not_found")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The e-mail of a Slack user, when Slack tells it (the app needs {@code users:read.email}). */
  public Optional<String> emailOf(String user) {
    com.slack.api.methods.response.users.UsersInfoResponse answer;
    try {
      answer = call("users.info", () -> methods.usersInfo(r -> r.user(user)));
    } catch (SlackCallFailed e) {
      if (e.getMessage().endsWith(": user_not_found")) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.ofNullable(answer.getUser())
        .map(u -> u.getProfile())
        .map(p -> p.getEmail())
        .filter(e -> !e.isBlank());
  }

  private interface Call<T> {
    T run() throws IOException, SlackApiException;
  }

  private static <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
    T answer;
    try {
      answer = call.run();
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      Optional<Duration> retryAfter =
          Optional.ofNullable(e.getResponse().header("Retry-After")).flatMap(SlackWebApi::seconds);
      String error = e.getError() == null ? null : e.getError().getError();
      throw new SlackCallFailed(
          "%s: HTTP %d%s".formatted(method, status, error == null ? "" : " " + error),
          retryAfter,
          e);
    } catch (IOException e) {
      throw new SlackCallFailed(method + ": " + e, Optional.empty(), e);
    }
    if (!answer.isOk()) {
      throw new SlackCallFailed(method + ": " + answer.getError(), Optional.empty(), null);
    }
    return answer;
  }

  private static Optional<Duration> seconds(String header) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
