package com.costguard.infrastructure.startup;

import com.costguard.application.DemoData;
import com.costguard.application.UserService;
import com.costguard.config.Configuration;
import com.costguard.infrastructure.Resources;
import com.costguard.model.user.Secrets;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Runs once as the application starts, before it takes requests: migrates the schema, makes sure
 * the bootstrap admin and API token exist, and loads the demo data when asked to.
 */
@ApplicationScoped
public class ApplicationStartup {

  private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

  @Resource(lookup = Resources.DATASOURCE)
  DataSource dataSource;

  @Inject Configuration configuration;
  @Inject UserService users;
  @Inject DemoData demoData;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    LOG.info(() -> "Starting with " + configuration);
    var migration =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info(() -> "Database schema at version " + migration.targetSchemaVersion);

    String password = configuration.adminPassword().orElseGet(() -> Secrets.generate("", 15));
    if (users.ensureAdmin(password) && configuration.adminPassword().isEmpty()) {
      // Shown once, on the console only, like any generated initial secret.
      System.out.println("Costguard: generated password of user 'admin': " + password);
    }
    configuration
        .apiToken()
        .ifPresent(token -> users.ensureToken(UserService.ADMIN, token, "bootstrap"));

    if (configuration.demo()) {
      int loaded = demoData.loadIfMissing();
      LOG.info(() -> "Demo data: " + loaded + " cost events loaded");
    }
  }
}
