package com.costguard.benchmark;

import com.costguard.launcher.EmbeddedDatabase;
import com.costguard.launcher.PayaraMicro;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * {@code bin/benchmark}: starts Costguard as the run command does (embedded MariaDB, Payara Micro,
 * here with {@code -Xmx512m}), generates its data, measures the six figures of issue 8, each a
 * median of several rounds, and prints them beside their targets. {@code --quick} runs a small
 * scale for development; the big data set is generated once and reused from the data directory.
 */
public final class Benchmark {

  /** How much of everything: the scale, or a quick one for development. */
  record Scale(
      String name,
      long jobs,
      long events,
      int liveJobs,
      int batchesPerClient,
      int warmUpBatchesPerClient,
      int rounds,
      int crossings,
      int reads) {}

  static final Scale FULL = new Scale("full", 1_000_000, 10_000_000, 10_000, 60, 600, 3, 200, 40);
  static final Scale QUICK = new Scale("quick", 20_000, 200_000, 1_000, 5, 50, 3, 40, 15);

  static final int CLIENTS = 4;
  static final int BATCH = 1_000;

  /**
   * Runners reporting job events at once. 10,000 running jobs have a runner each; 32 at a time is
   * still far fewer, and with 8 the server idled between batches of job events (a third of its CPU
   * free at ~1,000 events/s).
   */
  static final int JOB_CLIENTS = 32;

  /**
   * Node agents reporting the events of the jobs they run, several jobs' in one call ({@code POST
   * /job-events}), as the 4 clients of ingestion report cost events.
   */
  static final int AGENTS = 4;

  static final int AGENT_CALL = 100;

  static final String ADMIN_PASSWORD = "benchmark-admin-password";
  static final String TOKEN = "cg_benchmark_api_token_0001";
  static final String EVENT_AMOUNT = "0.010000";
  static final Duration READ_TIME = Duration.ofSeconds(60);

  /** One line of the table; {@code met} is null for a figure shown beside another's target. */
  record Row(String figure, String measured, String target, Boolean met) {}

  /** The figures {@code --only} may name: each a phase of the run. */
  static final List<String> PHASES = List.of("ingestion", "alerts", "jobevents", "reads");

  private final Scale scale;
  private final Set<String> only;
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final String jdbcUrl;
  private final FakeSlack slack;
  private Api api;

  private Benchmark(Scale scale, Set<String> only, String jdbcUrl, FakeSlack slack) {
    this.scale = scale;
    this.only = only;
    this.jdbcUrl = jdbcUrl;
    this.slack = slack;
  }

  public static void main(String[] args) throws Exception {
    Logger.getLogger("ch.vorburger").setLevel(Level.WARNING);
    Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
    boolean quick = List.of(args).contains("--quick");
    Scale scale = quick ? QUICK : FULL;
    Path runtime = Path.of(option(args, "--runtime", "launcher/target/runtime"));
    Path home = Path.of(System.getProperty("user.home"), ".costguard-benchmark");
    Path dir = Path.of(option(args, "--data", home.toString())).resolve(scale.name());
    // --only ingestion,jobevents measures just those figures (a minute or two at --quick);
    // --jvm-option adds one to the application's JVM, e.g. -XX:StartFlightRecording=... to profile.
    Set<String> only = new LinkedHashSet<>();
    for (String phase : option(args, "--only", String.join(",", PHASES)).split(",")) {
      if (!PHASES.contains(phase.trim())) {
        System.err.println("--only takes a comma-separated list of " + PHASES + ", not " + phase);
        System.exit(2);
      }
      only.add(phase.trim());
    }
    List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--jvm-option")) {
        jvmOptions.add(args[i + 1]);
      }
    }
    int exit;
    try {
      exit = run(scale, only, jvmOptions, runtime, dir);
    } catch (Exception e) {
      e.printStackTrace();
      exit = 1;
    }
    System.exit(exit);
  }

  private static String option(String[] args, String name, String otherwise) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return otherwise;
  }

  private static int run(
      Scale scale, Set<String> only, List<String> jvmOptions, Path runtime, Path dir)
      throws Exception {
    long began = System.nanoTime();
    Files.createDirectories(dir);
    System.out.printf("Costguard benchmark, %s scale, data in %s%n", scale.name(), dir);
    EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("mariadb"));
    PayaraMicro[] payara = {null};
    // Ctrl-C stops Payara and MariaDB as well.
    Thread stop =
        new Thread(
            () -> {
              try {
                if (payara[0] != null) {
                  payara[0].stop();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              db.stop();
            });
    Runtime.getRuntime().addShutdownHook(stop);
    try (FakeSlack slack = FakeSlack.start()) {
      String url = db.jdbcUrl();
      seedOnce(scale, url, dir);
      endLeftovers(url);

      int port = freePort();
      Path log = dir.resolve("payara.log");
      Path gcLog = dir.resolve("gc.log");
      Files.deleteIfExists(gcLog);
      Map<String, String> env = new HashMap<>();
      env.put("COSTGUARD_DB_URL", url);
      env.put("COSTGUARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
      env.put("COSTGUARD_API_TOKEN", TOKEN);
      env.put("COSTGUARD_DEMO", "false");
      env.put("COSTGUARD_BASE_URL", "http://localhost:" + port);
      env.put("SLACK_BOT_TOKEN", "xoxb-benchmark");
      env.put("SLACK_SIGNING_SECRET", "benchmark-signing-secret");
      env.put("SLACK_API_URL", slack.url());
      env.put("SLACK_ALERT_CHANNEL", "C0BENCH");
      System.out.printf("Starting Payara Micro %s on port %d, log %s ...%n", jvmOptions, port, log);
      long starting = System.nanoTime();
      List<String> options = new ArrayList<>(jvmOptions);
      options.add("-Xlog:gc:file=" + gcLog);
      payara[0] = PayaraMicro.start(runtime, port, env, log, options);
      if (!payara[0].awaitHealthy(Duration.ofMinutes(15))) {
        System.err.println("Costguard did not become healthy:\n" + payara[0].logTail(40));
        return 1;
      }
      System.out.printf("  up in %.0f s%n", seconds(starting));

      Benchmark benchmark = new Benchmark(scale, only, url, slack);
      benchmark.api = new Api(URI.create("http://127.0.0.1:" + port + "/"), TOKEN);
      benchmark.deleteBudgets("bench %");
      benchmark.measure();
      benchmark.heap(gcLog, log);
      benchmark.print(seconds(began));
      return 0;
    }
  }

  private void measure() throws Exception {
    if (only.contains("ingestion")) {
      ingestion();
    }
    if (only.contains("alerts")) {
      alertLatency();
    }
    if (only.contains("jobevents")) {
      jobEvents();
    }
    if (only.contains("reads")) {
      reads();
    }
  }

  // ---------------------------------------------------------------- data

  /**
   * Generates the big data set unless the data directory holds it: the whole schema, then jobs and
   * cost events over six months with their hourly rollups (summed as they are generated: the rollup
   * migration's own backfill of ten million events took longer than all the rest, see {@link
   * SeedData#costEvents}), checked against the events.
   */
  private static void seedOnce(Scale scale, String url, Path dir) throws Exception {
    // Named after the seed's version: a data set of an older seed (jobs without events, before
    // V26; without daily job rollups, before V28) is generated again rather than measured.
    Path marker = dir.resolve("seeded-5");
    if (Files.exists(marker)) {
      System.out.println("Reusing the data set (" + Files.readString(marker).trim() + ")");
      return;
    }
    System.out.printf(
        "Generating %,d jobs and %,d cost events over six months (once; reused next time) ...%n",
        scale.jobs(), scale.events());
    long started = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url, "root", "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + EmbeddedDatabase.NAME);
      s.execute("CREATE DATABASE " + EmbeddedDatabase.NAME);
    }
    Flyway.configure()
        .dataSource(url, "root", "")
        .locations("classpath:db/migration")
        .load()
        .migrate();
    Instant end = Instant.now().minus(Duration.ofHours(2));
    SeedData seed = new SeedData(url, end);
    seed.jobs(scale.jobs());
    seed.costEvents(scale.events(), scale.jobs());
    seed.checkRollups();
    Files.writeString(
        marker,
        "%,d jobs, %,d cost events up to %s, generated in %.0f s%n"
            .formatted(scale.jobs(), scale.events(), end, seconds(started)));
  }

  /** What an earlier, interrupted run left running: its jobs end (its budgets go later). */
  private static void endLeftovers(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "root", "");
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE jobs SET status = 'CANCELLED', final_cost = 0, ended_at = NOW(6)"
              + " WHERE external_id LIKE 'bench-%' AND status IN ('QUEUED', 'RUNNING', 'PAUSED')");
    }
  }

  // ---------------------------------------------------------------- 1. ingestion

  private void ingestion() throws Exception {
    System.out.println("1. Ingestion: 1,000-event batches from 4 clients, budgets armed ...");
    int perClient = scale.batchesPerClient();
    // Unmeasured first, so that the rounds measure the code compiled, not the JIT compiling it:
    // after one batch per client, the compiler threads took ~40% of the server's CPU in the rounds;
    // after 200 (800,000 events), C2 alone still took 37% of it and the API's rate was ~68,000/s;
    // after 600, ~85,000/s, no more after 1,500 (its threads' CPU in /proc, sampled per second).
    int warmUp = scale.warmUpBatchesPerClient();
    // Each client's spend has a budget of its own, thresholds 25/50/75/100 %, with a limit that
    // the run's spend passes: each budget fires each threshold exactly once.
    BudgetSpec[] budgets = new BudgetSpec[CLIENTS];
    BigDecimal clientSpend =
        new BigDecimal(EVENT_AMOUNT)
            .multiply(BigDecimal.valueOf((long) (scale.rounds() * perClient + warmUp) * BATCH));
    for (int c = 0; c < CLIENTS; c++) {
      String team = "bench-%s-ingest-%d".formatted(run, c);
      String name = "bench ingest %s %d".formatted(run, c);
      budgets[c] =
          new BudgetSpec(
              createBudget(
                  name,
                  team,
                  clientSpend
                      .multiply(new BigDecimal("0.9"))
                      .setScale(2, RoundingMode.HALF_UP)
                      .toPlainString(),
                  "[25, 50, 75, 100]"),
              name,
              team);
    }
    // Rates in events per second, not money: the amounts sent and stored stay BigDecimal.
    List<Double> apiRates = new ArrayList<>();
    List<Double> rawRates = new ArrayList<>();
    apiRound(budgets, warmUp, "warm");
    rawRound(perClient, "warm");
    System.out.printf("  warmed up on %,d events, unmeasured%n", CLIENTS * warmUp * BATCH);
    for (int r = 0; r < scale.rounds(); r++) {
      double viaApi = apiRound(budgets, perClient, "r" + r);
      double raw = rawRound(perClient, "r" + r);
      apiRates.add(viaApi);
      rawRates.add(raw);
      System.out.printf(
          "  round %d: API %,.0f events/s, raw JDBC %,.0f rows/s%n", r + 1, viaApi, raw);
    }
    double apiRate = Stats.median(apiRates);
    double raw = Stats.median(rawRates);
    double ratio = apiRate / raw;
    rows.add(
        new Row(
            "1. ingestion ratio to raw JDBC batch insert",
            "%.2f (%,.0f vs %,.0f /s)".formatted(ratio, apiRate, raw),
            "≥ 0.5",
            ratio >= 0.5));
    rows.add(
        new Row(
            "   ingestion, absolute",
            "%,.0f events/s".formatted(apiRate),
            "≥ 25,000/s",
            apiRate >= 25_000));

    // Exactly once under 4 concurrent clients: 4 alerts per budget, one Slack message each.
    int expected = 4 * CLIENTS;
    awaitPosts("bench ingest " + run + " ", expected, Duration.ofSeconds(60));
    Thread.sleep(1500);
    long posted = countPosts("bench ingest " + run + " ");
    long thresholds = 0;
    long stored = 0;
    for (BudgetSpec b : budgets) {
      String alerts = api.get("api/v1/alerts?budget=" + b.id()).body();
      thresholds += count(alerts, "\"kind\":\"threshold\"");
      // Forecast alerts fire too as spend climbs this fast; each alert is one Slack message.
      stored += count(alerts, "\"kind\":");
    }
    // Forecast alerts' posts may still be on their way: wait for one post per stored alert.
    awaitPosts("bench ingest " + run + " ", stored, Duration.ofSeconds(30));
    posted = countPosts("bench ingest " + run + " ");
    deleteBudgets("bench ingest " + run + " %");
    rows.add(
        new Row(
            "   alerts while ingesting (4 budgets × 4 thresholds)",
            "%d threshold alerts; %d Slack alerts for %d alerts of any kind"
                .formatted(thresholds, posted, stored),
            "exactly " + expected + ", one post each",
            thresholds == expected && posted == stored));
  }

  private record BudgetSpec(long id, String name, String team) {}

  /** A monthly budget over one team's spend, or the whole organisation's when team is null. */
  private long createBudget(String name, String team, String limit, String thresholds) {
    String scope = team == null ? "{}" : "{\"team\": \"" + team + "\"}";
    String json =
        ("{\"name\": \"%s\", \"period\": \"calendar_month\", \"limit\": %s, \"thresholds\": %s,"
                + " \"scope\": %s, \"blockNewJobs\": false}")
            .formatted(name, limit, thresholds, scope);
    Api.Answer created = api.post("api/v1/budgets", json);
    if (!created.ok()) {
      throw new IllegalStateException("cannot create budget " + name + ": " + created.body());
    }
    return created.number("id");
  }

  /** One API round: every client sends its batches; answers events/s over the whole round. */
  private double apiRound(BudgetSpec[] budgets, int batches, String round) throws Exception {
    String occurred = Instant.now().minusSeconds(60).toString();
    List<List<String>> bodies = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      List<String> mine = new ArrayList<>();
      for (int b = 0; b < batches; b++) {
        mine.add(batch("bench-%s-%s-%d-%d-".formatted(run, round, c, b), occurred, budgets[c]));
      }
      bodies.add(mine);
    }
    long started = System.nanoTime();
    parallel(
        CLIENTS,
        c -> {
          Api client = api.another();
          for (String body : bodies.get(c)) {
            client.post("api/v1/cost-events", body);
          }
        });
    return (double) CLIENTS * batches * BATCH / seconds(started);
  }

  private static String batch(String keyPrefix, String occurred, BudgetSpec budget) {
    StringBuilder json = new StringBuilder(BATCH * 260).append("{\"events\": [");
    for (int i = 0; i < BATCH; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"idempotencyKey\": \"")
          .append(keyPrefix)
          .append(i)
          .append("\", \"occurredAt\": \"")
          .append(occurred)
          .append("\", \"operationType\": \"llm.tokens\", \"amount\": ")
          .append(EVENT_AMOUNT)
          .append(", \"client\": \"Client 01\", \"project\": \"Project 01\", \"team\": \"")
          .append(budget.team())
          .append("\", \"user\": \"user")
          .append(i % 50)
          .append("\", \"provider\": \"openai\", \"mode\": \"batch\", \"sessionId\": \"")
          .append(keyPrefix)
          .append(i / 100)
          .append("\"}");
    }
    return json.append("]}").toString();
  }

  /**
   * The same rows (other keys, a team no budget watches) inserted by plain JDBC batches from 4
   * connections, a transaction per 1,000 rows: the database's own limit on this machine.
   */
  private double rawRound(int batches, String round) throws Exception {
    Timestamp occurred = Timestamp.from(Instant.now().minusSeconds(60));
    long started = System.nanoTime();
    parallel(
        CLIENTS,
        c -> {
          try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO cost_events (idempotency_key, occurred_at, received_at,"
                        + " operation_type, amount, currency, client, project, team, user_name,"
                        + " provider, mode, session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?)")) {
              for (int b = 0; b < batches; b++) {
                String prefix = "raw-%s-%s-%d-%d-".formatted(run, round, c, b);
                Timestamp received = Timestamp.from(Instant.now());
                for (int i = 0; i < BATCH; i++) {
                  insert.setString(1, prefix + i);
                  insert.setTimestamp(2, occurred);
                  insert.setTimestamp(3, received);
                  insert.setString(4, "llm.tokens");
                  insert.setBigDecimal(5, new java.math.BigDecimal(EVENT_AMOUNT));
                  insert.setString(6, "USD");
                  insert.setString(7, "Client 01");
                  insert.setString(8, "Project 01");
                  insert.setString(9, "bench-%s-raw-%d".formatted(run, c));
                  insert.setString(10, "user" + i % 50);
                  insert.setString(11, "openai");
                  insert.setString(12, "batch");
                  insert.setString(13, prefix + i / 100);
                  insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
              }
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
    return (double) CLIENTS * batches * BATCH / seconds(started);
  }

  // ---------------------------------------------------------------- 3. alert latency

  private void alertLatency() throws Exception {
    int n = scale.crossings();
    System.out.printf("3. Alert latency: %d threshold crossings, one at a time ...%n", n);
    List<String> names = new ArrayList<>();
    List<String> teams = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = "bench alert %s %04d".formatted(run, i);
      String team = "bench-%s-alert-%d".formatted(run, i);
      createBudget(name, team, "100", "[50]");
      names.add(name);
      teams.add(team);
    }
    List<Double> latencies = new ArrayList<>();
    int missing = 0;
    for (int i = 0; i < n; i++) {
      String body =
          ("{\"events\": [{\"idempotencyKey\": \"bench-%s-alert-%d\", \"occurredAt\": \"%s\","
                  + " \"operationType\": \"llm.tokens\", \"amount\": 60, \"team\": \"%s\"}]}")
              .formatted(run, i, Instant.now().minusSeconds(30), teams.get(i));
      int before = slack.posts().size();
      api.post("api/v1/cost-events", body);
      long answered = System.nanoTime();
      String name = names.get(i);
      Long received = null;
      long deadline = answered + Duration.ofSeconds(10).toNanos();
      while (received == null && System.nanoTime() < deadline) {
        List<FakeSlack.Post> posts = slack.posts();
        for (int p = Math.max(0, before - 5); p < posts.size(); p++) {
          if (posts.get(p).alert() && names(posts.get(p).text(), name)) {
            received = posts.get(p).receivedNanos();
            break;
          }
        }
        if (received == null) {
          Thread.sleep(1);
        }
      }
      if (received == null) {
        missing++;
      } else {
        latencies.add(Math.max(0, received - answered) / 1e6);
      }
    }
    Thread.sleep(2000);
    long posts = 0;
    int notOnce = 0;
    for (String name : names) {
      long count = slack.posts().stream().filter(p -> p.alert() && names(p.text(), name)).count();
      posts += count;
      if (count != 1) {
        notOnce++;
      }
    }
    deleteBudgets("bench alert " + run + " %");
    double p50 = Stats.percentile(latencies, 50);
    double p99 = Stats.percentile(latencies, 99);
    System.out.printf("  p50 %.0f ms, p99 %.0f ms, %d missing%n", p50, p99, missing);
    rows.add(
        new Row(
            "3. alert latency (API answer → chat.postMessage)",
            "p50 %.0f ms, p99 %.0f ms".formatted(p50, p99),
            "p50 ≤ 100 ms, p99 ≤ 1 s",
            p50 <= 100 && p99 <= 1000 && missing == 0));
    rows.add(
        new Row(
            "   alerts per crossing",
            "%d posts for %d crossings (%d not exactly once)".formatted(posts, n, notOnce),
            "exactly 1 each",
            notOnce == 0 && posts == n));
  }

  /** Whether a Slack text names this budget (and not one whose name merely starts alike). */
  private static boolean names(String text, String name) {
    int at = text.indexOf(name);
    return at >= 0
        && (at + name.length() == text.length()
            || !Character.isDigit(text.charAt(at + name.length())));
  }

  /**
   * Deletes the benchmark's budgets named like this (SQL LIKE) through the API, as an admin would:
   * the portal lists every budget, so those of earlier phases and runs must not pile up.
   */
  private void deleteBudgets(String like) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, "root", "");
        PreparedStatement s = c.prepareStatement("SELECT id FROM budgets WHERE name LIKE ?")) {
      s.setString(1, like);
      try (var found = s.executeQuery()) {
        while (found.next()) {
          ids.add(found.getLong(1));
        }
      }
    }
    for (long id : ids) {
      api.delete("api/v1/budgets/" + id);
    }
  }

  // ---------------------------------------------------------------- 2. and 5. jobs

  private void jobEvents() throws Exception {
    int n = scale.liveJobs();
    // Unmeasured, as ingestion's warm-up: a fifth as many jobs go through the same events
    // first, so that the rounds below measure the code compiled, not the JIT compiling it.
    System.out.printf("2. Job events: warming up on %,d other jobs ...%n", n / 5);
    long[] warm = createJobs(n / 5, "warm");
    Instant warmStart = Instant.now().minus(Duration.ofHours(3));
    runnerRound(warm, "warm-started", warmStart, "\"type\": \"started\"");
    // Progress events are most of a job's. With 3 of them per warm job, the compiler threads still
    // took ~18% of the server's CPU in the measured rounds, and the rounds' rates kept climbing.
    int warmSteps = 16;
    for (int k = 1; k <= warmSteps; k++) {
      String key = "warm-step-" + k;
      Instant at = warmStart.plus(Duration.ofMinutes(k));
      String fields = "\"type\": \"progress\", \"step\": " + (k * 10);
      if (k % 2 == 0) {
        agentRound(warm, key, at, fields);
      } else {
        runnerRound(warm, key, at, fields);
      }
    }
    agentRound(
        warm,
        "warm-completed",
        warmStart.plus(Duration.ofMinutes(warmSteps + 10)),
        "\"type\": \"completed\"");
    System.out.printf("  creating %,d running jobs ...%n", n);
    long creating = System.nanoTime();
    long[] ids = createJobs(n, "job");
    System.out.printf("  created in %.0f s%n", seconds(creating));
    Instant start = Instant.now().minus(Duration.ofHours(3));
    // Each way of reporting has as many rounds: the runners' the start and a progress event per
    // round, the agents' a progress event per round and the completion. The sweep comes after the
    // agents' progress events, so that it replays as many events per job as it did before there
    // were agents (the start and three progress events).
    String progress = "\"type\": \"progress\", \"step\": ";
    List<Double> runnerRates = new ArrayList<>();
    List<Double> agentRates = new ArrayList<>();
    runnerRates.add(runnerRound(ids, "started", start, "\"type\": \"started\""));
    for (int k = 1; k <= scale.rounds(); k++) {
      agentRates.add(
          agentRound(
              ids, "agent-step-" + k, start.plus(Duration.ofMinutes(10L * k)), progress + k * 100));
    }
    System.out.printf("5. Projection sweep of %,d running jobs ...%n", n);
    List<Double> sweeps = new ArrayList<>();
    long inProgress = 0;
    for (int r = 0; r < scale.rounds(); r++) {
      long started = System.nanoTime();
      Api.Answer answer = api.post("api/v1/job-snapshots", "{}");
      sweeps.add(seconds(started));
      if (answer.ok()) {
        inProgress = answer.number("jobs");
      }
      System.out.printf("  %.2f s (%s)%n", seconds(started), answer.body());
    }
    for (int k = scale.rounds() + 1; k <= 2 * scale.rounds(); k++) {
      runnerRates.add(
          runnerRound(
              ids, "step-" + k, start.plus(Duration.ofMinutes(10L * k)), progress + k * 100));
    }
    agentRates.add(
        agentRound(
            ids,
            "completed",
            start.plus(Duration.ofMinutes(20L * scale.rounds() + 5)),
            "\"type\": \"completed\""));
    double agents = Stats.median(agentRates);
    rows.add(
        new Row(
            "2. job events: %d node agents, %d jobs' per call".formatted(AGENTS, AGENT_CALL),
            "%,.0f events/s".formatted(agents),
            "≥ 2,000/s",
            agents >= 2_000));
    double runners = Stats.median(runnerRates);
    rows.add(
        new Row(
            "   %d runners, one request per event".formatted(JOB_CLIENTS),
            "%,.0f events/s".formatted(runners),
            "-",
            null));
    double sweep = Stats.median(sweeps);
    rows.add(
        new Row(
            "5. projection sweep of %,d running jobs".formatted(n),
            "%.2f s (%,d jobs swept)".formatted(sweep, inProgress),
            "≤ 1 s",
            sweep <= 1.0 && inProgress >= n));
  }

  /** Creates {@code n} queued jobs, named by {@code kind}; a job that failed to create is -1. */
  private long[] createJobs(int n, String kind) throws Exception {
    long[] ids = new long[n];
    parallel(
        JOB_CLIENTS,
        c -> {
          Api client = api.another();
          for (int i = c; i < n; i += JOB_CLIENTS) {
            String json =
                ("{\"externalId\": \"bench-%s-%s-%d\", \"name\": \"Benchmark run %d\","
                        + " \"client\": \"Client 02\", \"project\": \"Project 02\", \"team\":"
                        + " \"bench-jobs\", \"provider\": \"aws\", \"gpuType\": \"H100\","
                        + " \"pricing\": \"spot\", \"hourlyRate\": 2.49, \"onDemandHourlyRate\":"
                        + " 7.99, \"estimateMin\": 40.00, \"estimateMax\": 60.00, \"totalSteps\":"
                        + " 1000}")
                    .formatted(run, kind, i, i);
            Api.Answer created = client.post("api/v1/jobs", json);
            ids[i] = created.ok() ? created.number("id") : -1;
          }
        });
    return ids;
  }

  /**
   * One event per job, each in a request of its own ({@code POST /jobs/{id}/events}), from {@link
   * #JOB_CLIENTS} runners; answers events/s.
   */
  private double runnerRound(long[] ids, String key, Instant at, String fields) throws Exception {
    long started = System.nanoTime();
    parallel(
        JOB_CLIENTS,
        c -> {
          Api client = api.another();
          for (int i = c; i < ids.length; i += JOB_CLIENTS) {
            if (ids[i] > 0) {
              client.post(
                  "api/v1/jobs/" + ids[i] + "/events",
                  "{%s, \"at\": \"%s\", \"idempotencyKey\": \"%s\"}".formatted(fields, at, key));
            }
          }
        });
    return rate(key, ids.length, started);
  }

  /**
   * One event per job, sent by {@link #AGENTS} node agents, each reporting its share of the jobs
   * {@link #AGENT_CALL} at a time ({@code POST /job-events}); answers events/s. An event the server
   * refused counts as a failed request.
   */
  private double agentRound(long[] ids, String key, Instant at, String fields) throws Exception {
    long started = System.nanoTime();
    parallel(
        AGENTS,
        a -> {
          Api agent = api.another();
          List<String> call = new ArrayList<>();
          for (int i = a; i < ids.length; i += AGENTS) {
            if (ids[i] > 0) {
              call.add(
                  "{\"jobId\": %d, %s, \"at\": \"%s\", \"idempotencyKey\": \"%s\"}"
                      .formatted(ids[i], fields, at, key));
            }
            if (call.size() == AGENT_CALL || (i + AGENTS >= ids.length && !call.isEmpty())) {
              Api.Answer answer =
                  agent.post(
                      "api/v1/job-events", "{\"events\": [" + String.join(", ", call) + "]}");
              if (answer.ok() && answer.number("refused") > 0) {
                Api.failure(answer.number("refused") + " events refused: " + answer.body());
              }
              call.clear();
            }
          }
        });
    return rate(key + " (agents)", ids.length, started);
  }

  private static double rate(String round, int events, long started) {
    double rate = events / seconds(started);
    System.out.printf("  %s: %,.0f events/s%n", round, rate);
    return rate;
  }

  // ---------------------------------------------------------------- 4. reads

  private void reads() throws Exception {
    System.out.printf(
        "4. Reads at %,d jobs and %,d cost events ...%n",
        SeedData.count(jdbcUrl, "SELECT COUNT(*) FROM jobs"),
        SeedData.count(jdbcUrl, "SELECT COUNT(*) FROM cost_events"));
    long budget = createBudget("bench read " + run, null, "1000000000", "[80, 100]");
    LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
    String summary =
        "api/v1/spending/summary?from=%s&to=%s".formatted(month, month.plusMonths(1).minusDays(1));
    checkJobDays(month);
    Api browser = signIn();
    readRow(
        "4. GET /spending/summary (month %s)".formatted(month.toString().substring(0, 7)),
        100,
        () -> {},
        () -> api.get(summary));
    // The summary keeps a range's cost event groups while no event is added to it: here one is
    // before each request (untimed), as in a month that is still being reported.
    AtomicInteger added = new AtomicInteger();
    Instant inMonth = month.plusDays(10).atStartOfDay(ZoneOffset.UTC).toInstant();
    readRow(
        "   the same, an event added to the month before each",
        100,
        () -> {
          int n = added.getAndIncrement();
          Api.Answer posted =
              api.post(
                  "api/v1/cost-events",
                  ("{\"events\": [{\"idempotencyKey\": \"bench-%s-read-%d\", \"occurredAt\":"
                          + " \"%s\", \"operationType\": \"llm.tokens\", \"amount\": 0.01,"
                          + " \"team\": \"bench-%s-read\"}]}")
                      .formatted(run, n, inMonth.plusSeconds(n), run));
          if (!posted.ok()) {
            throw new IllegalStateException("cannot add an event: " + posted.body());
          }
        },
        () -> api.get(summary));
    // A range not read before has its groups read in full: the first read of a range on an
    // instance, or one after more events were stored than are added to kept groups one by one
    // (SpendingService.MAX_ADDED), as in this month's summary while events stream in.
    AtomicInteger earlier = new AtomicInteger(1);
    readRow(
        "   a month-long range not read before (a day earlier each)",
        100,
        () -> {},
        () -> {
          LocalDate from = month.minusDays(earlier.getAndIncrement());
          return api.get(
              "api/v1/spending/summary?from=%s&to=%s"
                  .formatted(from, from.plusMonths(1).minusDays(1)));
        });
    readRow(
        "   GET /budgets/{id} (org-wide, this month)",
        100,
        () -> {},
        () -> api.get("api/v1/budgets/" + budget));
    readRow(
        "   render /dashboard/training-budget",
        300,
        () -> {},
        () -> {
          Api.Answer page = browser.page("dashboard/training-budget.xhtml");
          if (!page.body().contains("id=\"main\"")) {
            throw new IllegalStateException("not signed in: the page is the login form");
          }
          return page;
        });
    deleteBudgets("bench read " + run);
  }

  /**
   * The seeded daily job rollups against the application's own costing: the summary of a whole day
   * reads them, the same day a microsecond shorter costs every job from its events; their jobs must
   * agree to the cent and the count, or the reads would be measured on wrong rollups.
   */
  private void checkJobDays(LocalDate day) {
    Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Api.Answer rolledUp = api.get("api/v1/spending/summary?from=%s&to=%s".formatted(day, day));
    Api.Answer costed =
        api.get(
            "api/v1/spending/summary?from=%s&to=%s"
                .formatted(start.plusNanos(1000), start.plus(Duration.ofDays(1))));
    for (String field : List.of("jobs", "byStatus")) {
      String expected = costed.object(field);
      String found = rolledUp.object(field);
      if (!expected.equals(found)) {
        throw new IllegalStateException(
            "the daily job rollups of %s say %s %s, costing the jobs says %s"
                .formatted(day, field, found, expected));
      }
    }
    System.out.printf(
        "  daily job rollups of %s agree with costing every job: %s%n",
        day, rolledUp.object("jobs"));
  }

  /**
   * One read figure: p50 and p95 of {@code request} ({@code before} runs untimed before each),
   * beside a p95 target of {@code targetMillis}; a read that fails is a row of its own ("failed:
   * why", target not met), and the other figures are still measured.
   */
  private void readRow(
      String figure, long targetMillis, Runnable before, Callable<Api.Answer> request) {
    String target = "p95 ≤ %d ms".formatted(targetMillis);
    try {
      List<Double> millis = timed(before, request);
      double p95 = Stats.percentile(millis, 95);
      rows.add(
          new Row(
              figure,
              "p50 %.0f ms, p95 %.0f ms".formatted(Stats.median(millis), p95),
              target,
              p95 <= targetMillis));
    } catch (Exception e) {
      rows.add(new Row(figure, "failed: " + e.getMessage(), target, false));
    }
  }

  /** Sign-in through the portal's form, as a browser does; the client keeps the session. */
  private Api signIn() {
    Api browser = api.another();
    String form = browser.page("login.xhtml").body();
    Matcher state =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form);
    if (!state.find()) {
      throw new IllegalStateException("no view state on the sign-in page");
    }
    String body =
        String.join(
            "&",
            "login=login",
            "login%3Ausername=admin",
            "login%3Apassword=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8),
            "login%3Asubmit=",
            "jakarta.faces.ViewState=" + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8));
    browser.postForm("login.xhtml", body);
    return browser;
  }

  /**
   * A few warm-up requests, then {@link Scale#reads} timed ones, in milliseconds; fewer (at least
   * five) when they take longer than {@link #READ_TIME} in all, so a slow read cannot stall the
   * run.
   */
  private List<Double> timed(Runnable before, Callable<Api.Answer> request) throws Exception {
    for (int i = 0; i < 3; i++) {
      before.run();
      request.call();
    }
    List<Double> millis = new ArrayList<>();
    long until = System.nanoTime() + READ_TIME.toNanos();
    for (int i = 0; i < scale.reads() && (i < 5 || System.nanoTime() < until); i++) {
      before.run();
      long started = System.nanoTime();
      request.call();
      millis.add((System.nanoTime() - started) / 1e6);
    }
    return millis;
  }

  // ---------------------------------------------------------------- 6. heap, table

  /** The peak heap in use, from the GC log (each collection logs the heap before and after). */
  private void heap(Path gcLog, Path payaraLog) throws IOException {
    long peak = 0;
    long max = 0;
    Matcher m = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)").matcher(Files.readString(gcLog));
    while (m.find()) {
      peak = Math.max(peak, Long.parseLong(m.group(1)));
      max = Math.max(max, Long.parseLong(m.group(3)));
    }
    boolean oom = Files.readString(payaraLog).contains("OutOfMemoryError");
    rows.add(
        new Row(
            "6. peak heap (GC log), app JVM -Xmx512m",
            "%d MB of %d MB%s".formatted(peak, max, oom ? ", OutOfMemoryError!" : ""),
            "fits in 512 MB",
            peak <= 512 && !oom));
    rows.add(
        new Row(
            "   failed requests",
            "%d of %,d".formatted(Api.failed(), Api.requests()),
            "0",
            Api.failed() == 0));
  }

  private void print(double totalSeconds) {
    int w0 = "figure".length();
    int w1 = "measured (median of rounds)".length();
    int w2 = "target".length();
    for (Row r : rows) {
      w0 = Math.max(w0, r.figure().length());
      w1 = Math.max(w1, r.measured().length());
      w2 = Math.max(w2, r.target().length());
    }
    String format = "| %-" + w0 + "s | %-" + w1 + "s | %-" + w2 + "s | %-4s |%n";
    System.out.println();
    System.out.printf(
        "Costguard benchmark, %s scale, %d rounds, %.0f s in all%n",
        scale.name(), scale.rounds(), totalSeconds);
    System.out.printf(format, "figure", "measured (median of rounds)", "target", "met?");
    System.out.printf(format, "-".repeat(w0), "-".repeat(w1), "-".repeat(w2), "----");
    for (Row r : rows) {
      System.out.printf(
          format,
          r.figure(),
          r.measured(),
          r.target(),
          r.met() == null ? "-" : r.met() ? "yes" : "NO");
    }
    notes.forEach(System.out::println);
  }

  // ---------------------------------------------------------------- helpers

  /** Runs {@code work} for 0..n-1 on n threads; rethrows the first failure. */
  private static void parallel(int n, IntConsumer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int c = i;
        futures.add(pool.submit(() -> work.accept(c)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private void awaitPosts(String prefix, long expected, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (countPosts(prefix) < expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private long countPosts(String prefix) {
    return slack.posts().stream().filter(p -> p.alert() && p.text().contains(prefix)).count();
  }

  private static long count(String text, String what) {
    long n = 0;
    for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
      n++;
    }
    return n;
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
