package com.costguard.application;

import com.costguard.config.Configuration;
import com.costguard.model.job.JobRepository;
import com.costguard.model.user.UserRepository;
import java.time.Clock;
import java.util.Map;

/** Budgets and their alerting wired together over in-memory repositories, for service tests. */
final class Alerting {

  private Alerting() {}

  static BudgetAlerts wired(
      InMemoryBudgetRepository budgets, InMemoryCostEventRepository events, Clock clock) {
    return wired(budgets, events, clock, Configuration.from(Map.of()));
  }

  static BudgetAlerts wired(
      InMemoryBudgetRepository budgets,
      InMemoryCostEventRepository events,
      Clock clock,
      Configuration configuration) {
    BudgetService service = new BudgetService();
    BudgetAlerts alerts = new BudgetAlerts();
    service.budgets = budgets;
    service.costEvents = events;
    service.users = new InMemoryUserRepository();
    service.configuration = configuration;
    service.clock = clock;
    service.alerts = alerts;
    service.jobs = new InMemoryJobRepository();
    service.audit = new AuditLog();
    service.audit.log = new InMemoryAuditRepository();
    service.audit.clock = clock;
    alerts.budgets = budgets;
    alerts.budgetService = service;
    alerts.configuration = configuration;
    alerts.clock = clock;
    alerts.alerts = new InMemoryAlertRepository(budgets, configuration);
    return alerts;
  }

  /** Job estimate alerts sharing the alert store and configuration of {@code wired}. */
  static JobEstimateAlerts estimates(BudgetAlerts wired, UserRepository users, Clock clock) {
    JobEstimateAlerts estimates = new JobEstimateAlerts();
    estimates.alerts = wired.alerts;
    estimates.configuration = wired.configuration;
    estimates.users = users;
    estimates.clock = clock;
    return estimates;
  }

  /** Job events written as the application writes them, in batches of what arrives together. */
  static JobEventBatches batches(JobRepository jobs, JobWriter writer, BudgetAlerts alerts) {
    JobEventBatches batches = new JobEventBatches();
    batches.jobs = jobs;
    batches.writer = writer;
    batches.alerts = alerts;
    return batches;
  }
}
