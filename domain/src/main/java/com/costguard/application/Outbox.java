package com.costguard.application;

import com.costguard.model.alert.AlertRepository;
import com.costguard.model.alert.ClaimedDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's short transactions, one per step, so that no transaction stays open while a channel
 * sends: claim due deliveries, then record each attempt.
 */
@ApplicationScoped
public class Outbox {

  @Inject AlertRepository alerts;

  @Transactional
  public List<ClaimedDelivery> claim(Instant now, Instant leaseUntil, String token, int max) {
    return alerts.claim(now, leaseUntil, token, max);
  }

  @Transactional
  public boolean renew(ClaimedDelivery delivery, Instant leaseUntil) {
    return alerts.renew(delivery.id(), delivery.claimToken(), leaseUntil);
  }

  @Transactional
  public boolean delivered(ClaimedDelivery delivery, Instant at) {
    return alerts.delivered(delivery.id(), delivery.claimToken(), at);
  }

  @Transactional
  public boolean attemptFailed(
      ClaimedDelivery delivery, Instant at, String error, Optional<Instant> nextAttemptAt) {
    return alerts.attemptFailed(delivery.id(), delivery.claimToken(), at, error, nextAttemptAt);
  }
}
