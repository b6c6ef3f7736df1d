package com.costguard.model.alert;

/**
 * Fired (as a CDI event) when a transaction queues alert deliveries in the outbox; observed once
 * that transaction has committed, so that the dispatcher sends them at once instead of at its next
 * poll.
 */
public record DeliveriesQueued(long alertId) {}
