package com.costguard.portal.slack;

import com.costguard.bot.SlackBot;
import com.costguard.bot.SlackTransport;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Serves Slack's HTTP events on {@code /slack/events} through Bolt's servlet, which checks every
 * request's signature and timestamp, and starts Socket Mode when {@code SLACK_APP_TOKEN} is set.
 * Without Slack credentials the path does not exist.
 */
@WebListener
public class SlackEndpoint implements ServletContextListener {

  public static final String PATH = "/slack/events";
  private static final Logger LOG = Logger.getLogger(SlackEndpoint.class.getName());

  @Inject SlackBot bot;
  @Inject SlackTransport transport;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    bot.app()
        .ifPresentOrElse(
            app ->
                event
                    .getServletContext()
                    .addServlet("slack", new SlackAppServlet(app))
                    .addMapping(PATH),
            () -> LOG.info("Slack is off: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set"));
    transport.start();
  }
}
