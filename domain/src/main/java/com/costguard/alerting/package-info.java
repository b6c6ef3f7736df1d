/**
 * Alerting without a container: what an alert is ({@link com.costguard.alerting.AlertKind}), which
 * thresholds fire or re-arm ({@link com.costguard.alerting.ThresholdCheck}), which period an alert
 * belongs to ({@link com.costguard.alerting.AlertPeriod}), how often a failed delivery is retried
 * ({@link com.costguard.alerting.RetryPolicy}), what an alert says ({@link
 * com.costguard.alerting.AlertNotice}, {@link com.costguard.alerting.AlertEmail}) and the port
 * every delivery channel implements ({@link com.costguard.alerting.AlertChannel}).
 *
 * <p>Pure Java like the cost engine: no jakarta.* imports, no I/O, no clock. Storing alerts exactly
 * once and dispatching them are the application's ({@code BudgetAlerts}, {@code AlertDispatcher});
 * the channels themselves are infrastructure.
 */
package com.costguard.alerting;
