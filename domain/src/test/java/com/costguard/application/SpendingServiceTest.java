package com.costguard.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.config.Configuration;
import com.costguard.model.costevent.Attribution;
import com.costguard.model.costevent.CostEvent;
import com.costguard.model.costevent.NewCostEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpendingServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private final InMemoryCostEventRepository repository = new InMemoryCostEventRepository();
  private final SpendingService spending = new SpendingService();
  private final MovableClock clock = new MovableClock(NOW);
  private final RecordedJobs jobs = new RecordedJobs(clock);

  @BeforeEach
  void wire() {
    spending.events = repository;
    spending.jobs = jobs.repository;
    spending.configuration = Configuration.from(Map.of("COSTGUARD_TIMEZONE", "Europe/Berlin"));
    spending.clock = clock;
    spending.executor = Runnable::run;
  }

  private void stored(String at, String amount, String client, String listCost) {
    NewCostEvent event =
        new NewCostEvent(
            "k" + repository.stored.size(),
            Instant.parse(at),
            "llm",
            Optional.of(new BigDecimal(amount)),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            new Attribution(
                Optional.ofNullable(client),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            Optional.ofNullable(listCost).map(BigDecimal::new),
            Optional.empty(),
            Optional.empty());
    repository.add(new CostEvent(event, new BigDecimal(amount), "USD", NOW));
  }

  @Test
  void thisMonthIsTheCalendarMonthInTheInstallationsZoneGroupedByClientAndDay() {
    stored("2026-10-31T22:59:59Z", "100", "Acme", null); // 23:59:59 on Oct 31 in Berlin
    stored("2026-10-31T23:00:00Z", "1.25", "Acme", "2.00"); // 00:00 on Nov 1 in Berlin
    stored("2026-11-22T23:30:00Z", "3.50", null, null); // 00:30 on Nov 23 in Berlin
    stored("2026-11-23T09:00:00Z", "0.25", "Globex", "0.10"); // list below amount: no saving

    SpendingSummary month = spending.thisMonth();

    assertThat(month.from()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    assertThat(month.total()).isEqualByComparingTo("5.00");
    assertThat(month.events()).isEqualTo(3);
    assertThat(month.jobs()).isEqualTo(SpendingSummary.Group.EMPTY);
    assertThat(month.byStatus()).isEmpty();
    assertThat(month.reuseSavings()).isEqualByComparingTo("0.75");
    assertThat(month.byClient())
        .containsExactly(
            Map.entry(SpendingSummary.NONE, new SpendingSummary.Group(new BigDecimal("3.50"), 1)),
            Map.entry("Acme", new SpendingSummary.Group(new BigDecimal("1.25"), 1)),
            Map.entry("Globex", new SpendingSummary.Group(new BigDecimal("0.25"), 1)));
    assertThat(month.byDay())
        .extracting(SpendingSummary.Day::date)
        .containsExactly(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 23));
  }

  /**
   * Monday 2 and Tuesday 3 March 2026 in Berlin (UTC+1): [1 March 23:00Z, 3 March 23:00Z), looked
   * at on Tuesday at 12:00Z. Each job an A100 at $1.20/h.
   */
  @Test
  void jobsCountWhatTheyAccruedInTheRangeByAttributionStatusAndDay() {
    clock.set(RecordedJobs.at("+1 12:00"));
    // 21:00Z-01:00Z: the 2 h before the range are not in it; 2.40 on Monday
    jobs.report(jobs.create("Acme"), "-1 21:00 started; 01:00 completed");
    // since Monday 22:00Z: 1 h (1.20) on Monday, 13 h (15.60) on Tuesday so far
    jobs.report(
        jobs.create("Globex", Optional.of("Search"), "research", "gcp", "100"), "22:00 started");
    jobs.report(jobs.create(null), "+1 08:00 started; +1 09:00 paused"); // 1.20 on Tuesday
    jobs.create("Acme"); // queued: nothing yet
    jobs.report(jobs.create("Acme"), "-1 08:00 started; -1 09:00 completed"); // before the range
    stored("2026-03-02T10:00:00Z", "5.00", "Acme", null);

    SpendingSummary days =
        spending.summary(
            Instant.parse("2026-03-01T23:00:00Z"), Instant.parse("2026-03-03T23:00:00Z"));

    assertThat(days.jobs()).isEqualTo(group("20.40", 3));
    assertThat(days.total()).isEqualByComparingTo("25.40");
    assertThat(days.events()).isEqualTo(1);
    assertThat(days.byStatus())
        .containsExactly(
            Map.entry("running", group("16.80", 1)),
            Map.entry("completed", group("2.40", 1)),
            Map.entry("paused", group("1.20", 1)));
    assertThat(days.byClient())
        .containsExactly(
            Map.entry("Globex", group("16.80", 1)),
            Map.entry("Acme", group("7.40", 2)),
            Map.entry(SpendingSummary.NONE, group("1.20", 1)));
    assertThat(days.byProvider())
        .containsExactly(
            Map.entry("gcp", group("16.80", 1)),
            Map.entry(SpendingSummary.NONE, group("5.00", 1)),
            Map.entry("aws", group("3.60", 2)));
    assertThat(days.byProject())
        .containsExactly(
            Map.entry("Search", group("16.80", 1)),
            Map.entry(SpendingSummary.NONE, group("5.00", 1)),
            Map.entry("Support assistant", group("3.60", 2)));
    assertThat(days.byMode()).containsExactly(Map.entry(SpendingSummary.NONE, group("5.00", 1)));
    assertThat(days.byDay())
        .containsExactly(
            new SpendingSummary.Day(LocalDate.of(2026, 3, 2), new BigDecimal("8.60"), 3),
            new SpendingSummary.Day(LocalDate.of(2026, 3, 3), new BigDecimal("16.80"), 2));
  }

  /**
   * Whole days are read from the daily rollups of finished jobs, with only the unfinished jobs
   * costed from their events: every figure as costing every job gives it, over ranges that cut jobs
   * at both ends, one within a job's run, and one before any.
   */
  @Test
  void theDailyRollupsAnswerWhatCostingEveryJobGives() {
    clock.set(RecordedJobs.at("+2 12:00"));
    jobs.report(jobs.create("Acme"), "-1 21:00 started; 01:00 completed");
    jobs.report(jobs.create("Acme"), "-1 08:00 started; -1 09:00 completed");
    jobs.report(
        jobs.create("Globex", Optional.of("Search"), "research", "gcp", "100"),
        "-1 22:00 started; 06:00 interrupted; 06:30 resumed; +1 03:00 completed");
    jobs.report(jobs.create(null), "+1 08:00 started; +1 09:00 failed");
    jobs.report(jobs.create("Globex"), "22:00 started; +1 02:00 paused");
    jobs.report(jobs.create("Initech"), "+1 20:00 started");
    jobs.create("Acme"); // queued
    stored("2026-03-02T10:00:00Z", "5.00", "Acme", null);
    for (String[] range :
        new String[][] {
          {"2026-02-28T23:00:00Z", "2026-03-04T23:00:00Z"},
          {"2026-03-01T23:00:00Z", "2026-03-02T23:00:00Z"},
          {"2026-03-02T23:00:00Z", "2026-03-03T23:00:00Z"},
          {"2026-02-20T23:00:00Z", "2026-02-21T23:00:00Z"}
        }) {
      Instant from = Instant.parse(range[0]);
      Instant to = Instant.parse(range[1]);
      jobs.repository.rollups = true;
      SpendingSummary rolledUp = spending.summary(from, to);
      jobs.repository.rollups = false;
      SpendingSummary costed = spending.summary(from, to);

      assertThat(rolledUp).as(range[0]).isEqualTo(costed);
    }
  }

  @Test
  void aRangeWithNoEventAddedSinceIsAnsweredWithoutReadingItsGroupsAgain() {
    Instant from = Instant.parse("2026-10-01T00:00:00Z");
    Instant to = Instant.parse("2026-11-01T00:00:00Z");
    stored("2026-10-05T10:00:00Z", "2.50", "Acme", null);
    stored("2026-10-06T10:00:00Z", "1.00", "Globex", "3.00");

    SpendingSummary first = spending.summary(from, to);
    int reads = repository.groupReads;
    SpendingSummary again = spending.summary(from, to);
    stored("2026-11-02T10:00:00Z", "9.00", "Acme", null); // after the range
    SpendingSummary afterAnotherMonthsEvent = spending.summary(from, to);

    assertThat(reads).isEqualTo(5); // provider, mode, session, client, project
    assertThat(repository.groupReads).isEqualTo(reads);
    assertThat(again).isEqualTo(first);
    assertThat(afterAnotherMonthsEvent).isEqualTo(first);

    stored("2026-10-31T23:59:59Z", "0.25", "Acme", null); // late, but in the range
    SpendingSummary changed = spending.summary(from, to);

    assertThat(repository.groupReads).isEqualTo(reads); // added to what was kept
    assertThat(changed.total()).isEqualByComparingTo("3.75");
    assertThat(changed.events()).isEqualTo(3);
    assertThat(changed.byClient().get("Acme")).isEqualTo(group("2.75", 2));
    assertThat(changed.byDay()).hasSize(3);
    assertThat(changed).isEqualTo(anotherInstance().summary(from, to));
  }

  /** A service of its own (another instance of a cluster): nothing kept, it reads every group. */
  private SpendingService anotherInstance() {
    SpendingService other = new SpendingService();
    other.events = spending.events;
    other.jobs = spending.jobs;
    other.configuration = spending.configuration;
    other.clock = spending.clock;
    other.executor = spending.executor;
    return other;
  }

  /** An event at a random time of October or early November, in random groups. */
  private CostEvent randomEvent(Random random) {
    Instant at = Instant.parse("2026-10-01T00:00:00Z").plusSeconds(random.nextInt(35 * 86_400));
    BigDecimal amount = BigDecimal.valueOf(random.nextInt(5_000_000), 6);
    NewCostEvent event =
        new NewCostEvent(
            "r" + repository.stored.size(),
            at,
            "llm",
            Optional.of(amount),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            new Attribution(
                oneOf(random, "Acme", "Globex"),
                oneOf(random, "P1", "P2", "P3"),
                Optional.empty(),
                Optional.empty(),
                oneOf(random, "openai", "anthropic"),
                oneOf(random, "chat", "batch"),
                oneOf(random, "s" + random.nextInt(40)),
                Optional.empty()),
            random.nextBoolean()
                ? Optional.of(
                    amount.add(BigDecimal.valueOf(random.nextInt(2_000_000) - 500_000, 6)))
                : Optional.empty(),
            Optional.empty(),
            Optional.empty());
    return new CostEvent(event, amount, "USD", NOW);
  }

  /** One of {@code values}, or (one time in four) none. */
  private static Optional<String> oneOf(Random random, String... values) {
    return random.nextInt(4) == 0
        ? Optional.empty()
        : Optional.of(values[random.nextInt(values.length)]);
  }

  @Test
  void eventsAddedToAKeptRangeAreAddedToWhatWasKeptAsReadingItAgainWouldGive() {
    Instant from = Instant.parse("2026-10-01T00:00:00Z");
    Instant to = Instant.parse("2026-11-01T00:00:00Z");
    Random random = new Random(8);
    for (int i = 0; i < 300; i++) {
      repository.add(randomEvent(random));
    }
    spending.summary(from, to);
    int reads = repository.groupReads;

    for (int round = 0; round < 20; round++) {
      for (int i = random.nextInt(6); i >= 0; i--) {
        repository.add(randomEvent(random));
      }
      SpendingSummary updated = spending.summary(from, to);

      assertThat(repository.groupReads).as("round %d", round).isEqualTo(reads);
      assertThat(updated).as("round %d", round).isEqualTo(anotherInstance().summary(from, to));
      reads = repository.groupReads;
    }
  }

  @Test
  void anEventCommittedAfterTheRangeWasKeptUnderAnEarlierIdHasItReadAgain() {
    Instant from = Instant.parse("2026-10-01T00:00:00Z");
    Instant to = Instant.parse("2026-11-01T00:00:00Z");
    stored("2026-10-05T10:00:00Z", "2.50", "Acme", null);
    stored("2026-10-06T10:00:00Z", "1.00", "Globex", null);
    spending.summary(from, to);
    int reads = repository.groupReads;

    stored("2026-10-07T10:00:00Z", "4.00", "Acme", null);
    repository.addCommittedLate(randomEvent(new Random(1)), 2); // an id below the kept range's
    SpendingSummary changed = spending.summary(from, to);

    assertThat(repository.groupReads).isEqualTo(2 * reads);
    assertThat(changed.events()).isEqualTo(4);
    assertThat(changed).isEqualTo(anotherInstance().summary(from, to));
  }

  @Test
  void anEventStoredWhileTheRangeIsReadHasItReadAgainNextTime() {
    Instant from = Instant.parse("2026-10-01T00:00:00Z");
    Instant to = Instant.parse("2026-11-01T00:00:00Z");
    stored("2026-10-05T10:00:00Z", "2.50", "Acme", null);
    repository.beforeNextGroupRead = () -> stored("2026-10-06T10:00:00Z", "1.00", "Acme", null);
    spending.summary(from, to); // its groups may hold the event its count does not
    int reads = repository.groupReads;

    SpendingSummary next = spending.summary(from, to);

    assertThat(repository.groupReads).isEqualTo(2 * reads);
    assertThat(next.total()).isEqualByComparingTo("3.50");
    assertThat(next.byClient().get("Acme")).isEqualTo(group("3.50", 2));
  }

  @Test
  void moreEventsStoredSinceThanAreAddedOneByOneHaveTheRangeReadAgain() {
    Instant from = Instant.parse("2026-10-01T00:00:00Z");
    Instant to = Instant.parse("2026-11-01T00:00:00Z");
    stored("2026-10-05T10:00:00Z", "2.50", "Acme", null);
    spending.summary(from, to);
    int reads = repository.groupReads;

    for (long i = 0; i < SpendingService.MAX_ADDED; i++) {
      stored("2026-11-05T10:00:00Z", "1.00", "Acme", null); // after the range
    }
    stored("2026-10-05T11:00:00Z", "1.00", "Acme", null);
    SpendingSummary changed = spending.summary(from, to);

    assertThat(repository.groupReads).isEqualTo(2 * reads);
    assertThat(changed.total()).isEqualByComparingTo("3.50");
  }

  @Test
  void onlyTheLastRangesAreKept() {
    stored("2026-10-05T10:00:00Z", "2.50", "Acme", null);
    List<Instant> months =
        List.of(
            Instant.parse("2026-08-01T00:00:00Z"),
            Instant.parse("2026-09-01T00:00:00Z"),
            Instant.parse("2026-10-01T00:00:00Z"),
            Instant.parse("2026-11-01T00:00:00Z"));
    for (int m = 0; m < SpendingService.RECENT_RANGES + 1; m++) {
      spending.summary(months.get(m), months.get(m + 1));
    }
    int reads = repository.groupReads;

    spending.summary(months.get(0), months.get(1)); // the oldest: no longer kept
    spending.summary(months.get(2), months.get(3)); // the newest: kept

    assertThat(repository.groupReads).isEqualTo(reads + 5);
  }

  @Test
  void groupsAreOrderedLargestFirstAndEqualSpendsByName() {
    // Ties at different scales, a micro-unit apart, large and negative spends, and many groups.
    List<List<String>> cases =
        List.of(
            List.of("2.40", "2.4", "0.000001", "0", "10.5", "10.500001", "3"),
            List.of("140737488.355327", "1.000000", "0.1"),
            List.of("140737488.355328", "1.000000", "0.1"),
            List.of("-1.00", "2.00", "-0.5"),
            // Past micro-units or a long's 12 integer digits: compared as BigDecimals.
            List.of("0.0000001", "0.000001", "0", "0.00000010"),
            List.of("1234567890123.5", "5", "4398046.511103", "4398046.511104", "-1234567890123"),
            List.of("4398046.511103", "4398046.511102", "-4398046.511103", "0.000001", "4398046"));
    Random random = new Random(8);
    List<List<String>> all = new ArrayList<>(cases);
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      many.add(BigDecimal.valueOf(random.nextInt(2000), random.nextInt(7)).toPlainString());
    }
    all.add(many);
    for (List<String> costs : all) {
      Map<String, SpendingSummary.Group> groups = new HashMap<>();
      for (int i = 0; i < costs.size(); i++) {
        groups.put("g" + (i * 7919 % costs.size()), group(costs.get(i), 1));
      }
      List<String> expected =
          groups.entrySet().stream()
              .sorted(
                  Comparator.<Map.Entry<String, SpendingSummary.Group>, BigDecimal>comparing(
                          e -> e.getValue().cost(), Comparator.reverseOrder())
                      .thenComparing(Map.Entry::getKey))
              .map(Map.Entry::getKey)
              .toList();

      assertThat(SpendingService.largestFirst(groups).keySet()).containsExactlyElementsOf(expected);
    }
  }

  /** Exact: {@code 2.40} is not {@code 2.4}, so a group shows its cents as the engine gave them. */
  private static SpendingSummary.Group group(String cost, long count) {
    return new SpendingSummary.Group(new BigDecimal(cost), count);
  }
}
