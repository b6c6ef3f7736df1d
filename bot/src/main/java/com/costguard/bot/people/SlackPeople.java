package com.costguard.bot.people;

import com.costguard.application.UserService;
import com.costguard.bot.SlackBot;
import com.costguard.bot.messages.Slack;
import com.costguard.bot.slack.SlackCallFailed;
import com.costguard.model.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Who is who between Slack and Costguard (SPEC §3): a Costguard user is a Slack user when an ADMIN
 * mapped them by id ({@code slackUserId}), else when Slack knows the same e-mail ({@code
 * users.lookupByEmail} one way, {@code users.info} the other). A Slack user who maps to no one may
 * read but not act.
 */
@ApplicationScoped
public class SlackPeople {

  private static final Logger LOG = Logger.getLogger(SlackPeople.class.getName());

  @Inject UserService users;
  @Inject SlackBot bot;

  /** The Costguard user behind a Slack user, if any. */
  public Optional<User> user(String slackUserId) {
    Optional<User> mapped = users.bySlackUserId(slackUserId);
    if (mapped.isPresent()) {
      return mapped;
    }
    try {
      return bot.api()
          .flatMap(api -> api.emailOf(slackUserId))
          .flatMap(users::byEmail)
          // Someone mapped by id to another Slack user is that user, whatever e-mail they share.
          .filter(u -> u.slackUserId().isEmpty());
    } catch (SlackCallFailed e) {
      LOG.warning(() -> "Could not look up Slack user " + slackUserId + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The Slack user id of a Costguard user, if they are known in Slack. */
  public Optional<String> slackId(String username) {
    Optional<User> user = users.byUsername(username);
    if (user.isEmpty()) {
      return Optional.empty();
    }
    if (user.get().slackUserId().isPresent()) {
      return user.get().slackUserId();
    }
    try {
      return bot.api().flatMap(api -> api.userIdByEmail(user.get().email()));
    } catch (SlackCallFailed e) {
      LOG.warning(() -> "Could not look up " + username + " in Slack: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** A user as a message names them: a mention when Slack knows them, else their name. */
  public String mention(String username) {
    return slackId(username)
        .map(Slack::mention)
        .orElseGet(
            () ->
                "*"
                    + Slack.escape(users.byUsername(username).map(User::name).orElse(username))
                    + "*");
  }
}
