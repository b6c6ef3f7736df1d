package com.costguard.infrastructure.persistence;

import com.costguard.model.costevent.CostEvent;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * What a set of newly stored cost events adds to the hourly rollups ({@code V23}): summed in memory
 * per dimension, value and UTC hour, then added to the stored rows of one shard by one upsert. The
 * rows are written in one fixed order, so two transactions that add to the same rows (the same
 * shard) lock them in the same order and never deadlock on them.
 */
final class SpendHours {

  /** The rollup dimensions and how each reads its value off an event; ALL has none. */
  enum Dimension {
    ALL("all", e -> Optional.empty()),
    CLIENT("client", CostEvent::client),
    PROJECT("project", CostEvent::project),
    TEAM("team", CostEvent::team),
    PROVIDER("provider", CostEvent::provider),
    MODE("mode", CostEvent::mode),
    SESSION("session", CostEvent::sessionId);

    final String column;
    final Function<CostEvent, Optional<String>> value;

    Dimension(String column, Function<CostEvent, Optional<String>> value) {
      this.column = column;
      this.value = value;
    }
  }

  /**
   * One rollup row's key: its UTC hour, or in the daily rollups its UTC day's start; a null value
   * is "no value", as in {@code cost_events}.
   */
  record Key(Dimension dimension, String value, Instant hour) {}

  /** Sums of one rollup row. */
  static final class Sums {
    BigDecimal amount = BigDecimal.ZERO;
    long events;
    BigDecimal reuseSavings = BigDecimal.ZERO;

    void add(Sums other) {
      amount = amount.add(other.amount);
      events += other.events;
      reuseSavings = reuseSavings.add(other.reuseSavings);
    }

    void add(CostEvent event) {
      amount = amount.add(event.amount());
      events++;
      event
          .listCost()
          .filter(list -> list.compareTo(event.amount()) > 0)
          .ifPresent(list -> reuseSavings = reuseSavings.add(list.subtract(event.amount())));
    }
  }

  private static final Comparator<Key> ORDER =
      Comparator.comparing(Key::dimension)
          .thenComparing(Key::value, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Key::hour);

  /**
   * Summed in a hash map and put in {@link #ORDER} once, to write: a batch of 1,000 events makes
   * 7,000 look-ups here, which a tree map ordered by that comparator made ten times as many
   * comparisons of (issue 8).
   */
  final Map<Key, Sums> rows = new HashMap<>();

  private static final Dimension[] DIMENSIONS = Dimension.values();

  /**
   * The dimensions also rolled up by UTC day ({@code V30}): those the spending summary groups a
   * range by, sessions aside.
   */
  static final Set<Dimension> DAILY =
      EnumSet.of(Dimension.CLIENT, Dimension.PROJECT, Dimension.PROVIDER, Dimension.MODE);

  /**
   * Shards per rollup row: more than the writers that usually run at once on an instance, few
   * enough that a month's read of a scope stays some thousands of rows.
   */
  static final int SHARDS = 8;

  private static final AtomicInteger TURN = new AtomicInteger();

  /** The shards in turn: consecutive (so concurrent) transactions of an instance differ. */
  static int nextShard() {
    return Math.floorMod(TURN.getAndIncrement(), SHARDS);
  }

  private SpendHours() {}

  static SpendHours of(List<CostEvent> events) {
    SpendHours rollup = new SpendHours();
    for (CostEvent e : events) {
      Instant hour = HourSplit.floor(e.occurredAt());
      for (Dimension dimension : DIMENSIONS) {
        rollup
            .rows
            .computeIfAbsent(
                new Key(dimension, dimension.value.apply(e).orElse(null), hour), k -> new Sums())
            .add(e);
      }
    }
    return rollup;
  }

  /**
   * Adds the sums to the rows of one shard ({@code V25}), the hours' and then the days' ({@code
   * V30}): transactions writing at the same time pick different shards ({@link #nextShard}), so
   * that none waits for the rows another holds locked until it commits; the reads sum every shard.
   */
  void write(Connection connection, int shard) throws SQLException {
    upsert(connection, "cost_event_hours", "hour_start", rows, shard);
    Map<Key, Sums> days = new HashMap<>();
    rows.forEach(
        (key, sums) -> {
          if (DAILY.contains(key.dimension())) {
            days.computeIfAbsent(
                    new Key(key.dimension(), key.value(), key.hour().truncatedTo(ChronoUnit.DAYS)),
                    k -> new Sums())
                .add(sums);
          }
        });
    upsert(connection, "cost_event_days", "day", days, shard);
  }

  /** One upsert of {@code sums} into {@code table}, whose {@code column} holds a key's time. */
  private static void upsert(
      Connection connection, String table, String column, Map<Key, Sums> sums, int shard)
      throws SQLException {
    if (sums.isEmpty()) {
      return;
    }
    StringBuilder sql =
        new StringBuilder("insert into ")
            .append(table)
            .append(" (dimension, value, ")
            .append(column)
            .append(", amount, events, reuse_savings, shard) values ");
    for (int i = 0; i < sums.size(); i++) {
      sql.append(i == 0 ? "(?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?)");
    }
    sql.append(
        " on duplicate key update amount = amount + values(amount),"
            + " events = events + values(events),"
            + " reuse_savings = reuse_savings + values(reuse_savings)");
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      int p = 1;
      List<Map.Entry<Key, Sums>> ordered = new ArrayList<>(sums.entrySet());
      ordered.sort(Map.Entry.comparingByKey(ORDER));
      for (Map.Entry<Key, Sums> row : ordered) {
        statement.setString(p++, row.getKey().dimension().column);
        statement.setString(p++, row.getKey().value());
        statement.setObject(p++, JpaCostEventRepository.utc(row.getKey().hour()));
        statement.setBigDecimal(p++, row.getValue().amount);
        statement.setLong(p++, row.getValue().events);
        statement.setBigDecimal(p++, row.getValue().reuseSavings);
        statement.setInt(p++, shard);
      }
      statement.executeUpdate();
    }
  }
}
