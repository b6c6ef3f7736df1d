package com.costguard.portal.infrastructure;

import com.costguard.infrastructure.Resources;
import com.costguard.infrastructure.startup.ApplicationStartup;
import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Migrates and bootstraps before the first request (a failure here fails the deployment); stops the
 * schedules when the application stops.
 */
@WebListener
@ContextServiceDefinition(
    name = Resources.NO_CONTEXT,
    propagated = "CLASSLOADING", // Payara's name for the class loader alone (CDI needs it)
    cleared = ContextServiceDefinition.ALL_REMAINING)
@ManagedExecutorDefinition(name = Resources.READS, context = Resources.NO_CONTEXT, maxAsync = 4)
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
