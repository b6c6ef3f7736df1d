package com.costguard.application;

import com.costguard.config.Configuration;
import com.costguard.cost.budget.BudgetCalendar;
import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.budget.JobAccrual;
import com.costguard.cost.budget.SpendAttribution;
import com.costguard.infrastructure.Resources;
import com.costguard.model.costevent.CostEvent;
import com.costguard.model.costevent.CostEventRepository;
import com.costguard.model.costevent.CostEventRepository.GroupTotal;
import com.costguard.model.costevent.SpendDimension;
import com.costguard.model.job.JobDayTotal;
import com.costguard.model.job.JobDimension;
import com.costguard.model.job.JobHistory;
import com.costguard.model.job.JobRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * What was spent, over a range: the cost events in it, summed and grouped by the database, and the
 * job costs accrued in it, which the cost engine computes from each job's events ({@link
 * JobAccrual}, the rule budgets count by).
 */
@ApplicationScoped
public class SpendingService {

  @Inject CostEventRepository events;
  @Inject JobRepository jobs;
  @Inject Configuration configuration;
  @Inject Clock clock;

  /**
   * Runs the largest groupings next to the rest of the summary. Reads of a month's hourly rollups
   * (issue 8: 35,000 rows of sessions, 45,000 of projects) each take tens of milliseconds, waiting
   * on the database and then decoding; side by side, the summary takes about as long as the
   * largest.
   */
  @Resource(lookup = Resources.READS)
  Executor executor;

  /**
   * The cost events' side of the last summaries, by range, each with the count of events it was
   * computed at: events are only ever added (never changed or removed), and each one added to a
   * range adds to its count, so a summary whose count is unchanged since may answer from here. The
   * count is read before the groups, so what is kept is never older than the count it is kept
   * under; each request reads the count from the database, so a change made through another
   * instance of a cluster is seen as well. A past month's summary, asked for again and again by
   * dashboards, then reads only the count and the jobs (issue 8: its 35,000 session and 45,000
   * project rows took most of its time).
   *
   * <p>When a few events have been added to a range since, the kept side is brought up to date with
   * them ({@link #withAdded}) instead of being read again: a month still being reported, or one
   * that a late event reaches, read its groups again on every request (issue 8: 86-108 ms).
   */
  private final Map<Range, EventSpend> recent =
      new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Range, EventSpend> eldest) {
          return size() > RECENT_RANGES;
        }
      };

  /** Ranges kept: about this month and the last, a few MB each at the benchmark's scale. */
  static final int RECENT_RANGES = 2;

  /**
   * Events stored since a range's side was kept, up to which it is brought up to date with them
   * rather than read again (they are read one by one: a few milliseconds per thousand).
   */
  static final long MAX_ADDED = 10_000;

  private record Range(Instant from, Instant to) {}

  /**
   * What the cost events in a range add to its summary: exactly the {@code count} events in it with
   * an id up to {@code lastId}, or, with {@code lastId} {@link #UNKNOWN}, at least those.
   */
  private record EventSpend(
      long count,
      long lastId,
      BigDecimal total,
      BigDecimal reuseSavings,
      Map<String, SpendingSummary.Group> byProvider,
      Map<String, SpendingSummary.Group> byMode,
      Map<String, SpendingSummary.Group> bySession,
      Map<String, SpendingSummary.Group> byClient,
      Map<String, SpendingSummary.Group> byProject,
      List<CostEventRepository.DayTotal> byDay) {

    static final long UNKNOWN = -1;

    EventSpend unknownLastId() {
      return new EventSpend(
          count,
          UNKNOWN,
          total,
          reuseSavings,
          byProvider,
          byMode,
          bySession,
          byClient,
          byProject,
          byDay);
    }

    /**
     * With {@code added}, events stored with ids up to {@code lastId}, in a range of {@code count}.
     */
    EventSpend plus(List<CostEvent> added, long lastId, long count, ZoneId zone) {
      BigDecimal total = this.total;
      BigDecimal reuseSavings = this.reuseSavings;
      Map<String, SpendingSummary.Group> byProvider = new HashMap<>(this.byProvider);
      Map<String, SpendingSummary.Group> byMode = new HashMap<>(this.byMode);
      Map<String, SpendingSummary.Group> bySession = new HashMap<>(this.bySession);
      Map<String, SpendingSummary.Group> byClient = new HashMap<>(this.byClient);
      Map<String, SpendingSummary.Group> byProject = new HashMap<>(this.byProject);
      TreeMap<LocalDate, CostEventRepository.DayTotal> byDay = new TreeMap<>();
      this.byDay.forEach(d -> byDay.put(d.date(), d));
      for (CostEvent e : added) {
        BigDecimal amount = e.amount();
        total = total.add(amount);
        Optional<BigDecimal> saved = e.listCost().filter(list -> list.compareTo(amount) > 0);
        if (saved.isPresent()) {
          reuseSavings = reuseSavings.add(saved.get().subtract(amount));
        }
        SpendingSummary.Group one = new SpendingSummary.Group(amount, 1);
        byProvider.merge(named(e.provider()), one, SpendingSummary.Group::plus);
        byMode.merge(named(e.mode()), one, SpendingSummary.Group::plus);
        bySession.merge(named(e.sessionId()), one, SpendingSummary.Group::plus);
        byClient.merge(named(e.client()), one, SpendingSummary.Group::plus);
        byProject.merge(named(e.project()), one, SpendingSummary.Group::plus);
        LocalDate day = LocalDate.ofInstant(e.occurredAt(), zone);
        byDay.merge(
            day,
            new CostEventRepository.DayTotal(day, amount, 1),
            (a, b) -> new CostEventRepository.DayTotal(day, a.cost().add(b.cost()), a.count() + 1));
      }
      return new EventSpend(
          count,
          lastId,
          total,
          reuseSavings,
          unmodifiable(byProvider),
          unmodifiable(byMode),
          largestFirst(bySession),
          unmodifiable(byClient),
          unmodifiable(byProject),
          List.copyOf(byDay.values()));
    }
  }

  public SpendingSummary summary(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw RequestRefusedException.invalid("to", "to must be after from");
    }
    Range range = new Range(from, to);
    long count = events.count(from, to);
    EventSpend kept;
    synchronized (recent) {
      kept = recent.get(range);
    }
    EventSpend eventSpend =
        kept == null || kept.count() == count ? kept : withAdded(kept, from, to).orElse(null);
    JobSpend jobSpend;
    if (eventSpend != null) {
      jobSpend = jobSpend(from, to);
    } else {
      long lastId = events.lastId();
      CompletableFuture<Map<String, SpendingSummary.Group>> bySession =
          CompletableFuture.supplyAsync(
                  events.totalsByElsewhere(SpendDimension.SESSION, from, to), executor)
              .thenApply(totals -> largestFirst(grouped(totals)));
      CompletableFuture<Map<String, SpendingSummary.Group>> byProject =
          CompletableFuture.supplyAsync(
                  events.totalsByElsewhere(SpendDimension.PROJECT, from, to), executor)
              .thenApply(SpendingService::grouped);
      jobSpend = jobSpend(from, to);
      eventSpend =
          new EventSpend(
              count,
              lastId,
              events.total(from, to),
              events.reuseSavings(from, to),
              unmodifiable(eventGroups(SpendDimension.PROVIDER, from, to)),
              unmodifiable(eventGroups(SpendDimension.MODE, from, to)),
              joined(bySession),
              unmodifiable(eventGroups(SpendDimension.CLIENT, from, to)),
              unmodifiable(joined(byProject)),
              List.copyOf(events.totalsByDay(from, to, configuration.timezone())));
      if (events.count(from, to) != count) {
        // Events were added to the range while it was read: some of them may be in the groups.
        eventSpend = eventSpend.unknownLastId();
      }
    }
    if (eventSpend != kept) {
      synchronized (recent) {
        recent.put(range, eventSpend);
      }
    }
    TreeMap<LocalDate, SpendingSummary.Group> days = new TreeMap<>(jobSpend.byDay());
    eventSpend
        .byDay()
        .forEach(
            d ->
                days.merge(
                    d.date(),
                    new SpendingSummary.Group(d.cost(), d.count()),
                    SpendingSummary.Group::plus));
    return new SpendingSummary(
        from,
        to,
        configuration.currency().getCurrencyCode(),
        eventSpend.total().add(jobSpend.all().cost()),
        eventSpend.count(),
        jobSpend.all(),
        eventSpend.reuseSavings(),
        largestFirst(merged(eventSpend.byProvider(), jobSpend.byProvider())),
        largestFirst(eventSpend.byMode()),
        largestFirst(jobSpend.byStatus()),
        eventSpend.bySession(),
        largestFirst(merged(eventSpend.byClient(), jobSpend.byClient())),
        largestFirst(merged(eventSpend.byProject(), jobSpend.byProject())),
        days.entrySet().stream()
            .map(
                d -> new SpendingSummary.Day(d.getKey(), d.getValue().cost(), d.getValue().count()))
            .toList());
  }

  /**
   * {@code kept} with the events stored since it was read, when it knows which those are and there
   * are at most {@link #MAX_ADDED}; empty otherwise, or when an event stored before it was read has
   * committed since (the count then tells: it is more than the kept and the new events). Reads, in
   * this order: the last id, the events stored up to it, the range's count; a count read after the
   * events, with events only ever added, can only be as large as the kept and the new events
   * together if no other event is in the range.
   */
  private Optional<EventSpend> withAdded(EventSpend kept, Instant from, Instant to) {
    if (kept.lastId() == EventSpend.UNKNOWN) {
      return Optional.empty();
    }
    long lastId = events.lastId();
    if (lastId - kept.lastId() > MAX_ADDED) {
      return Optional.empty();
    }
    List<CostEvent> added = events.storedBetween(kept.lastId(), lastId, from, to);
    long count = events.count(from, to);
    if (kept.count() + added.size() != count) {
      return Optional.empty();
    }
    return Optional.of(kept.plus(added, lastId, count, configuration.timezone()));
  }

  private static <K, V> Map<K, V> unmodifiable(Map<K, V> map) {
    return Collections.unmodifiableMap(map);
  }

  /** The current calendar month in the installation's time zone. */
  public SpendingSummary thisMonth() {
    ZonedDateTime start =
        LocalDate.now(clock.withZone(configuration.timezone()))
            .withDayOfMonth(1)
            .atStartOfDay(configuration.timezone());
    return summary(start.toInstant(), start.plusMonths(1).toInstant());
  }

  /** What jobs accrued in {@code [from, to)}: in all, by attribution, status and day. */
  private record JobSpend(
      SpendingSummary.Group all,
      Map<String, SpendingSummary.Group> byProvider,
      Map<String, SpendingSummary.Group> byStatus,
      Map<String, SpendingSummary.Group> byClient,
      Map<String, SpendingSummary.Group> byProject,
      Map<LocalDate, SpendingSummary.Group> byDay) {

    JobSpend() {
      this(
          SpendingSummary.Group.EMPTY,
          new HashMap<>(),
          new HashMap<>(),
          new HashMap<>(),
          new HashMap<>(),
          new HashMap<>());
    }

    /** With {@link #all} summed from the groups by status, which every job is in once. */
    JobSpend done() {
      return new JobSpend(
          byStatus.values().stream()
              .reduce(SpendingSummary.Group.EMPTY, SpendingSummary.Group::plus),
          byProvider,
          byStatus,
          byClient,
          byProject,
          byDay);
    }
  }

  /**
   * Each job that ran in the range counts once, with the sum of its accrual day by day (so the days
   * add up to the total). A range of whole days reads the finished jobs' days from the daily
   * rollups and costs only the unfinished jobs from their events; any other range (or rollups not
   * complete yet) costs every job that ran in it.
   */
  private JobSpend jobSpend(Instant from, Instant to) {
    Instant now = clock.instant();
    BudgetCalendar calendar = new BudgetCalendar(configuration.timezone());
    BudgetPeriod range = BudgetPeriod.startingAt(from, to);
    LocalDate first = calendar.dayOf(from);
    LocalDate last = calendar.dayOf(to).minusDays(1);
    boolean wholeDays =
        calendar.startOf(first).equals(from) && calendar.startOf(last.plusDays(1)).equals(to);
    Optional<JobSpend> finished =
        wholeDays ? finishedJobSpend(calendar, first, last) : Optional.empty();
    JobSpend spend = finished.orElseGet(JobSpend::new);
    if (finished.isPresent()) {
      for (JobHistory history : jobs.unfinishedDuring(range, BudgetScope.wholeOrganisation())) {
        add(spend, history, from, to, calendar, now);
      }
    } else {
      // One job at a time: a month of jobs with their events does not fit in the heap at scale.
      jobs.eachDuring(
          range,
          BudgetScope.wholeOrganisation(),
          history -> add(spend, history, from, to, calendar, now));
    }
    return spend.done();
  }

  /** The finished jobs' spend from the daily rollups; empty when they cannot answer. */
  private Optional<JobSpend> finishedJobSpend(
      BudgetCalendar calendar, LocalDate first, LocalDate last) {
    Optional<SortedMap<LocalDate, JobDayTotal>> days =
        jobs.finishedByDay(calendar, first, last, BudgetScope.wholeOrganisation());
    Map<JobDimension, Map<String, SpendingSummary.Group>> groups =
        new EnumMap<>(JobDimension.class);
    for (JobDimension dimension :
        List.of(
            JobDimension.PROVIDER,
            JobDimension.STATUS,
            JobDimension.CLIENT,
            JobDimension.PROJECT)) {
      Optional<Map<Optional<String>, JobDayTotal>> byValue =
          jobs.finishedBy(dimension, calendar, first, last);
      if (byValue.isEmpty()) {
        return Optional.empty();
      }
      Map<String, SpendingSummary.Group> named = new HashMap<>();
      byValue.get().forEach((value, total) -> named.put(named(value), group(total)));
      groups.put(dimension, named);
    }
    if (days.isEmpty()) {
      return Optional.empty();
    }
    Map<LocalDate, SpendingSummary.Group> byDay = new HashMap<>();
    days.get().forEach((day, total) -> byDay.put(day, group(total)));
    return Optional.of(
        new JobSpend(
            SpendingSummary.Group.EMPTY,
            groups.get(JobDimension.PROVIDER),
            groups.get(JobDimension.STATUS),
            groups.get(JobDimension.CLIENT),
            groups.get(JobDimension.PROJECT),
            byDay));
  }

  /** The summary's groups count the days floored at zero, as the jobs costed here do. */
  private static SpendingSummary.Group group(JobDayTotal total) {
    return new SpendingSummary.Group(total.amount(), total.jobs());
  }

  /** Costs one job from its events and adds it to the spend, if it ran in the range. */
  private static void add(
      JobSpend spend,
      JobHistory history,
      Instant from,
      Instant to,
      BudgetCalendar calendar,
      Instant now) {
    JobAccrual accrual = JobAccrual.of(history.job().spec(), history.jobEvents(), now);
    if (!accrual.ranIn(BudgetPeriod.startingAt(from, to))) {
      return; // still queued
    }
    SortedMap<LocalDate, BigDecimal> days = accrual.byDay(from, to, calendar);
    BigDecimal cost = days.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    SpendingSummary.Group job = new SpendingSummary.Group(cost, 1);
    SpendAttribution attribution = history.attribution();
    spend.byProvider().merge(named(attribution.provider()), job, SpendingSummary.Group::plus);
    spend.byStatus().merge(history.job().status().wireName(), job, SpendingSummary.Group::plus);
    spend.byClient().merge(named(attribution.client()), job, SpendingSummary.Group::plus);
    spend.byProject().merge(named(attribution.project()), job, SpendingSummary.Group::plus);
    days.forEach(
        (day, amount) ->
            spend
                .byDay()
                .merge(day, new SpendingSummary.Group(amount, 1), SpendingSummary.Group::plus));
  }

  private static String named(Optional<String> value) {
    return value.orElse(SpendingSummary.NONE);
  }

  /** The cost events grouped by {@code dimension}, in no order. */
  private Map<String, SpendingSummary.Group> eventGroups(
      SpendDimension dimension, Instant from, Instant to) {
    return grouped(events.totalsBy(dimension, from, to));
  }

  /** The totals by name, events without the attribute under "(none)". */
  private static Map<String, SpendingSummary.Group> grouped(List<GroupTotal> totals) {
    Map<String, SpendingSummary.Group> groups = new HashMap<>(totals.size() * 4 / 3 + 1);
    for (GroupTotal g : totals) {
      groups.merge(
          g.key() == null ? SpendingSummary.NONE : g.key(),
          new SpendingSummary.Group(g.cost(), g.count()),
          SpendingSummary.Group::plus);
    }
    return groups;
  }

  /** The groups of both, a name in both with their sums. */
  private static Map<String, SpendingSummary.Group> merged(
      Map<String, SpendingSummary.Group> groups, Map<String, SpendingSummary.Group> more) {
    if (more.isEmpty()) {
      return groups;
    }
    Map<String, SpendingSummary.Group> all = new HashMap<>(groups);
    more.forEach((name, group) -> all.merge(name, group, SpendingSummary.Group::plus));
    return all;
  }

  /** What a task computed, or what it threw, as thrown by this thread. */
  private static <T> T joined(CompletableFuture<T> task) {
    try {
      return task.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Largest spend first; equal spends by name, so the order never depends on hashing. In a {@link
   * GroupTable}, which a kept range's sessions are held in.
   */
  static Map<String, SpendingSummary.Group> largestFirst(
      Map<String, SpendingSummary.Group> groups) {
    // A plain comparator on a list: a month's 34,000 sessions (issue 8) sorted through a chain of
    // comparator lambdas on a stream took the larger part of the summary's own time. Costs that
    // are whole numbers of micro-units well within a long (sums of cost events' amounts, which
    // have six decimals) are compared as those longs: with BigDecimal.compareTo, grouping and
    // sorting the sessions took ~18 of the ~60 ms that their side of a summary took once an event
    // had been added, most of it in compareTo and BigDecimal.precision (issue 8: timed per step
    // and profiled with JFR in the benchmark).
    List<Sortable> sorted = new ArrayList<>(groups.size());
    boolean asLongs = true;
    for (Map.Entry<String, SpendingSummary.Group> group : groups.entrySet()) {
      Sortable entry = Sortable.of(group.getKey(), group.getValue());
      asLongs &= entry.micros() != Sortable.NOT_A_LONG;
      sorted.add(entry);
    }
    sorted.sort(asLongs ? Sortable.BY_MICROS : Sortable.BY_COST);
    return GroupTable.of(sorted.stream().map(g -> Map.entry(g.name(), g.group())).toList());
  }

  /** A group to sort: its cost in micro-units, when that is a whole number well within a long. */
  private record Sortable(String name, SpendingSummary.Group group, long micros) {

    static final long NOT_A_LONG = Long.MIN_VALUE;

    static final Comparator<Sortable> BY_MICROS =
        (a, b) -> {
          int byCost = Long.compare(b.micros(), a.micros());
          return byCost != 0 ? byCost : a.name().compareTo(b.name());
        };

    static final Comparator<Sortable> BY_COST =
        (a, b) -> {
          int byCost = b.group().cost().compareTo(a.group().cost());
          return byCost != 0 ? byCost : a.name().compareTo(b.name());
        };

    private static final long[] TIMES = {1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    /** Without {@link BigDecimal#precision}, itself the costly part for costs read as sums. */
    static Sortable of(String name, SpendingSummary.Group group) {
      long micros = NOT_A_LONG;
      BigDecimal cost = group.cost();
      if (cost.scale() >= 0 && cost.scale() <= 6) {
        BigInteger unscaled = cost.unscaledValue();
        // Below 2^42 times at most 10^6 (below 2^20): within a long.
        if (unscaled.bitLength() <= 42) {
          micros = unscaled.longValue() * TIMES[cost.scale()];
        }
      }
      return new Sortable(name, group, micros);
    }
  }
}
