package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.alerting.AlertKind;
import com.costguard.alerting.Channel;
import com.costguard.config.Configuration;
import com.costguard.model.alert.NewDelivery;
import com.costguard.model.user.Role;
import com.costguard.model.user.User;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Estimate alerts fire in the event's transaction, each threshold once per job. The job of {@link
 * JobServiceTest#a100}: $1.20/h, estimate $10–14, so 80% is at $8.00 (6 h 40 min), 100% at $14.00
 * (11 h 40 min) and 120% at $16.80 (14 h).
 */
class JobEstimateAlertsTest {

  private static final User ALICE =
      new User(
          "alice", "alice@example.com", "Alice", EnumSet.of(Role.ENGINEER), null, Instant.EPOCH);

  private final MovableClock clock = new MovableClock(JobServiceTest.at("00:00"));
  private final InMemoryJobRepository jobs = new InMemoryJobRepository();
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final JobService service = new JobService();
  private InMemoryAlertRepository stored;

  @BeforeEach
  void wire() {
    users.add(ALICE);
    JobWriter writer = new JobWriter();
    writer.jobs = jobs;
    writer.clock = clock;
    writer.audit = new AuditLog();
    writer.audit.log = new InMemoryAuditRepository();
    writer.audit.clock = clock;
    BudgetAlerts alerts =
        Alerting.wired(new InMemoryBudgetRepository(), new InMemoryCostEventRepository(), clock);
    stored = (InMemoryAlertRepository) alerts.alerts;
    writer.alerts = alerts;
    writer.estimateAlerts = Alerting.estimates(alerts, users, clock);
    service.alerts = alerts;
    service.jobs = jobs;
    service.writer = writer;
    service.batches = Alerting.batches(jobs, writer, service.alerts);
    service.runners = request -> {};
    service.clock = clock;
  }

  private void reportAt(long jobId, String time, String key) {
    clock.set(JobServiceTest.at(time));
    service.record(ALICE, jobId, JobServiceTest.progress(time, 1, null, key));
  }

  private List<Integer> fired() {
    return stored.jobAlerts.stream().map(a -> a.alert().threshold()).toList();
  }

  @Test
  void eachThresholdFiresOnceByTheEventWhoseCostCrossesIt() {
    long id = service.create(ALICE, JobServiceTest.a100("a100-1")).id();
    service.record(ALICE, id, JobServiceTest.event("started", "00:00", "s"));
    reportAt(id, "06:39", "p1");
    assertThat(fired()).isEmpty();

    reportAt(id, "06:40", "p2");
    assertThat(fired()).containsExactly(80);
    var eighty = stored.jobAlerts.get(0).alert();
    assertThat(eighty.kind()).isEqualTo(AlertKind.ESTIMATE);
    assertThat(eighty.jobId()).isEqualTo(id);
    assertThat(eighty.cost()).isEqualByComparingTo("8.00");
    assertThat(eighty.reference()).isEqualByComparingTo("8.0");
    assertThat(eighty.firedAt()).isEqualTo(JobServiceTest.at("06:40"));

    reportAt(id, "09:00", "p3");
    reportAt(id, "11:39", "p4");
    assertThat(fired()).containsExactly(80);

    reportAt(id, "11:40", "p5");
    assertThat(fired()).containsExactly(80, 100);

    reportAt(id, "14:00", "p6");
    reportAt(id, "20:00", "p7");
    assertThat(fired()).containsExactly(80, 100, 120);
  }

  @Test
  void aLateFirstEventFiresEveryThresholdItsCostHasPassedAtOnce() {
    long id = service.create(ALICE, JobServiceTest.a100("a100-1")).id();
    clock.set(JobServiceTest.at("15:00"));
    service.record(ALICE, id, JobServiceTest.event("started", "00:00", "s"));
    assertThat(fired()).containsExactlyInAnyOrder(80, 100, 120);
  }

  @Test
  void aDuplicateEventFiresNothingNew() {
    long id = service.create(ALICE, JobServiceTest.a100("a100-1")).id();
    service.record(ALICE, id, JobServiceTest.event("started", "00:00", "s"));
    reportAt(id, "07:00", "p1");
    reportAt(id, "07:30", "p1");
    assertThat(fired()).containsExactly(80);
  }

  @Test
  void deliveriesGoToTheCreatorsAddressInAppAndSlackWhenEachIsOn() {
    Configuration off = Configuration.from(Map.of());
    assertThat(JobEstimateAlerts.deliveries(Optional.of(ALICE), off))
        .extracting(NewDelivery::channel)
        .containsExactly(Channel.IN_APP);

    Configuration on =
        Configuration.from(
            Map.of(
                "COSTGUARD_SMTP_HOST", "smtp.example",
                "SLACK_BOT_TOKEN", "xoxb-test",
                "SLACK_SIGNING_SECRET", "secret"));
    List<NewDelivery> all = JobEstimateAlerts.deliveries(Optional.of(ALICE), on);
    assertThat(all)
        .extracting(NewDelivery::channel)
        .containsExactly(Channel.EMAIL, Channel.IN_APP, Channel.SLACK);
    assertThat(all.get(0).recipients()).containsExactly("alice@example.com");

    // A creator the runner named who is no user: no address to write to.
    assertThat(JobEstimateAlerts.deliveries(Optional.empty(), on))
        .extracting(NewDelivery::channel)
        .containsExactly(Channel.IN_APP, Channel.SLACK);
  }

  @Test
  void aJobThatStaysBelowEightyPercentOfItsMinimumFiresNothing() {
    long id = service.create(ALICE, JobServiceTest.a100("a100-1")).id();
    service.record(ALICE, id, JobServiceTest.event("started", "00:00", "s"));
    reportAt(id, "05:00", "p1");
    clock.set(JobServiceTest.at("06:00"));
    service.record(ALICE, id, JobServiceTest.event("completed", "06:00", "c"));
    assertThat(fired()).isEmpty();
  }
}
