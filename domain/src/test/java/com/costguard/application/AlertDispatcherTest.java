package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.costguard.alerting.AlertChannel;
import com.costguard.alerting.AlertKind;
import com.costguard.alerting.AlertNotice;
import com.costguard.alerting.Channel;
import com.costguard.alerting.DeliveryState;
import com.costguard.config.Configuration;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.model.alert.NewAlert;
import com.costguard.model.alert.NewDelivery;
import com.costguard.model.budget.Budget;
import com.costguard.model.budget.BudgetDefinition;
import com.costguard.model.job.Job;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox dispatcher with a fake channel that fails on demand and a clock moved by hand. */
class AlertDispatcherTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private final MovableClock clock = new MovableClock(NOW);
  private final InMemoryBudgetRepository budgets = new InMemoryBudgetRepository();
  private final InMemoryAlertRepository alerts =
      new InMemoryAlertRepository(budgets, Configuration.from(Map.of()));
  private final FakeChannel email = new FakeChannel(Channel.EMAIL);
  private final FakeChannel inApp = new FakeChannel(Channel.IN_APP);
  private final AlertDispatcher dispatcher = new AlertDispatcher();
  private final BudgetService budgetService =
      Alerting.wired(budgets, new InMemoryCostEventRepository(), clock).budgetService;

  /** A channel that records what it sends and fails while {@link #down} is true. */
  static final class FakeChannel implements AlertChannel {
    final Channel channel;
    final List<AlertNotice> sent = new ArrayList<>();
    boolean down;
    int attempts;
    Optional<Duration> retryAfter = Optional.empty();

    FakeChannel(Channel channel) {
      this.channel = channel;
    }

    @Override
    public Channel channel() {
      return channel;
    }

    @Override
    public void send(AlertNotice notice) throws DeliveryFailure {
      attempts++;
      if (down) {
        throw new DeliveryFailure("connection refused", retryAfter);
      }
      sent.add(notice);
    }
  }

  @BeforeEach
  void wire() {
    Outbox outbox = new Outbox();
    outbox.alerts = alerts;
    dispatcher.outbox = outbox;
    dispatcher.clock = clock;
    dispatcher.budgets = budgetService;
    Map<Channel, AlertChannel> channels = new EnumMap<>(Channel.class);
    channels.put(Channel.EMAIL, email);
    channels.put(Channel.IN_APP, inApp);
    dispatcher.channels = channels;
    budgets.add(
        new Budget(
            new BudgetDefinition(
                "Acme",
                "calendar_month",
                new BigDecimal("500"),
                List.of(80),
                true,
                BudgetScope.wholeOrganisation(),
                false,
                false,
                Optional.empty(),
                Optional.empty()),
            NOW));
    alerts.fire(
        new NewAlert(
            AlertKind.THRESHOLD,
            1,
            80,
            Instant.parse("2026-11-01T00:00:00Z"),
            NOW,
            new BigDecimal("400"),
            new BigDecimal("500")),
        List.of(
            new NewDelivery(Channel.EMAIL, List.of("a@example.com")),
            NewDelivery.of(Channel.IN_APP)));
  }

  private InMemoryAlertRepository.StoredDelivery delivery(Channel channel) {
    return alerts.deliveries.stream()
        .filter(d -> d.delivery.channel() == channel)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void slackIsSentFirstAndEmailLastWhateverOrderTheyWereQueuedIn() {
    List<Channel> order = new ArrayList<>();
    for (Channel c : List.of(Channel.EMAIL, Channel.IN_APP, Channel.SLACK)) {
      dispatcher.channels.put(
          c,
          new AlertChannel() {
            @Override
            public Channel channel() {
              return c;
            }

            @Override
            public void send(AlertNotice notice) {
              order.add(c);
            }
          });
    }
    alerts.fire(
        new NewAlert(
            AlertKind.THRESHOLD,
            1,
            90,
            Instant.parse("2026-11-01T00:00:00Z"),
            NOW,
            new BigDecimal("450"),
            new BigDecimal("500")),
        List.of(NewDelivery.of(Channel.SLACK)));

    assertThat(dispatcher.dispatchDue()).isEqualTo(3);

    // The e-mail and in-app deliveries of the first alert were queued before the Slack one.
    assertThat(order).containsExactly(Channel.SLACK, Channel.IN_APP, Channel.EMAIL);
  }

  @Test
  void eachDeliveryIsSentOnceAndMarkedDelivered() {
    assertThat(dispatcher.dispatchDue()).isEqualTo(2);
    assertThat(dispatcher.dispatchDue()).isZero();
    clock.advance(Duration.ofHours(1));
    assertThat(dispatcher.dispatchDue()).isZero();

    assertThat(email.sent)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.reason())
                  .isEqualTo("You've used 80% of the monthly budget ($400.00 of $500.00)");
              assertThat(n.recipients()).containsExactly("a@example.com");
            });
    assertThat(inApp.sent).hasSize(1);
    assertThat(delivery(Channel.EMAIL).state).isEqualTo(DeliveryState.DELIVERED);
    assertThat(delivery(Channel.EMAIL).attempts).isEqualTo(1);
    assertThat(delivery(Channel.EMAIL).deliveredAt).isEqualTo(NOW.plus(Duration.ZERO));
  }

  @Test
  void aFailingChannelIsRetriedWithDoublingBackOffThenDeliveredOnce() {
    email.down = true;
    List<Duration> waits = new ArrayList<>();

    dispatcher.dispatchDue(); // attempt 1 fails; in-app is delivered
    for (int attempt = 2; attempt <= 5; attempt++) {
      Instant due = delivery(Channel.EMAIL).nextAttemptAt;
      waits.add(Duration.between(clock.instant(), due));
      clock.set(due.minusMillis(1));
      assertThat(dispatcher.dispatchDue()).as("not due yet").isZero();
      clock.set(due);
      assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    }

    assertThat(waits).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L);
    assertThat(delivery(Channel.EMAIL).state).isEqualTo(DeliveryState.PENDING);
    assertThat(delivery(Channel.EMAIL).attempts).isEqualTo(5);
    assertThat(delivery(Channel.EMAIL).lastError).isEqualTo("connection refused");

    email.down = false;
    clock.set(delivery(Channel.EMAIL).nextAttemptAt);
    dispatcher.dispatchDue();
    clock.advance(Duration.ofHours(2));
    dispatcher.dispatchDue();

    assertThat(email.sent).hasSize(1);
    assertThat(email.attempts).isEqualTo(6);
    assertThat(delivery(Channel.EMAIL).state).isEqualTo(DeliveryState.DELIVERED);
    assertThat(delivery(Channel.EMAIL).attempts).isEqualTo(6);
    assertThat(inApp.sent).hasSize(1);
  }

  @Test
  void aChannelAskingToWaitLongerThanTheBackOffIsNotCalledSooner() {
    email.down = true;
    email.retryAfter = Optional.of(Duration.ofSeconds(30)); // Slack's Retry-After: 30

    dispatcher.dispatchDue();
    assertThat(Duration.between(NOW, delivery(Channel.EMAIL).nextAttemptAt)).hasSeconds(30);

    // a shorter wait than the back-off's does not make it sooner
    email.retryAfter = Optional.of(Duration.ofMillis(10));
    clock.set(delivery(Channel.EMAIL).nextAttemptAt);
    dispatcher.dispatchDue();
    assertThat(Duration.between(clock.instant(), delivery(Channel.EMAIL).nextAttemptAt))
        .hasSeconds(2);
  }

  @Test
  void afterTheLastAttemptTheDeliveryFailsForGoodAndIsNotRetried() {
    email.down = true;
    for (int i = 0; i < 100 && delivery(Channel.EMAIL).state == DeliveryState.PENDING; i++) {
      clock.set(delivery(Channel.EMAIL).nextAttemptAt);
      dispatcher.dispatchDue();
    }

    assertThat(delivery(Channel.EMAIL).state).isEqualTo(DeliveryState.FAILED);
    assertThat(delivery(Channel.EMAIL).attempts).isEqualTo(dispatcher.retries.maxAttempts());
    email.down = false;
    clock.advance(Duration.ofDays(1));
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(email.sent).isEmpty();
  }

  @Test
  void aClaimHeldByAnotherDispatcherIsSkippedUntilItsLeaseRunsOut() {
    // Another instance claimed both and died before sending.
    assertThat(alerts.claim(NOW, NOW.plus(AlertDispatcher.LEASE), "other", 10)).hasSize(2);

    assertThat(dispatcher.dispatchDue()).isZero();
    clock.advance(AlertDispatcher.LEASE);
    assertThat(dispatcher.dispatchDue()).isEqualTo(2);

    assertThat(email.sent).hasSize(1);
    // The dead instance's claim can no longer record anything.
    assertThat(alerts.delivered(delivery(Channel.EMAIL).id, "other", NOW)).isFalse();
  }

  @Test
  void aDeliveryClaimedByAnotherWhileTheBatchWasSentIsLeftToIt() {
    // The first send of the batch outlasts the lease; meanwhile another dispatcher claims what
    // this one had claimed and not sent yet.
    AlertChannel slow =
        new AlertChannel() {
          @Override
          public Channel channel() {
            return Channel.EMAIL;
          }

          @Override
          public void send(AlertNotice notice) {
            clock.advance(AlertDispatcher.LEASE.plusSeconds(1));
            alerts.claim(clock.instant(), clock.instant().plus(AlertDispatcher.LEASE), "other", 10);
            email.sent.add(notice);
          }
        };
    dispatcher.channels = new EnumMap<>(Map.of(Channel.EMAIL, slow, Channel.IN_APP, slow));

    assertThat(dispatcher.dispatchDue()).isEqualTo(2);

    // One was sent; the other, whose claim renewal failed, was not: it is the other's to send.
    assertThat(email.sent).hasSize(1);
    assertThat(alerts.deliveries).extracting(d -> d.claimToken).containsOnly("other");
  }

  @Test
  void aChannelThatIsNotConfiguredCountsAsAFailedAttempt() {
    dispatcher.channels = new EnumMap<>(Map.of(Channel.IN_APP, inApp));

    dispatcher.dispatchDue();

    assertThat(delivery(Channel.EMAIL).state).isEqualTo(DeliveryState.PENDING);
    assertThat(delivery(Channel.EMAIL).lastError).isEqualTo("no email channel is configured");
  }

  @Test
  void anEmailListsTheBudgetsActiveJobsMostExpensiveFirstAndInAppNone() {
    RecordedJobs recorded = new RecordedJobs(clock);
    budgetService.jobs = recorded.repository;
    Job later = recorded.report(recorded.create("Acme"), "10:00 started");
    Job earlier = recorded.report(recorded.create("Acme"), "08:00 started");
    recorded.report(recorded.create("Acme"), "08:00 started; 09:00 completed");

    dispatcher.dispatchDue();

    List<AlertNotice.ActiveJob> listed = email.sent.get(0).activeJobs();
    assertThat(listed)
        .extracting(AlertNotice.ActiveJob::jobId, AlertNotice.ActiveJob::createdBy)
        .containsExactly(tuple(earlier.id(), "alice"), tuple(later.id(), "alice"));
    assertThat(listed.get(0).currentCost()).isGreaterThan(listed.get(1).currentCost());
    assertThat(inApp.sent.get(0).activeJobs()).isEmpty();
  }
}
