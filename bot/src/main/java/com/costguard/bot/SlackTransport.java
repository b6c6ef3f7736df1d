package com.costguard.bot;

import com.costguard.config.Configuration;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How Slack reaches the bot (SPEC §3): HTTP events on {@code /slack/events} always, which is all a
 * public installation needs; and Socket Mode as well when {@code SLACK_APP_TOKEN} is set, for an
 * installation Slack cannot reach (the bot then dials out to Slack over a WebSocket).
 */
@ApplicationScoped
public class SlackTransport {

  private static final Logger LOG = Logger.getLogger(SlackTransport.class.getName());

  /** Opens a Socket Mode connection for the app; answers what closes it. */
  interface Connector {
    AutoCloseable connect(String appToken, App app) throws Exception;
  }

  @Inject Configuration configuration;
  @Inject SlackBot bot;

  /** Bolt's Socket Mode with the plain-Java WebSocket client; tests put a fake in its place. */
  Connector connector =
      (appToken, app) -> {
        SocketModeApp socketMode =
            new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
        socketMode.startAsync();
        return socketMode::close;
      };

  private AutoCloseable socketMode;

  /** Whether Socket Mode is chosen: Slack is on and an app-level token is set. */
  public static boolean socketMode(Configuration.Slack slack) {
    return slack.enabled() && slack.appToken().isPresent();
  }

  /**
   * Starts Socket Mode when it is chosen; a connection that fails is logged and does not stop the
   * application (HTTP events still work).
   *
   * @return whether Socket Mode was started
   */
  public synchronized boolean start() {
    Configuration.Slack slack = configuration.slack();
    if (!socketMode(slack) || socketMode != null) {
      return socketMode != null;
    }
    Optional<App> app = bot.app();
    if (app.isEmpty()) {
      return false;
    }
    try {
      socketMode = connector.connect(slack.appToken().get(), app.get());
      LOG.info("Slack Socket Mode started");
      return true;
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Slack Socket Mode could not start; HTTP events still work", e);
      return false;
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (socketMode != null) {
      try {
        socketMode.close();
      } catch (Exception e) {
        LOG.log(Level.FINE, "closing Socket Mode", e);
      }
      socketMode = null;
    }
  }
}
