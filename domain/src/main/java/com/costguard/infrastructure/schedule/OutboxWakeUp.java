package com.costguard.infrastructure.schedule;

import com.costguard.model.alert.DeliveriesQueued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Wakes the outbox dispatcher when a transaction that queued alert deliveries has committed (issue
 * 8: an alert within a second of the spend, p50 under 100 ms), rather than leaving them to its next
 * poll. Observed after success only: before the commit the dispatcher could not see the rows, and a
 * rolled-back alert has nothing to send. The poll stays, for retries, deliveries held back by quiet
 * hours and those another instance queued.
 */
@ApplicationScoped
public class OutboxWakeUp {

  @Inject AlertSchedule schedule;

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
    schedule.wake();
  }
}
