package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hourly spend rollups (V23) that budgets, the spending summary and the dashboards read: after
 * concurrent batches full of duplicates they equal the sums of the stored events to the micro-unit,
 * every row of them; a refused batch changes neither events nor rollups; and a budget whose rolling
 * window starts and ends inside hours reads the same spend as the events hold.
 */
@SharedDeployment
class CostEventRollupsIT {

  @ArquillianResource URL base;

  private Api api;
  private String run;
  private Instant now;

  @BeforeEach
  void setUp() {
    api = new Api(base);
    run = "rollup-" + UUID.randomUUID();
    now = Instant.now();
  }

  /**
   * Event {@code i} of the run: over the last three days (six minutes apart, so hours hold
   * several), two clients and none, two providers, a session per ten events, amounts with six
   * decimals.
   */
  private String event(int i) {
    Instant at = now.minus(3, ChronoUnit.DAYS).plus(i * 6L, ChronoUnit.MINUTES);
    String client = i % 3 == 0 ? "null" : "\"" + run + (i % 3 == 1 ? "-A" : "-B") + "\"";
    String provider = i % 2 == 0 ? "\"openai\"" : "\"anthropic\"";
    String listCost = i % 4 == 0 ? ", \"listCost\": " + (i + 1) + ".5" : "";
    return ("{\"idempotencyKey\": \"%s-%d\", \"occurredAt\": \"%s\", \"operationType\": \"it\","
            + " \"amount\": %d.%06d, \"client\": %s, \"provider\": %s, \"mode\": \"batch\","
            + " \"sessionId\": \"%s-s%d\"%s}")
        .formatted(run, i, at, i, (i * 7919) % 1_000_000, client, provider, run, i / 10, listCost);
  }

  private String batch(int from, int to) {
    List<String> events = new ArrayList<>();
    for (int i = from; i < to; i++) {
      events.add(event(i));
    }
    return "{\"events\": [" + String.join(",", events) + "]}";
  }

  @Test
  void concurrentBatchesWithDuplicatesKeepTheRollupsEqualToTheEvents() throws Exception {
    // Four writers, five batches each of 120 events over 0..599, every writer starting at a
    // different offset: most keys arrive two to four times, in different batches and orders.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Callable<int[]>> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int offset = w * 60;
      writers.add(
          () -> {
            int accepted = 0;
            int duplicates = 0;
            for (int b = 0; b < 5; b++) {
              int from = (offset + b * 120) % 600;
              Api.Answer answer = api.post("api/v1/cost-events", batch(from, from + 120));
              assertThat(answer.status()).as(answer.body()).isEqualTo(202);
              accepted += answer.json().getInt("accepted");
              duplicates += answer.json().getInt("duplicates");
            }
            return new int[] {accepted, duplicates};
          });
    }
    int accepted = 0;
    int duplicates = 0;
    try {
      for (Future<int[]> writer : pool.invokeAll(writers, 3, TimeUnit.MINUTES)) {
        accepted += writer.get()[0];
        duplicates += writer.get()[1];
      }
    } finally {
      pool.shutdownNow();
    }
    int distinct = 660; // the writers at offsets 60 and 180 run past 599, up to 659
    assertThat(accepted).isEqualTo(distinct);
    assertThat(accepted + duplicates).isEqualTo(4 * 5 * 120);
    assertThat(count("select count(*) from cost_events where idempotency_key like '" + run + "-%'"))
        .isEqualTo(distinct);

    assertRollupsEqualTheEvents();
  }

  @Test
  void aRefusedBatchChangesNoEventAndNoRollup() throws Exception {
    api.post("api/v1/cost-events", batch(0, 50));
    Map<String, String> before = rollupRows();
    Map<String, String> daysBefore = dayRows();
    String refused = batch(50, 100).replace("\"amount\": 99.", "\"amount\": -99.");

    Api.Answer answer = api.post("api/v1/cost-events", refused);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(count("select count(*) from cost_events where idempotency_key like '" + run + "-%'"))
        .isEqualTo(50);
    assertThat(rollupRows()).isEqualTo(before);
    assertThat(dayRows()).isEqualTo(daysBefore);
    assertRollupsEqualTheEvents();
  }

  @Test
  void aRollingBudgetReadsTheSpendOfItsPartialHoursToo() throws Exception {
    Instant hourEnd = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    if (Duration.between(now, hourEnd).compareTo(Duration.ofMinutes(2)) < 0) {
      // The event dated after now below must still be after now when the budget is read.
      Thread.sleep(Duration.between(now, hourEnd).plusSeconds(1).toMillis());
      now = Instant.now();
      hourEnd = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    }
    api.post("api/v1/cost-events", batch(0, 300));
    String client = run + "-A";
    // Spend within the current hour, which the window's end cuts (its rollup less the events
    // dated after now: one a second before the hour's end, within the hour of clock skew allowed).
    Api.Answer stored =
        api.post(
            "api/v1/cost-events",
            ("{\"events\": [%s, %s]}")
                .formatted(
                    oneEvent("recent", now.minusSeconds(30), "0.000007", client),
                    oneEvent("ahead", hourEnd.minusSeconds(1), "0.000300", client)));
    assertThat(stored.status()).as(stored.body()).isEqualTo(202);
    Api.Answer created =
        api.post(
            "api/v1/budgets",
            Fixtures.load(
                "budget.json",
                Map.of(
                    "name",
                    run,
                    "period",
                    "rolling_30_days",
                    "limit",
                    "1000000",
                    "client",
                    client)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValue();
    try {
      BigDecimal spent =
          api.get("api/v1/budgets/" + id).json().getJsonNumber("spent").bigDecimalValue();
      BigDecimal events =
          decimal(
              "select sum(amount) from cost_events where client = '"
                  + client
                  + "' and occurred_at > utc_timestamp(6) - interval 30 day"
                  + " and occurred_at <= utc_timestamp(6)");
      assertThat(spent).isEqualByComparingTo(events);
      assertThat(spent)
          .as("the event dated after now is not in the window")
          .isNotEqualByComparingTo(
              decimal(
                  "select sum(amount) from cost_events where client = '"
                      + client
                      + "' and occurred_at > utc_timestamp(6) - interval 30 day"));
      Api.Answer summary =
          api.get(
              "api/v1/spending/summary?from="
                  + now.minus(5, ChronoUnit.DAYS).toString().substring(0, 10)
                  + "&to="
                  + now.plus(2, ChronoUnit.DAYS).toString().substring(0, 10));
      assertThat(
              summary
                  .json()
                  .getJsonObject("byClient")
                  .getJsonObject(client)
                  .getJsonNumber("cost")
                  .bigDecimalValue())
          .isEqualByComparingTo(
              decimal("select sum(amount) from cost_events where client = '" + client + "'"));
    } finally {
      assertThat(api.delete("api/v1/budgets/" + id, Api.TOKEN).status()).isEqualTo(204);
    }
  }

  private String oneEvent(String key, Instant at, String amount, String client) {
    return ("{\"idempotencyKey\": \"%s-%s\", \"occurredAt\": \"%s\", \"operationType\": \"it\","
            + " \"amount\": %s, \"client\": \"%s\", \"sessionId\": \"%s-s-%s\"}")
        .formatted(run, key, at, amount, client, run, key);
  }

  /**
   * A summary over a stretch whose ends cut hours, on either side of their half (so each end is
   * read once from its own events and once as its hour's rollup less the events outside the
   * stretch): per client and per session, the same cost and count as the events in the stretch.
   */
  @Test
  void aSummaryOverAStretchCuttingHoursHoldsItsOwnEventsOnly() throws Exception {
    api.post("api/v1/cost-events", batch(0, 300));
    Instant first = now.minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    for (int minute : new int[] {10, 50}) {
      Instant from = first.plus(2, ChronoUnit.HOURS).plus(minute, ChronoUnit.MINUTES);
      Instant to = first.plus(20, ChronoUnit.HOURS).plus(minute, ChronoUnit.MINUTES);
      Api.Answer summary = api.get("api/v1/spending/summary?from=" + from + "&to=" + to);
      assertThat(summary.status()).as(summary.body()).isEqualTo(200);
      String range =
          " from cost_events where occurred_at >= '%s' and occurred_at < '%s'"
              .formatted(sql(from), sql(to));
      Map<String, String> expected = new TreeMap<>();
      expected.putAll(
          groupRows(
              "select 'client', client, sum(amount), count(*)"
                  + range
                  + " and client like '"
                  + run
                  + "%' group by client"));
      expected.putAll(
          groupRows(
              "select 'session', session_id, sum(amount), count(*)"
                  + range
                  + " and session_id like '"
                  + run
                  + "%' group by session_id"));
      Map<String, String> answered = new TreeMap<>();
      for (String[] groups : new String[][] {{"client", "byClient"}, {"session", "bySession"}}) {
        summary
            .json()
            .getJsonObject(groups[1])
            .forEach(
                (key, group) -> {
                  if (key.startsWith(run)) {
                    answered.put(groups[0] + "|" + key + "|", sumAndCount(group));
                  }
                });
      }
      assertThat(expected)
          .as("the run's events between %s and %s", from, to)
          .hasSizeGreaterThan(2 + 10);
      assertThat(answered).as("from %s to %s", from, to).isEqualTo(expected);
    }
  }

  /**
   * A range's summary, kept by the server and then brought up to date with the events added to it
   * (SpendingService), while four writers add events in and around it and a reader asks for it
   * again and again: at the end, every group, the total, the count and the reuse savings are those
   * of the events stored in the range.
   */
  @Test
  void aKeptSummaryBroughtUpToDateWhileWritersAddToItHoldsTheRangesEvents() throws Exception {
    // Two days of their own for this run, in 2012, where no other test writes.
    Instant from =
        Instant.parse("2012-01-01T00:00:00Z")
            .plus(Math.floorMod(run.hashCode(), 360), ChronoUnit.DAYS);
    Instant to = from.plus(2, ChronoUnit.DAYS);
    String summary = "api/v1/spending/summary?from=" + from + "&to=" + to;
    assertThat(api.post("api/v1/cost-events", eventsAround(from, 0, 50)).status()).isEqualTo(202);
    assertThat(api.get(summary).status()).isEqualTo(200);

    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Callable<Integer>> work = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int first = 50 + w * 100;
      work.add(
          () -> {
            for (int b = 0; b < 10; b++) {
              Api.Answer answer =
                  api.post("api/v1/cost-events", eventsAround(from, first + b * 10, 10));
              assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            }
            return 0;
          });
    }
    work.add(
        () -> {
          for (int r = 0; r < 20; r++) {
            assertThat(api.get(summary).status()).isEqualTo(200);
          }
          return 0;
        });
    try {
      for (Future<Integer> done : pool.invokeAll(work, 3, TimeUnit.MINUTES)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
    api.get(summary); // kept now, or read again after a late commit
    assertThat(api.post("api/v1/cost-events", eventsAround(from, 450, 3)).status()).isEqualTo(202);

    long inRange = assertSummaryHoldsTheEvents(from, to);
    assertThat(inRange).isEqualTo(453 - 91); // every fifth event is before the range
    // A range from the day before to the last day, cutting an hour at each end: its whole day
    // from the daily rollups, the hours around it from the hourly ones, the cut hours from the
    // events.
    assertSummaryHoldsTheEvents(
        from.minus(1, ChronoUnit.DAYS).plus(5, ChronoUnit.HOURS).plus(30, ChronoUnit.MINUTES),
        to.minus(3, ChronoUnit.HOURS).minus(20, ChronoUnit.MINUTES));
  }

  /**
   * The summary of {@code [from, to)}, group by group, against the events stored in it (where no
   * other test writes); answers how many there are.
   */
  private long assertSummaryHoldsTheEvents(Instant from, Instant to) throws Exception {
    var answered = api.get("api/v1/spending/summary?from=" + from + "&to=" + to).json();
    String range =
        " from cost_events where occurred_at >= '%s' and occurred_at < '%s'"
            .formatted(sql(from), sql(to));
    Map<String, String> expected = new TreeMap<>();
    Map<String, String> groups = new TreeMap<>();
    String[][] dimensions = {
      {"client", "byClient"},
      {"project", "byProject"},
      {"provider", "byProvider"},
      {"mode", "byMode"},
      {"session_id", "bySession"}
    };
    for (String[] dimension : dimensions) {
      expected.putAll(
          groupRows(
              "select '%1$s', coalesce(%1$s, '(none)'), sum(amount), count(*)%2$s group by %1$s"
                  .formatted(dimension[0], range)));
      answered
          .getJsonObject(dimension[1])
          .forEach((key, group) -> groups.put(dimension[0] + "|" + key + "|", sumAndCount(group)));
    }
    assertThat(expected).as("from %s to %s", from, to).hasSizeGreaterThan(5 * 2);
    assertThat(groups).as("from %s to %s", from, to).isEqualTo(expected);
    assertThat(answered.getJsonNumber("total").bigDecimalValue())
        .isEqualByComparingTo(decimal("select sum(amount)" + range));
    assertThat(answered.getJsonNumber("reuseSavings").bigDecimalValue())
        .isEqualByComparingTo(
            decimal("select sum(list_cost - amount)" + range + " and list_cost > amount"));
    long events = answered.getJsonNumber("events").longValue();
    assertThat(events).isEqualTo(count("select count(*)" + range));
    return events;
  }

  /**
   * Events {@code first} to {@code first + n - 1} of the run around a range's start: every fifth in
   * the day before it, the others in its two days, in groups that vary by event.
   */
  private String eventsAround(Instant start, int first, int n) {
    List<String> events = new ArrayList<>();
    for (int i = first; i < first + n; i++) {
      Instant at =
          start.plusSeconds(i % 5 == 0 ? -86_400 + (i * 997L) % 86_400 : (i * 397L) % 172_800);
      String listCost = i % 3 == 0 ? ", \"listCost\": " + (i % 7) + ".25" : "";
      events.add(
          ("{\"idempotencyKey\": \"%s-around-%d\", \"occurredAt\": \"%s\", \"operationType\":"
                  + " \"it\", \"amount\": %d.%06d, \"client\": %s, \"project\": \"%s-p%d\","
                  + " \"provider\": \"p%d\", \"mode\": \"m%d\", \"sessionId\": \"%s-s%d\"%s}")
              .formatted(
                  run,
                  i,
                  at,
                  i % 4,
                  (i * 7919) % 1_000_000,
                  i % 4 == 0 ? "null" : "\"" + run + "-c" + i % 3 + "\"",
                  run,
                  i % 5,
                  i % 2,
                  i % 3,
                  run,
                  i / 7,
                  listCost));
    }
    return "{\"events\": [" + String.join(",", events) + "]}";
  }

  /** A summary's group as {@link #groupRows} writes the events' sums: "cost|count|". */
  private static String sumAndCount(JsonValue group) {
    return group
            .asJsonObject()
            .getJsonNumber("cost")
            .bigDecimalValue()
            .stripTrailingZeros()
            .toPlainString()
        + "|"
        + group.asJsonObject().getJsonNumber("count").longValue()
        + "|";
  }

  private static String sql(Instant instant) {
    return instant.toString().replace('T', ' ').replace("Z", "");
  }

  /** Rows of a kind, a name, a sum and a count, keyed by the first two as {@link #rows} are. */
  private static Map<String, String> groupRows(String sql) throws SQLException {
    Map<String, String> rows = new TreeMap<>();
    try (Connection db = TestDatabase.connect();
        Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.put(
            result.getString(1) + "|" + result.getString(2) + "|",
            new BigDecimal(result.getString(3)).stripTrailingZeros().toPlainString()
                + "|"
                + result.getLong(4)
                + "|");
      }
    }
    return rows;
  }

  /**
   * Every rollup row against the events it sums, over the whole table: for each dimension the same
   * values and hours, the same amounts, counts and reuse savings, and nothing more on either side.
   */
  private void assertRollupsEqualTheEvents() throws SQLException {
    Map<String, String> events = new TreeMap<>();
    for (String[] dimension :
        new String[][] {
          {"all", "null"},
          {"client", "client"},
          {"project", "project"},
          {"team", "team"},
          {"provider", "provider"},
          {"mode", "mode"},
          {"session", "session_id"}
        }) {
      events.putAll(
          rows(
              ("select '%s', %s, date_format(occurred_at, '%%Y-%%m-%%d %%H:00:00'), sum(amount),"
                      + " count(*), sum(case when list_cost > amount then list_cost - amount else"
                      + " 0 end) from cost_events group by 2, 3")
                  .formatted(dimension[0], dimension[1])));
    }
    Map<String, String> days = new TreeMap<>();
    for (String dimension : new String[] {"client", "project", "provider", "mode"}) {
      days.putAll(
          rows(
              ("select '%1$s', %1$s, date(occurred_at), sum(amount), count(*), sum(case when"
                      + " list_cost > amount then list_cost - amount else 0 end) from cost_events"
                      + " group by 2, 3")
                  .formatted(dimension)));
    }
    assertThat(rollupRows()).isEqualTo(events);
    assertThat(dayRows()).isEqualTo(days);
  }

  private Map<String, String> rollupRows() throws SQLException {
    // A row's concurrent writers add to shards of it (V25): the row is the sum of its shards.
    return rows(
        "select dimension, value, date_format(hour_start, '%Y-%m-%d %H:00:00'), sum(amount),"
            + " sum(events), sum(reuse_savings) from cost_event_hours group by 1, 2, 3");
  }

  /** The daily rollups (V30), their shards summed. */
  private Map<String, String> dayRows() throws SQLException {
    return rows(
        "select dimension, value, day, sum(amount), sum(events), sum(reuse_savings)"
            + " from cost_event_days group by 1, 2, 3");
  }

  /** Rows keyed by every column but the last three, the sums (compared as exact decimals). */
  private static Map<String, String> rows(String sql) throws SQLException {
    Map<String, String> rows = new TreeMap<>();
    try (Connection db = TestDatabase.connect();
        Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      int sums = 3;
      while (result.next()) {
        StringBuilder key = new StringBuilder();
        for (int c = 1; c <= columns - sums; c++) {
          key.append(result.getString(c)).append('|');
        }
        StringBuilder value = new StringBuilder();
        for (int c = columns - sums + 1; c <= columns; c++) {
          value.append(new BigDecimal(result.getString(c)).stripTrailingZeros().toPlainString());
          value.append('|');
        }
        assertThat(rows.put(key.toString(), value.toString())).as("row %s once", key).isNull();
      }
    }
    return rows;
  }

  private static long count(String sql) throws SQLException {
    return decimal(sql).longValueExact();
  }

  private static BigDecimal decimal(String sql) throws SQLException {
    try (Connection db = TestDatabase.connect();
        Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getBigDecimal(1) == null ? BigDecimal.ZERO : result.getBigDecimal(1);
    }
  }
}
