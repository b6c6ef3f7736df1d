package com.costguard.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    return post(channel, text, blocks, threadTs, Map.of());
  }

  /**
   * Posts with {@code marker} as the message's metadata (event type {@link #MARKER_EVENT}), so that
   * {@link #findMarked} can find the message again when this call's answer is lost.
   */
  public Posted post(
      String channel,
      String text,
      List<LayoutBlock> blocks,
      Optional<String> threadTs,
      Map<String, String> marker) {
    Message.Metadata metadata =
        marker.isEmpty() ? null : new Message.Metadata(MARKER_EVENT, Map.copyOf(marker));
    var answer =
        call(
            "chat.postMessage",
            () ->
                methods.chatPostMessage(
                    r ->
                        r.channel(channel)
                            .text(text)
                            .blocks(blocks)
                            .threadTs(threadTs.orElse(null))
                            .metadata(metadata)));
    return new Posted(answer.getChannel(), answer.getTs());
  }

  /** The event type of the metadata that marks Costguard's alert posts. */
  public static final String MARKER_EVENT = "costguard_alert";

  /** How many of the latest messages {@link #findMarked} looks through. */
  static final int SEARCHED = 200;

  /**
   * The ts of a message posted since {@code since} in {@code channel} (in {@code thread}, when
   * given) whose metadata is {@code marker}; empty when there is none. Reads the channel's history
   * ({@code conversations.history}, or {@code conversations.replies} for a thread), so the app
   * needs the {@code channels:history} scope (and {@code groups:history} for private channels).
   */
  public Optional<String> findMarked(
      String channel, Optional<String> thread, Instant since, Map<String, String> marker) {
    String oldest = "%d.%06d".formatted(since.getEpochSecond(), since.getNano() / 1000);
    List<Message> messages =
        thread.isPresent()
            ? call(
                    "conversations.replies",
                    () ->
                        methods.conversationsReplies(
                            r ->
                                r.channel(channel)
                                    .ts(thread.get())
                                    .oldest(oldest)
                                    .includeAllMetadata(true)
                                    .limit(SEARCHED)))
                .getMessages()
            : call(
                    "conversations.history",
                    () ->
                        methods.conversationsHistory(
                            r ->
                                r.channel(channel)
                                    .oldest(oldest)
                                    .includeAllMetadata(true)
                                    .limit(SEARCHED)))
                .getMessages();
    if (messages == null) {
      return Optional.empty();
    }
    return messages.stream()
        .filter(m -> m.getMetadata() != null && MARKER_EVENT.equals(m.getMetadata().getEventType()))
        .filter(m -> marks(m.getMetadata().getEventPayload(), marker))
        .map(Message::getTs)
        .findFirst();
  }

  private static boolean marks(Map<String, Object> payload, Map<String, String> marker) {
    return payload != null
        && marker.entrySet().stream()
            .allMatch(e -> e.getValue().equals(String.valueOf(payload.get(e.getKey()))));
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
