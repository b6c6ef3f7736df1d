package com.costguard.portal.infrastructure;

import com.costguard.infrastructure.startup.ApplicationStartup;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Migrates and bootstraps before the first request (a failure here fails the deployment); stops the
 * schedules when the application stops.
 */
@WebListener
public class StartupListener implements ServletContextListener {

  @Inject ApplicationStartup startup;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    startup.start();
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    startup.stop();
  }
}
