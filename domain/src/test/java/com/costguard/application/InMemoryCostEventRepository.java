package com.costguard.application;

import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.budget.SpendAttribution;
import com.costguard.model.costevent.CostEvent;
import com.costguard.model.costevent.CostEventFilter;
import com.costguard.model.costevent.CostEventRepository;
import com.costguard.model.costevent.SpendDimension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The repository port held in memory, for service tests without a database. */
class InMemoryCostEventRepository implements CostEventRepository {

  final List<CostEvent> stored = new ArrayList<>();

  /** Each stored event's id: the next of {@link #lastId} as it is stored, or one given. */
  private final Map<CostEvent, Long> ids = new IdentityHashMap<>();

  private long lastId;

  /** How many times the events were read grouped ({@link #totalsBy}). */
  int groupReads;

  /** What a concurrent writer does just before the next grouped read, once. */
  Runnable beforeNextGroupRead = () -> {};

  @Override
  public List<CostEvent> addNew(List<CostEvent> events) {
    Set<String> keys =
        stored.stream()
            .map(CostEvent::idempotencyKey)
            .collect(Collectors.toCollection(HashSet::new));
    List<CostEvent> added = new ArrayList<>();
    for (CostEvent event : events) {
      if (keys.add(event.idempotencyKey())) {
        add(event);
        added.add(event);
      }
    }
    return added;
  }

  /** Nothing to do: the reads here sum the events themselves. */
  @Override
  public void addToTotals(List<CostEvent> stored) {}

  /** Stores an event as it is, for tests that arrange spend directly. */
  public void add(CostEvent event) {
    addCommittedLate(event, ++lastId);
  }

  /**
   * Stores an event under an id already given out: one that a concurrent transaction took before
   * others stored after it, and commits only now.
   */
  public void addCommittedLate(CostEvent event, long id) {
    stored.add(event);
    ids.put(event, id);
  }

  @Override
  public List<CostEvent> page(CostEventFilter filter, int first, int size) {
    return stored.stream()
        .filter(filter::matches)
        .sorted(Comparator.comparing(CostEvent::occurredAt).reversed())
        .skip(first)
        .limit(size)
        .toList();
  }

  @Override
  public long count() {
    return stored.size();
  }

  @Override
  public long lastId() {
    return lastId;
  }

  @Override
  public List<CostEvent> storedBetween(long afterId, long upToId, Instant from, Instant to) {
    return inRange(from, to).filter(e -> ids.get(e) > afterId && ids.get(e) <= upToId).toList();
  }

  @Override
  public long count(CostEventFilter filter) {
    return stored.stream().filter(filter::matches).count();
  }

  @Override
  public BigDecimal total(Instant from, Instant to) {
    return inRange(from, to).map(CostEvent::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Override
  public BigDecimal total(BudgetPeriod period, BudgetScope scope) {
    return stored.stream()
        .filter(e -> period.contains(e.occurredAt()))
        .filter(
            e ->
                scope.matches(
                    new SpendAttribution(e.client(), e.project(), e.team(), e.provider())))
        .map(CostEvent::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Override
  public long count(Instant from, Instant to) {
    return inRange(from, to).count();
  }

  @Override
  public List<GroupTotal> totalsBy(SpendDimension dimension, Instant from, Instant to) {
    groupReads++;
    Runnable concurrently = beforeNextGroupRead;
    beforeNextGroupRead = () -> {};
    concurrently.run();
    Function<CostEvent, Optional<String>> key =
        switch (dimension) {
          case PROVIDER -> CostEvent::provider;
          case MODE -> CostEvent::mode;
          case SESSION -> CostEvent::sessionId;
          case CLIENT -> CostEvent::client;
          case PROJECT -> CostEvent::project;
        };
    Map<Optional<String>, List<CostEvent>> groups =
        inRange(from, to).collect(Collectors.groupingBy(key));
    return groups.entrySet().stream()
        .map(g -> new GroupTotal(g.getKey().orElse(null), sum(g.getValue()), g.getValue().size()))
        .toList();
  }

  @Override
  public List<DayTotal> totalsByDay(Instant from, Instant to, ZoneId zone) {
    Map<LocalDate, List<CostEvent>> days =
        inRange(from, to)
            .collect(
                Collectors.groupingBy(
                    e -> LocalDate.ofInstant(e.occurredAt(), zone),
                    TreeMap::new,
                    Collectors.toList()));
    return days.entrySet().stream()
        .map(d -> new DayTotal(d.getKey(), sum(d.getValue()), d.getValue().size()))
        .toList();
  }

  @Override
  public BigDecimal reuseSavings(Instant from, Instant to) {
    return inRange(from, to)
        .filter(e -> e.listCost().filter(l -> l.compareTo(e.amount()) > 0).isPresent())
        .map(e -> e.listCost().get().subtract(e.amount()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static BigDecimal sum(List<CostEvent> events) {
    return events.stream().map(CostEvent::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private java.util.stream.Stream<CostEvent> inRange(Instant from, Instant to) {
    return stored.stream()
        .filter(e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to));
  }

  @Override
  public List<com.costguard.cost.attribution.ReuseGroup> reuseByClient(Instant from, Instant to) {
    Map<Optional<String>, List<CostEvent>> byClient =
        stored.stream()
            .filter(e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to))
            .filter(e -> e.listCost().isPresent())
            .collect(Collectors.groupingBy(CostEvent::client));
    List<com.costguard.cost.attribution.ReuseGroup> groups = new ArrayList<>();
    byClient.forEach(
        (client, events) ->
            groups.add(
                new com.costguard.cost.attribution.ReuseGroup(
                    client,
                    sum(events, e -> e.listCost().orElseThrow()),
                    sum(events, CostEvent::amount),
                    sum(
                        events,
                        e -> e.listCost().orElseThrow().subtract(e.amount()).max(BigDecimal.ZERO)),
                    events.size())));
    return groups;
  }

  private static BigDecimal sum(List<CostEvent> events, Function<CostEvent, BigDecimal> amount) {
    return events.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
