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
 * schedules when the application stops. It also defines the executor of the reads that run next to
 * a request's own ({@link Resources#READS}).
 */
@WebListener
@ContextServiceDefinition(
    name = Resources.CLASS_LOADER_ONLY,
    propagated = "CLASSLOADING", // Payara's name for the class loader alone (CDI needs it)
    cleared = ContextServiceDefinition.ALL_REMAINING)
@ManagedExecutorDefinition(
    name = Resources.READS,
    context = Resources.CLASS_LOADER_ONLY,
    maxAsync = 4)
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
