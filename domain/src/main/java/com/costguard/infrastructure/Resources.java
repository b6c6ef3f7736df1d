package com.costguard.infrastructure;

import com.costguard.alerting.RetryPolicy;
import com.costguard.config.Configuration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The configuration (read once) and the clock, for injection everywhere. */
@ApplicationScoped
public class Resources {

  /** JNDI name of the datasource the WAR defines from {@code COSTGUARD_DB_URL}. */
  public static final String DATASOURCE = "java:app/jdbc/costguard";

  /**
   * JNDI name of the executor for reads that run next to a request's own ({@code SpendingService}),
   * which the WAR defines. Its tasks carry the class loader only, none of the request's context:
   * sharing the request's component invocation, a task's end closed the request's own
   * non-transactional EntityManager. So they read by plain JDBC only.
   */
  public static final String READS = "java:app/concurrent/reads";

  /** JNDI name of the context service that propagates the class loader only, for {@link #READS}. */
  public static final String CLASS_LOADER_ONLY = "java:app/concurrent/class-loader-only";

  private static final Configuration CONFIGURATION = Configuration.fromEnvironment();

  @Produces
  @Singleton
  Configuration configuration() {
    return CONFIGURATION;
  }

  /** How the outbox retries a failed alert delivery ({@code COSTGUARD_DELIVERY_*}). */
  @Produces
  @Singleton
  RetryPolicy deliveryRetries() {
    Configuration.Delivery delivery = CONFIGURATION.delivery();
    return new RetryPolicy(delivery.firstRetry(), delivery.maxRetry(), delivery.maxAttempts());
  }

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
