package com.costguard.benchmark;

import com.costguard.cost.budget.BudgetCalendar;
import com.costguard.cost.budget.JobAccrual;
import com.costguard.cost.job.JobCostCalculator;
import com.costguard.cost.job.JobEvent;
import com.costguard.cost.job.JobEventType;
import com.costguard.cost.job.JobSpec;
import com.costguard.cost.job.Pricing;
import com.costguard.model.job.JobStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * The big data set of figure 4: jobs and cost events spread over the six months before now, written
 * straight into the application's tables with {@code LOAD DATA LOCAL INFILE} (the rows stream from
 * a generator thread, no file on disk), one statement per table, into the application's whole
 * schema; the hourly rollups that the application keeps as it stores events are summed here.
 *
 * <p>One statement into the empty table, with unique and foreign-key checks off for the session, is
 * InnoDB's bulk load (MariaDB 10.7+, MDEV-24621): no undo record per row, indexes built sorted at
 * the end. A statement per million rows took each chunk after the first row by row, every chunk
 * slower than the one before (10 million cost events: over 6 minutes on 2 busy cores).
 */
final class SeedData {

  static final Duration SPAN = Duration.ofDays(182);

  /** How often the generator reports progress. */
  private static final int PROGRESS_EVERY = 1_000_000;

  private static final DateTimeFormatter SQL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  static final String[] CLIENTS = names("Client", 20);
  static final String[] PROJECTS = names("Project", 60);
  static final String[] TEAMS = names("team", 12);
  static final String[] PROVIDERS = {"aws", "gcp", "azure", "openai", "anthropic"};
  static final String[] MODES = {"interactive", "batch", "agent"};
  static final String[] OPERATIONS = {
    "llm.tokens", "gpu.hours", "embedding.tokens", "storage.gb", "inference.requests"
  };

  private final String jdbcUrl;
  private final Instant end;

  SeedData(String jdbcUrl, Instant end) {
    this.jdbcUrl = jdbcUrl;
    this.end = end;
  }

  private static String[] names(String prefix, int n) {
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = "%s %02d".formatted(prefix, i + 1);
    }
    return names;
  }

  Instant start() {
    return end.minus(SPAN);
  }

  /** The instant of row {@code i} of {@code n}: evenly through the span, in order. */
  private Instant at(long i, long n) {
    return start().plusMillis((long) ((double) SPAN.toMillis() * i / n));
  }

  private static String sql(Instant instant) {
    return SQL_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  /**
   * Finished jobs, each with the events a runner reports (started a minute after it was queued,
   * then completed or failed 1 to 40 hours later), its final cost as the cost engine computes it
   * from them, and the span of its events (V26): what a real month of training jobs looks like to
   * the reads, most of them settled in it.
   */
  void jobs(long n) throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    long[] started = new long[Math.toIntExact(n)];
    long[] ended = new long[started.length];
    boolean[] failed = new boolean[started.length];
    DailyJobRollups days = new DailyJobRollups();
    load(
        "jobs",
        "(external_id, name, created_by, client, project, team, provider, gpu_type, pricing,"
            + " hourly_rate, on_demand_hourly_rate, estimate_min, estimate_max, total_steps,"
            + " status, cancel_requested, final_cost, created_at, ended_at, first_event_at,"
            + " last_event_at, days_rolled_up)",
        n,
        i -> {
          int j = (int) i;
          Instant created = at(i, n);
          long hours = 1 + random.nextInt(40);
          BigDecimal rate = BigDecimal.valueOf(100 + random.nextInt(300), 2);
          Pricing pricing = random.nextBoolean() ? Pricing.SPOT : Pricing.ON_DEMAND;
          failed[j] = random.nextInt(50) == 0;
          Instant start = created.plusSeconds(60);
          Instant stop = start.plus(Duration.ofHours(hours));
          started[j] = start.toEpochMilli();
          ended[j] = stop.toEpochMilli();
          BigDecimal estimate = rate.multiply(BigDecimal.valueOf(hours));
          JobSpec spec =
              JobSpec.of(
                  pricing,
                  rate,
                  rate.multiply(BigDecimal.valueOf(3)),
                  estimate.multiply(new BigDecimal("0.8")),
                  estimate.multiply(new BigDecimal("1.2")),
                  1000);
          List<JobEvent> events = events(j, start, stop, failed[j]);
          BigDecimal finalCost = JobCostCalculator.cost(spec, events, stop).currentCost();
          String client = CLIENTS[random.nextInt(CLIENTS.length)];
          String project = PROJECTS[random.nextInt(PROJECTS.length)];
          String team = TEAMS[random.nextInt(TEAMS.length)];
          String provider = PROVIDERS[random.nextInt(3)];
          days.add(
              j + 1L, // jobs.id follows the load order from 1
              JobAccrual.of(spec, events, stop).days(DailyJobRollups.CALENDAR),
              client,
              project,
              team,
              provider,
              (failed[j] ? JobStatus.FAILED : JobStatus.COMPLETED).wireName());
          return String.join(
              "\t",
              "seed-job-%08d".formatted(i),
              "Seed training run " + i,
              "seed",
              client,
              project,
              team,
              provider,
              "H100",
              pricing.name(),
              spec.hourlyRate().toPlainString(),
              spec.onDemandHourlyRate().toPlainString(),
              spec.estimateMin().toPlainString(),
              spec.estimateMax().toPlainString(),
              "1000",
              failed[j] ? "FAILED" : "COMPLETED",
              "0",
              finalCost.toPlainString(),
              sql(created),
              sql(stop),
              sql(start),
              sql(stop),
              "1");
        });
    List<String> rows = days.rows();
    load(
        "job_days",
        "(zone, day, dimension, value, shard, amount, net, ran, started, continuing)",
        rows.size(),
        i -> rows.get((int) i));
    load(
        "job_day_costs", "(job_id, day, net)", days.jobDays.size(), i -> days.jobDays.get((int) i));
    load(
        "job_events",
        "(job_id, idempotency_key, type, occurred_at, received_at)",
        2 * n,
        i -> {
          int j = (int) (i / 2);
          boolean first = i % 2 == 0;
          Instant at = Instant.ofEpochMilli(first ? started[j] : ended[j]);
          String type = first ? "STARTED" : failed[j] ? "FAILED" : "COMPLETED";
          // jobs.id follows the load order from 1: the table is new and loaded in one statement
          return String.join("\t", Long.toString(j + 1L), "seed-" + i, type, sql(at), sql(at));
        });
  }

  private static List<JobEvent> events(int job, Instant started, Instant ended, boolean failed) {
    return List.of(
        JobEvent.of(JobEventType.STARTED, started, "seed-" + 2L * job),
        JobEvent.of(
            failed ? JobEventType.FAILED : JobEventType.COMPLETED,
            ended,
            "seed-" + (2L * job + 1)));
  }

  /**
   * The cost events, and their hourly rollups ({@code cost_event_hours}, see migration V23) summed
   * as the rows are generated: the application's own backfill of that migration, one grouping of
   * ten million events by seven dimensions, took longer than the whole generation (over 8 minutes
   * of one core), where these sums cost nothing. {@link #checkRollups} compares them with the
   * events.
   */
  void costEvents(long n, long jobs) throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    HourlyRollups rollups = new HourlyRollups();
    load(
        "cost_events",
        "(idempotency_key, occurred_at, received_at, operation_type, amount, currency, client,"
            + " project, team, user_name, provider, mode, session_id, job_id)",
        n,
        i -> {
          Instant occurred = at(i, n);
          // One event in twenty belongs to a job of about the same time.
          String job =
              jobs > 0 && random.nextInt(20) == 0
                  ? Long.toString(Math.max(1, Math.min(jobs, i * jobs / n + 1)))
                  : "\\N";
          String operation = OPERATIONS[random.nextInt(OPERATIONS.length)];
          long micros = random.nextInt(3) * 1_000_000L + random.nextInt(1_000_000);
          String client = CLIENTS[random.nextInt(CLIENTS.length)];
          String project = PROJECTS[random.nextInt(PROJECTS.length)];
          String team = TEAMS[random.nextInt(TEAMS.length)];
          String user = "user" + random.nextInt(200);
          String provider = PROVIDERS[random.nextInt(PROVIDERS.length)];
          String mode = MODES[random.nextInt(MODES.length)];
          String session = "session-" + (i / 50);
          long hour = occurred.getEpochSecond() / 3600;
          rollups.add("all", null, hour, micros);
          rollups.add("client", client, hour, micros);
          rollups.add("project", project, hour, micros);
          rollups.add("team", team, hour, micros);
          rollups.add("provider", provider, hour, micros);
          rollups.add("mode", mode, hour, micros);
          rollups.add("session", session, hour, micros);
          return String.join(
              "\t",
              "seed-%010d".formatted(i),
              sql(occurred),
              sql(occurred.plusMillis(200)),
              operation,
              "%d.%06d".formatted(micros / 1_000_000, micros % 1_000_000),
              "USD",
              client,
              project,
              team,
              user,
              provider,
              mode,
              session,
              job);
        });
    List<String> rows = rollups.rows();
    load(
        "cost_event_hours",
        "(dimension, value, hour_start, amount, events, reuse_savings)",
        rows.size(),
        i -> rows.get((int) i));
    // The daily rollups (V30) from the hourly ones, as the migration fills them.
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", "");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO cost_event_days (dimension, value, day, shard, amount, events,"
              + " reuse_savings) SELECT dimension, value, DATE(hour_start), 0, SUM(amount),"
              + " SUM(events), SUM(reuse_savings) FROM cost_event_hours WHERE dimension IN"
              + " ('client', 'project', 'provider', 'mode') GROUP BY dimension, value,"
              + " DATE(hour_start)");
    }
  }

  /**
   * The daily rollups of the finished jobs (V28) and each job's own days, as the jobs are
   * generated: each job's days as the cost engine splits them ({@link JobAccrual#days}), in the
   * zone the benchmark runs Costguard in; what {@code JobWriter} adds as a job finishes. {@code
   * Benchmark} checks them against the application's costing of every job from its events before it
   * measures.
   */
  static final class DailyJobRollups {
    static final BudgetCalendar CALENDAR = new BudgetCalendar(ZoneId.of("UTC"));

    private final Map<String, Object[]> sums = new HashMap<>();

    /** Each job's own days ({@code job_day_costs}), as rows for {@code LOAD DATA}. */
    final List<String> jobDays = new ArrayList<>();

    void add(
        long job,
        SortedMap<LocalDate, JobAccrual.Day> days,
        String client,
        String project,
        String team,
        String provider,
        String status) {
      String[][] dimensions = {
        {"all", "\\N"},
        {"client", client},
        {"project", project},
        {"team", team},
        {"provider", provider},
        {"status", status},
        {"creator", "seed"}
      };
      for (Map.Entry<LocalDate, JobAccrual.Day> day : days.entrySet()) {
        jobDays.add(job + "\t" + day.getKey() + "\t" + day.getValue().net().toPlainString());
        for (String[] dimension : dimensions) {
          Object[] sum =
              sums.computeIfAbsent(
                  dimension[0] + "\t" + dimension[1] + "\t" + day.getKey(),
                  k -> new Object[] {BigDecimal.ZERO, BigDecimal.ZERO, new long[3]});
          sum[0] = ((BigDecimal) sum[0]).add(day.getValue().amount());
          sum[1] = ((BigDecimal) sum[1]).add(day.getValue().net());
          long[] counts = (long[]) sum[2];
          counts[0]++;
          counts[1] += day.getKey().equals(days.firstKey()) ? 1 : 0;
          counts[2] += day.getKey().equals(days.lastKey()) ? 0 : 1;
        }
      }
    }

    /** The rows for {@code LOAD DATA}: zone, day, dimension, value, shard 0 and the sums. */
    List<String> rows() {
      List<String> rows = new ArrayList<>(sums.size());
      sums.forEach(
          (key, sum) -> {
            String[] parts = key.split("\t");
            long[] counts = (long[]) sum[2];
            rows.add(
                String.join(
                    "\t",
                    CALENDAR.zone().getId(),
                    parts[2],
                    parts[0],
                    parts[1],
                    "0",
                    ((BigDecimal) sum[0]).toPlainString(),
                    ((BigDecimal) sum[1]).toPlainString(),
                    Long.toString(counts[0]),
                    Long.toString(counts[1]),
                    Long.toString(counts[2])));
          });
      return rows;
    }
  }

  /** Sums of generated events per dimension, value and UTC hour, in micro-units. */
  private static final class HourlyRollups {
    private final Map<String, long[]> sums = new HashMap<>();

    void add(String dimension, String value, long hour, long micros) {
      long[] sum =
          sums.computeIfAbsent(
              dimension + "\t" + (value == null ? "\\N" : value) + "\t" + hour, k -> new long[2]);
      sum[0] += micros;
      sum[1]++;
    }

    /** The rows for {@code LOAD DATA}: dimension, value, hour, amount, events, reuse savings. */
    List<String> rows() {
      List<String> rows = new ArrayList<>(sums.size());
      sums.forEach(
          (key, sum) -> {
            int cut = key.lastIndexOf('\t');
            Instant hour = Instant.ofEpochSecond(Long.parseLong(key.substring(cut + 1)) * 3600);
            rows.add(
                String.join(
                    "\t",
                    key.substring(0, cut),
                    sql(hour),
                    "%d.%06d".formatted(sum[0] / 1_000_000, sum[0] % 1_000_000),
                    Long.toString(sum[1]),
                    "0"));
          });
      return rows;
    }
  }

  /**
   * Compares the rollups with the events they sum over one day of each dimension; throws when they
   * differ, so that the figures of a run are never read off wrong rollups.
   */
  void checkRollups() throws SQLException {
    Instant day = end.minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.HOURS);
    String from = sql(day);
    String to = sql(day.plus(Duration.ofDays(1)));
    for (String dimension : List.of("all", "client", "team", "session")) {
      String column =
          switch (dimension) {
            case "all" -> "'all'";
            case "session" -> "session_id";
            default -> dimension;
          };
      String events =
          ("select %1$s, sum(amount) from cost_events where occurred_at >= '%2$s' and occurred_at"
                  + " < '%3$s' group by %1$s order by 1")
              .formatted(column, from, to);
      String hours =
          ("select %1$s, sum(amount) from cost_event_hours where dimension = '%2$s' and hour_start"
                  + " >= '%3$s' and hour_start < '%4$s' group by value order by 1")
              .formatted(dimension.equals("all") ? "'all'" : "value", dimension, from, to);
      List<String> summed = rows(events);
      List<String> rolledUp = rows(hours);
      if (!summed.equals(rolledUp)) {
        throw new IllegalStateException(
            "the generated rollups of %s are wrong: %s by the events, %s by the rollups"
                .formatted(dimension, summed, rolledUp));
      }
    }
    // A whole UTC day of the daily rollups against its events.
    String date = day.toString().substring(0, 10);
    String events =
        ("select client, sum(amount) from cost_events where occurred_at >= '%1$s'"
                + " and occurred_at < '%1$s' + interval 1 day group by client order by 1")
            .formatted(date);
    String days =
        ("select value, sum(amount) from cost_event_days where dimension = 'client'"
                + " and day = '%s' group by value order by 1")
            .formatted(date);
    if (!rows(events).equals(rows(days))) {
      throw new IllegalStateException(
          "the daily rollups of %s are wrong: %s by the events, %s by the rollups"
              .formatted(date, rows(events), rows(days)));
    }
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", "");
        Statement statement = connection.createStatement();
        var result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1) + "=" + result.getBigDecimal(2).stripTrailingZeros());
      }
    }
    return rows;
  }

  /**
   * Loads {@code n} generated rows into the empty {@code table} in one statement, with progress.
   */
  private void load(String table, String columns, long n, LongFunction<String> row)
      throws Exception {
    long started = System.nanoTime();
    try (Connection connection =
            DriverManager.getConnection(jdbcUrl + "?allowLocalInfile=true", "root", "");
        Statement statement = connection.createStatement()) {
      statement.execute("SET unique_checks = 0, foreign_key_checks = 0");
      PipedInputStream in = new PipedInputStream(1 << 20);
      PipedOutputStream pipe = new PipedOutputStream(in);
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                try (OutputStream out = new java.io.BufferedOutputStream(pipe, 1 << 20)) {
                  for (long i = 0; i < n; i++) {
                    out.write(row.apply(i).getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                    if ((i + 1) % PROGRESS_EVERY == 0 && i + 1 < n) {
                      double seconds = (System.nanoTime() - started) / 1e9;
                      System.out.printf(
                          "  %s: %,d of %,d rows sent (%.0f s)%n", table, i + 1, n, seconds);
                    }
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(in);
      statement.execute(
          "LOAD DATA LOCAL INFILE 'generated.tsv' INTO TABLE "
              + table
              + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' "
              + columns);
      writer.join();
      statement.execute("SET unique_checks = 1, foreign_key_checks = 1");
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "  %s: %,d rows in %.0f s (%,.0f rows/s)%n", table, n, seconds, n / seconds);
    }
  }

  /** Whether the table holds at least {@code n} rows whose key starts with the seed's prefix. */
  static long count(String jdbcUrl, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", "");
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
