package com.costguard.bot.actions;

import com.costguard.bot.people.SlackPeople;
import com.costguard.bot.slack.SlackWebApi;
import com.costguard.model.user.User;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import java.util.Optional;

/**
 * A button click as the handlers need it: who clicked which value, in which message and thread.
 *
 * @param messageTs the message holding the button
 * @param threadTs the thread that message is in, when it is a reply
 * @param ephemeral whether that message was shown to the clicker alone (it cannot be updated)
 */
record Clicked(
    String user,
    String value,
    String blockId,
    String channel,
    String messageTs,
    Optional<String> threadTs,
    boolean ephemeral) {

  static Clicked of(BlockActionPayload payload) {
    var action = payload.getActions().get(0);
    var container = payload.getContainer();
    String channel =
        payload.getChannel() != null ? payload.getChannel().getId() : container.getChannelId();
    String messageTs =
        container != null && container.getMessageTs() != null
            ? container.getMessageTs()
            : payload.getMessage() == null ? null : payload.getMessage().getTs();
    Optional<String> thread =
        Optional.ofNullable(container == null ? null : container.getThreadTs())
            .or(() -> Optional.ofNullable(payload.getMessage()).map(m -> m.getThreadTs()))
            .filter(t -> !t.equals(messageTs));
    return new Clicked(
        payload.getUser().getId(),
        action.getValue(),
        action.getBlockId(),
        channel,
        messageTs,
        thread,
        container != null && container.isEphemeral());
  }

  /** The thread replies about the clicked message go to. */
  String thread() {
    return threadTs.orElse(messageTs);
  }

  /**
   * The Costguard user who clicked; when they are not linked to one, they are told so, alone, and
   * the answer is empty.
   */
  Optional<User> actor(SlackPeople people, SlackWebApi api) {
    Optional<User> actor = people.user(user);
    if (actor.isEmpty()) {
      refuse(api, Refusals.NOT_LINKED);
    }
    return actor;
  }

  /** Tells only the clicker why nothing happened. */
  void refuse(SlackWebApi api, String why) {
    api.ephemeral(channel, user, why, threadTs);
  }
}
