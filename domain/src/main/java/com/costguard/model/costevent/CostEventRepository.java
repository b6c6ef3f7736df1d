package com.costguard.model.costevent;

import com.costguard.cost.attribution.ReuseGroup;
import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/** Stored cost events. */
public interface CostEventRepository {

  /**
   * Stores, in the caller's transaction, each event whose idempotency key is not stored yet (of
   * events sharing a key, the first); a key stored meanwhile by another transaction is skipped as
   * well. It reads nothing, so it fixes no snapshot of the transaction (see {@code BudgetAlerts}).
   *
   * @return the events stored; the others are duplicates
   */
  List<CostEvent> addNew(List<CostEvent> events);

  /**
   * Adds events just stored by {@link #addNew} to the running totals the reads below answer from,
   * in the same transaction. The rows it changes stay locked until the transaction ends: call it
   * after locking the budgets in scope, so that writers wait for the rows in one order.
   */
  void addToTotals(List<CostEvent> stored);

  /** The events {@code filter} matches, newest first by {@code occurredAt}. */
  List<CostEvent> page(CostEventFilter filter, int first, int size);

  long count();

  /**
   * The largest id of the events stored (0 when there are none). Ids grow as events are stored, so
   * the events stored after this read have larger ids; an event stored before it may still commit
   * later with a smaller one, so a caller counts as well ({@code SpendingService}).
   */
  long lastId();

  /** The events with {@code afterId < id <= upToId} and {@code from <= occurredAt < to}. */
  List<CostEvent> storedBetween(long afterId, long upToId, Instant from, Instant to);

  /** The number of events {@code filter} matches. */
  long count(CostEventFilter filter);

  /** Sum of amounts with {@code from <= occurredAt < to}; zero when there are none. */
  BigDecimal total(Instant from, Instant to);

  /**
   * Sum of the amounts of the events in {@code period} (its own rule for including its start and
   * end) that {@code scope} matches; zero when there are none.
   */
  BigDecimal total(BudgetPeriod period, BudgetScope scope);

  /** Number of events with {@code from <= occurredAt < to}. */
  long count(Instant from, Instant to);

  /** Spend and count per value of {@code dimension}; events without a value under null. */
  List<GroupTotal> totalsBy(SpendDimension dimension, Instant from, Instant to);

  /**
   * {@link #totalsBy} as a read to run on another thread, one without the caller's context: the
   * repository is resolved here, on the caller's thread, and the read touches nothing but its
   * datasource ({@code JpaCostEventRepository} reads these totals by plain JDBC).
   */
  default Supplier<List<GroupTotal>> totalsByElsewhere(
      SpendDimension dimension, Instant from, Instant to) {
    return () -> totalsBy(dimension, from, to);
  }

  /** Spend and count per calendar day in {@code zone}, days without events left out. */
  List<DayTotal> totalsByDay(Instant from, Instant to, ZoneId zone);

  /** Sum of {@code listCost - amount} over events that carry a list cost above their amount. */
  BigDecimal reuseSavings(Instant from, Instant to);

  /**
   * The events with {@code from <= occurredAt < to} that carry a list cost, added up by their
   * client string: list cost, amount, {@code max(0, listCost − amount)} and count.
   */
  List<ReuseGroup> reuseByClient(Instant from, Instant to);

  /** A group's key (null for events without the attribute), spend and count. */
  record GroupTotal(String key, BigDecimal cost, long count) {}

  record DayTotal(LocalDate date, BigDecimal cost, long count) {}
}
