package com.costguard.infrastructure.startup;

import com.costguard.application.DemoData;
import com.costguard.application.DemoJobs;
import com.costguard.application.UserService;
import com.costguard.config.Configuration;
import com.costguard.infrastructure.schedule.AlertSchedule;
import com.costguard.infrastructure.schedule.DemoProgressSchedule;
import com.costguard.infrastructure.schedule.JobDaysBackfill;
import com.costguard.infrastructure.schedule.JobSnapshotSchedule;
import com.costguard.model.user.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Runs once as the application starts, before it takes requests: migrates the schema, makes sure
 * the bootstrap admin and API token exist, loads the demo data when asked to, and starts the
 * schedules (job cost snapshots, alert delivery and the budget sweep). The WAR calls {@link
 * #start()} from a servlet context listener: by then the application's resources are bound (a CDI
 * initialisation observer runs before), and no container transaction is open. Flyway uses a plain
 * connection of its own; the services open their own transactions.
 */
@ApplicationScoped
public class ApplicationStartup {

  private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

  @Inject Configuration configuration;
  @Inject UserService users;
  @Inject DemoData demoData;
  @Inject DemoJobs demoJobs;
  @Inject DemoProgressSchedule demoProgress;
  @Inject JobSnapshotSchedule jobSnapshots;
  @Inject JobDaysBackfill jobDays;
  @Inject AlertSchedule alerts;

  public void start() {
    LOG.info(() -> "Starting with " + configuration);
    // Flyway's plain connection to the database, for the schema and the bootstrap lock.
    FluentConfiguration database =
        Flyway.configure()
            .dataSource(
                configuration
                    .dbUrl()
                    .orElseThrow(() -> new IllegalStateException("COSTGUARD_DB_URL is not set")),
                configuration.dbUser().orElse("root"),
                configuration.dbPassword().orElse(""))
            .locations("classpath:db/migration");
    var migration = database.load().migrate();
    LOG.info(() -> "Database schema at version " + migration.targetSchemaVersion);

    // One starting instance at a time past this point: the bootstrap writes are not idempotent
    // under a race (two instances would both create the admin).
    try (BootstrapLock once =
        BootstrapLock.acquire(database.getDataSource(), Duration.ofMinutes(10))) {
      String password = configuration.adminPassword().orElseGet(() -> Secrets.generate("", 15));
      if (users.ensureAdmin(password) && configuration.adminPassword().isEmpty()) {
        // Shown once, on the console only, like any generated initial secret.
        System.out.println("Costguard: generated password of user 'admin': " + password);
      }
      if (configuration.apiToken().isPresent()) {
        users.ensureToken(UserService.ADMIN, configuration.apiToken().get(), "bootstrap");
      } else {
        users
            .firstToken(UserService.ADMIN, "bootstrap")
            .ifPresent(t -> System.out.println("Costguard: generated API token of 'admin': " + t));
      }

      if (configuration.demo()) {
        int loaded = demoData.loadIfMissing();
        LOG.info(() -> "Demo data: " + loaded + " cost events loaded");
        int jobs = demoJobs.loadIfMissing();
        LOG.info(() -> "Demo data: " + jobs + " jobs, their budgets and increase requests loaded");
        demoProgress.start();
      }
      jobDays.start();

    } catch (SQLException e) {
      throw new IllegalStateException("could not take or release the bootstrap lock", e);
    }

    jobSnapshots.start();
    alerts.start();
  }

  /** Stops the schedules as the application stops. */
  public void stop() {
    demoProgress.stop();
    jobDays.stop();
    jobSnapshots.stop();
    alerts.stop();
  }
}
