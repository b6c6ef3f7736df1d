package com.costguard.application;

import com.costguard.alerting.AlertKind;
import com.costguard.alerting.Channel;
import com.costguard.config.Configuration;
import com.costguard.cost.job.EstimateThreshold;
import com.costguard.model.alert.AlertRepository;
import com.costguard.model.alert.NewDelivery;
import com.costguard.model.alert.NewJobAlert;
import com.costguard.model.job.Job;
import com.costguard.model.user.User;
import com.costguard.model.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A job's estimate alerts (SPEC §2: 80% of the estimate's min, 100% and 120% of its max), each once
 * per job. They fire in the transaction that accepts the event whose cost crosses them, with the
 * job's row locked by that transaction, so events of one job take turns; a unique key on (job,
 * kind, threshold) in the database has the last word, as for budget alerts.
 */
@ApplicationScoped
public class JobEstimateAlerts {

  @Inject AlertRepository alerts;
  @Inject UserRepository users;
  @Inject Configuration configuration;
  @Inject Clock clock;

  /**
   * Fires the estimate thresholds {@code currentCost} has reached and that have not fired for the
   * job yet, in the caller's transaction (which holds the job's row).
   *
   * @return the percents that fired
   */
  public List<Integer> evaluate(Job job, BigDecimal currentCost) {
    Set<EstimateThreshold> crossed =
        EstimateThreshold.crossedBy(currentCost, job.estimateMin(), job.estimateMax());
    if (crossed.isEmpty()) {
      // Most events of a job come before its cost nears the estimate: no query for them.
      return List.of();
    }
    Set<Integer> standing = alerts.standingForJob(job.id(), AlertKind.ESTIMATE);
    Instant now = clock.instant();
    List<Integer> fired = new ArrayList<>();
    for (EstimateThreshold threshold : crossed) {
      if (standing.contains(threshold.percent())) {
        continue;
      }
      NewJobAlert alert =
          new NewJobAlert(
              AlertKind.ESTIMATE,
              job.id(),
              threshold.percent(),
              job.createdAt(),
              now,
              currentCost,
              threshold.limit(job.estimateMin(), job.estimateMax()));
      if (alerts.fire(alert, deliveries(users.byUsername(job.createdBy()), configuration))) {
        fired.add(threshold.percent());
      }
    }
    return fired;
  }

  /**
   * Where a job alert goes (SPEC §3: to the job's creator): e-mail to the creator when SMTP is on
   * and the creator is a user with an address; in-app always; Slack when Slack is on (the Slack
   * side sends it to the creator by DM when mapped, else to the alert channel).
   */
  static List<NewDelivery> deliveries(Optional<User> creator, Configuration configuration) {
    List<NewDelivery> deliveries = new ArrayList<>();
    Optional<String> email =
        creator.map(User::email).filter(e -> e != null && !e.isBlank()).map(String::strip);
    if (configuration.smtp().isPresent() && email.isPresent()) {
      deliveries.add(new NewDelivery(Channel.EMAIL, List.of(email.get())));
    }
    deliveries.add(NewDelivery.of(Channel.IN_APP));
    if (configuration.slack().enabled()) {
      deliveries.add(NewDelivery.of(Channel.SLACK));
    }
    return deliveries;
  }
}
