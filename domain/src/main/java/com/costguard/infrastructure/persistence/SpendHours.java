package com.costguard.infrastructure.persistence;

import com.costguard.model.costevent.CostEvent;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a set of newly stored cost events adds to the hourly rollups ({@code V15}): summed in memory
 * per UTC hour and attribution, then added to the stored rows by one upsert per table. The rows are
 * written in one fixed order (hour, then attribution), so two transactions that add to the same
 * rows lock them in the same order and never deadlock on them.
 */
final class SpendHours {

  /** The attribution of a rollup row; null is "no value", as in {@code cost_events}. */
  record Key(
      Instant hour, String client, String project, String team, String provider, String mode) {}

  record SessionKey(Instant hour, String sessionId) {}

  /** Sums of one rollup row. */
  static final class Sums {
    BigDecimal amount = BigDecimal.ZERO;
    long events;
    BigDecimal reuseSavings = BigDecimal.ZERO;

    void add(CostEvent event) {
      amount = amount.add(event.amount());
      events++;
      event
          .listCost()
          .filter(list -> list.compareTo(event.amount()) > 0)
          .ifPresent(list -> reuseSavings = reuseSavings.add(list.subtract(event.amount())));
    }
  }

  private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());

  private static final Comparator<Key> KEY_ORDER =
      Comparator.comparing(Key::hour)
          .thenComparing(Key::client, TEXT)
          .thenComparing(Key::project, TEXT)
          .thenComparing(Key::team, TEXT)
          .thenComparing(Key::provider, TEXT)
          .thenComparing(Key::mode, TEXT);

  private static final Comparator<SessionKey> SESSION_ORDER =
      Comparator.comparing(SessionKey::hour).thenComparing(SessionKey::sessionId, TEXT);

  final TreeMap<Key, Sums> hours = new TreeMap<>(KEY_ORDER);
  final TreeMap<SessionKey, Sums> sessions = new TreeMap<>(SESSION_ORDER);

  private SpendHours() {}

  static SpendHours of(List<CostEvent> events) {
    SpendHours rollup = new SpendHours();
    for (CostEvent e : events) {
      Instant hour = HourSplit.floor(e.occurredAt());
      rollup
          .hours
          .computeIfAbsent(
              new Key(
                  hour,
                  e.client().orElse(null),
                  e.project().orElse(null),
                  e.team().orElse(null),
                  e.provider().orElse(null),
                  e.mode().orElse(null)),
              k -> new Sums())
          .add(e);
      rollup
          .sessions
          .computeIfAbsent(new SessionKey(hour, e.sessionId().orElse(null)), k -> new Sums())
          .add(e);
    }
    return rollup;
  }

  void write(Connection connection) throws SQLException {
    if (hours.isEmpty()) {
      return;
    }
    upsert(
        connection,
        "insert into cost_event_hours (hour_start, client, project, team, provider, mode, amount,"
            + " events, reuse_savings) values ",
        "(?,?,?,?,?,?,?,?,?)",
        " on duplicate key update amount = amount + values(amount),"
            + " events = events + values(events),"
            + " reuse_savings = reuse_savings + values(reuse_savings)",
        hours,
        (statement, p, key, sums) -> {
          statement.setObject(p++, JpaCostEventRepository.utc(key.hour()));
          statement.setString(p++, key.client());
          statement.setString(p++, key.project());
          statement.setString(p++, key.team());
          statement.setString(p++, key.provider());
          statement.setString(p++, key.mode());
          statement.setBigDecimal(p++, sums.amount);
          statement.setLong(p++, sums.events);
          statement.setBigDecimal(p++, sums.reuseSavings);
          return p;
        });
    upsert(
        connection,
        "insert into cost_event_session_hours (hour_start, session_id, amount, events) values ",
        "(?,?,?,?)",
        " on duplicate key update amount = amount + values(amount),"
            + " events = events + values(events)",
        sessions,
        (statement, p, key, sums) -> {
          statement.setObject(p++, JpaCostEventRepository.utc(key.hour()));
          statement.setString(p++, key.sessionId());
          statement.setBigDecimal(p++, sums.amount);
          statement.setLong(p++, sums.events);
          return p;
        });
  }

  private interface RowBinder<K> {
    int bind(PreparedStatement statement, int parameter, K key, Sums sums) throws SQLException;
  }

  private static <K> void upsert(
      Connection connection,
      String head,
      String row,
      String tail,
      Map<K, Sums> rows,
      RowBinder<K> binder)
      throws SQLException {
    StringBuilder sql = new StringBuilder(head);
    for (int i = 0; i < rows.size(); i++) {
      sql.append(i == 0 ? "" : ",").append(row);
    }
    sql.append(tail);
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      int p = 1;
      for (Map.Entry<K, Sums> entry : rows.entrySet()) {
        p = binder.bind(statement, p, entry.getKey(), entry.getValue());
      }
      statement.executeUpdate();
    }
  }
}
