package com.costguard.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * The big data set of figure 4: jobs and cost events spread over the six months before now, written
 * straight into the application's tables with {@code LOAD DATA LOCAL INFILE} (the rows stream from
 * a generator thread, no file on disk), a million rows per statement. It runs on the schema as it
 * stands before the application's own later migrations, so that they (rollups, indexes) see these
 * rows as they would see a real installation's history.
 */
final class SeedData {

  static final Duration SPAN = Duration.ofDays(182);
  private static final int CHUNK = 1_000_000;
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

  void jobs(long n) throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    load(
        "jobs",
        "(external_id, name, created_by, client, project, team, provider, gpu_type, pricing,"
            + " hourly_rate, on_demand_hourly_rate, estimate_min, estimate_max, total_steps,"
            + " status, cancel_requested, final_cost, created_at, ended_at)",
        n,
        i -> {
          Instant created = at(i, n);
          double hours = 1 + random.nextInt(40);
          double rate = 1 + random.nextInt(300) / 100.0;
          String status = random.nextInt(50) == 0 ? "FAILED" : "COMPLETED";
          return String.join(
              "\t",
              "seed-job-%08d".formatted(i),
              "Seed training run " + i,
              "seed",
              CLIENTS[random.nextInt(CLIENTS.length)],
              PROJECTS[random.nextInt(PROJECTS.length)],
              TEAMS[random.nextInt(TEAMS.length)],
              PROVIDERS[random.nextInt(3)],
              "H100",
              random.nextBoolean() ? "SPOT" : "ON_DEMAND",
              "%.2f".formatted(rate),
              "%.2f".formatted(rate * 3),
              "%.2f".formatted(rate * hours * 0.8),
              "%.2f".formatted(rate * hours * 1.2),
              "1000",
              status,
              "0",
              "%.6f".formatted(rate * hours),
              sql(created),
              sql(created.plusSeconds((long) (hours * 3600))));
        });
  }

  void costEvents(long n, long jobs) throws Exception {
    SplittableRandom random = new SplittableRandom(11);
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
          return String.join(
              "\t",
              "seed-%010d".formatted(i),
              sql(occurred),
              sql(occurred.plusMillis(200)),
              OPERATIONS[random.nextInt(OPERATIONS.length)],
              "%d.%06d".formatted(random.nextInt(3), random.nextInt(1_000_000)),
              "USD",
              CLIENTS[random.nextInt(CLIENTS.length)],
              PROJECTS[random.nextInt(PROJECTS.length)],
              TEAMS[random.nextInt(TEAMS.length)],
              "user" + random.nextInt(200),
              PROVIDERS[random.nextInt(PROVIDERS.length)],
              MODES[random.nextInt(MODES.length)],
              "session-" + (i / 50),
              job);
        });
  }

  /** Loads {@code n} generated rows into {@code table}, a chunk per statement, with progress. */
  private void load(String table, String columns, long n, LongFunction<String> row)
      throws Exception {
    long started = System.nanoTime();
    try (Connection connection =
        DriverManager.getConnection(jdbcUrl + "?allowLocalInfile=true", "root", "")) {
      for (long first = 0; first < n; first += CHUNK) {
        long from = first;
        long to = Math.min(n, first + CHUNK);
        PipedInputStream in = new PipedInputStream(1 << 20);
        PipedOutputStream pipe = new PipedOutputStream(in);
        CompletableFuture<Void> writer =
            CompletableFuture.runAsync(
                () -> {
                  try (OutputStream out = new java.io.BufferedOutputStream(pipe, 1 << 20)) {
                    for (long i = from; i < to; i++) {
                      out.write(row.apply(i).getBytes(StandardCharsets.UTF_8));
                      out.write('\n');
                    }
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
        try (Statement statement = connection.createStatement()) {
          statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(in);
          statement.execute(
              "LOAD DATA LOCAL INFILE 'generated.tsv' INTO TABLE "
                  + table
                  + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' "
                  + columns);
        }
        writer.join();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
            "  %s: %,d of %,d rows (%.0f s, %,.0f rows/s)%n", table, to, n, seconds, to / seconds);
      }
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
