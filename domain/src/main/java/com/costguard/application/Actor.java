package com.costguard.application;

import com.costguard.model.audit.Channel;
import com.costguard.model.user.User;
import java.util.Objects;

/**
 * Who asks for a change, and through which face: the user the services authorise, and the channel
 * the audit log records ({@code via}).
 */
public record Actor(User user, Channel channel) {

  public Actor {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(channel, "channel");
    if (channel == Channel.SYSTEM) {
      throw new IllegalArgumentException("a person acts through the portal, Slack or the API");
    }
  }

  /** A call of the REST API with {@code user}'s token. */
  public static Actor api(User user) {
    return new Actor(user, Channel.API);
  }

  public static Actor portal(User user) {
    return new Actor(user, Channel.PORTAL);
  }

  public static Actor slack(User user) {
    return new Actor(user, Channel.SLACK);
  }

  public String username() {
    return user.username();
  }
}
