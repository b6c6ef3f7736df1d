package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.costguard.application.JobSnapshots;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jobs over HTTP against the real WAR in Payara Micro and a real MariaDB: a job's whole life costed
 * to the cent, duplicates, refusals, cancel with its roles and control URL, and snapshots.
 */
@SharedDeployment
class JobsIT {

  @ArquillianResource URL base;

  private Api api;
  private String run;

  /** A day safely in the past: every event of these tests is stamped on it. */
  private final LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);

  @BeforeEach
  void setUp() {
    api = new Api(base);
    run = "it-job-" + UUID.randomUUID();
  }

  private String job(String externalId, String controlUrl) {
    return Fixtures.load(
        "job.json",
        Map.of(
            "externalId",
            externalId,
            "controlUrl",
            controlUrl == null ? "null" : "\"" + controlUrl + "\""));
  }

  /** Creates the H100 spot job of {@code job.json} as {@code token}; returns its id. */
  private long create(String token, String controlUrl) {
    Api.Answer created = api.post("api/v1/jobs", job(run, controlUrl), token);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValueExact();
  }

  private List<JsonObject> life() {
    return fixtureArray("job-life.json");
  }

  private List<JsonObject> fixtureArray(String name) {
    return Json.createReader(new StringReader(Fixtures.load(name, Map.of("day", day.toString()))))
        .readArray()
        .getValuesAs(JsonObject.class);
  }

  private Api.Answer event(long id, String json) {
    return api.post("api/v1/jobs/" + id + "/events", json);
  }

  private Api.Answer event(long id, String type, String time, String key) {
    return event(
        id,
        "{\"type\": \"%s\", \"at\": \"%sT%s:00Z\", \"idempotencyKey\": \"%s\"}"
            .formatted(type, day, time, key));
  }

  /** The JSON number as written: {@code "16.90"} checks the amount and that it shows cents. */
  private static String number(JsonObject o, String name) {
    return o.get(name).toString();
  }

  @Test
  void aJobsWholeLifeIsCostedToTheCent() throws SQLException {
    long id = create(Api.TOKEN, null);
    List<JsonObject> life = life();
    Api.Answer answer = null;
    int paused = 7;
    for (JsonObject e : life.subList(0, paused + 1)) {
      answer = event(id, e.toString());
      assertThat(answer.status()).as(e.toString()).isEqualTo(200);
    }

    /*
     * Paused since 12:40, H100 spot at $2.49/h (on demand $7.99/h), estimate $45-55:
     *   loading        08:00-08:30  30 min × 2.49/60 = 1.245  → 1.25
     *   preprocessing  08:30-09:00  30 min            = 1.245  → 1.25
     *   training       09:00-11:00 + 11:20-12:40 = 200 min     = 8.30
     *   interruption   11:00, 12 min reported × 2.49/60 = 0.498 → 0.50 (gap 20 min not GPU time)
     *   current cost   1.25 + 1.25 + 8.30 + 0.50 = 11.30; active 260 min
     *   of estimate    11.30 / 45 = 25.11%, below 0.8 × 45 = 36 → green
     *   on demand      3.995 → 4.00, 4.00, 200 × 7.99/60 = 26.633 → 26.63: 34.63
     *   savings        34.63 − 11.30 = 23.33 = 67.37% of 34.63
     *   projection     1000 steps in 200 training min = 300 steps/h; 1000 to go = 200 min
     *                  + 15 min finalization = 215 min = 3.5833 h × 2.49 = 8.9225
     *                  final 11.30 + 8.9225 = 20.2225 → 20.22; × 0.85 = 17.19; × 1.15 = 23.26
     *                  best 215 × 0.87 = 187.05 min → 7.762575: 19.06
     *                  worst 215 × 1.2 = 258 min → 10.707: 22.01
     *                  variance 20.22 − 50 = −29.78; ≤ 55 → on track
     */
    JsonObject view = answer.json();
    assertThat(view.getString("status")).isEqualTo("paused");
    assertThat(view.getBoolean("cancelRequested")).isFalse();
    assertThat(number(view, "currentCost")).isEqualTo("11.30");
    assertThat(view.getJsonObject("breakdown").getJsonArray("gpu").toString())
        .isEqualTo(
            "[{\"stage\":\"loading\",\"hours\":0.5,\"amount\":1.25},"
                + "{\"stage\":\"preprocessing\",\"hours\":0.5,\"amount\":1.25},"
                + "{\"stage\":\"training\",\"hours\":3.333333333333333,\"amount\":8.30}]");
    assertThat(view.getJsonObject("breakdown").getJsonArray("interruptions").toString())
        .isEqualTo(
            "[{\"at\":\"%sT11:00:00Z\",\"minutes\":12,\"amount\":0.50,\"ongoing\":false}]"
                .formatted(day));
    assertThat(number(view, "hourlyRate")).isEqualTo("2.49");
    assertThat(view.getInt("activeMinutes")).isEqualTo(260);
    assertThat(view.getInt("pausedMinutes")).isGreaterThan(24 * 60);
    assertThat(number(view, "percentOfEstimate")).isEqualTo("25.11");
    assertThat(view.getString("zone")).isEqualTo("green");
    assertThat(number(view, "variance")).isEqualTo("-29.78");
    assertThat(number(view, "onDemandEquivalent")).isEqualTo("34.63");
    assertThat(number(view, "savings")).isEqualTo("23.33");
    assertThat(number(view, "savingsPercent")).isEqualTo("67.37");
    JsonObject projection = view.getJsonObject("projection");
    assertThat(number(projection, "remainingHours")).isEqualTo("3.583333333333333");
    assertThat(number(projection, "projectedFinal")).isEqualTo("20.22");
    assertThat(number(projection, "low")).isEqualTo("17.19");
    assertThat(number(projection, "high")).isEqualTo("23.26");
    assertThat(Instant.parse(projection.getString("completionAt")))
        .isAfter(Instant.now().plus(Duration.ofMinutes(210)));
    assertThat(projection.getJsonArray("scenarios").getValuesAs(JsonObject.class))
        .extracting(
            s -> s.getString("kind"), s -> s.getInt("probability"), s -> number(s, "finalCost"))
        .containsExactly(
            tuple("best", 20, "19.06"),
            tuple("expected", 60, "20.22"),
            tuple("worst", 20, "22.01"));
    assertThat(projection.getJsonObject("recommendation").getString("code")).isEqualTo("on_track");

    // A repeated key changes nothing, whatever it carries now.
    Api.Answer duplicate =
        event(
            id, life.get(5).toString().replace("\"recoveryMinutes\":12", "\"recoveryMinutes\":90"));
    assertThat(duplicate.status()).isEqualTo(200);
    assertThat(number(duplicate.json(), "currentCost")).isEqualTo("11.30");
    assertThat(eventsStored(id)).isEqualTo(8);

    for (JsonObject e : life.subList(paused + 1, life.size())) {
      answer = event(id, e.toString());
      assertThat(answer.status()).as(e.toString()).isEqualTo(200);
    }

    /*
     * Completed at 15:15, resumed 13:00 after 20 min paused:
     *   loading 1.25, preprocessing 1.25
     *   training       200 min + 13:00-15:00 120 min = 320 min × 2.49/60 = 13.28
     *   finalizing     15:00-15:15 15 min × 2.49/60 = 0.6225 → 0.62
     *   interruption   0.50; storage 4.2 GB included = 0.00
     *   final cost     1.25 + 1.25 + 13.28 + 0.62 + 0.50 = 16.90; active 395 min, paused 20
     *   of estimate    16.90 / 45 = 37.56%, green; variance 16.90 − 50 = −33.10
     *   on demand      4.00 + 4.00 + 320 × 7.99/60 = 42.613 → 42.61 + 1.9975 → 2.00 = 52.61
     *   savings        52.61 − 16.90 = 35.71 = 67.88%
     */
    JsonObject done = answer.json();
    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(number(done, "currentCost")).isEqualTo("16.90");
    assertThat(done.getJsonObject("breakdown").getJsonArray("gpu").getValuesAs(JsonObject.class))
        .extracting(l -> l.getString("stage"), l -> number(l, "amount"))
        .containsExactly(
            tuple("loading", "1.25"),
            tuple("preprocessing", "1.25"),
            tuple("training", "13.28"),
            tuple("finalizing", "0.62"));
    assertThat(done.getJsonObject("breakdown").getJsonObject("storage").toString())
        .isEqualTo("{\"gb\":4.2,\"amount\":0.00,\"included\":true}");
    assertThat(done.getInt("activeMinutes")).isEqualTo(395);
    assertThat(done.getInt("pausedMinutes")).isEqualTo(20);
    assertThat(number(done, "percentOfEstimate")).isEqualTo("37.56");
    assertThat(done.getString("zone")).isEqualTo("green");
    assertThat(number(done, "variance")).isEqualTo("-33.10");
    assertThat(number(done, "onDemandEquivalent")).isEqualTo("52.61");
    assertThat(number(done, "savings")).isEqualTo("35.71");
    assertThat(number(done, "savingsPercent")).isEqualTo("67.88");
    assertThat(done.isNull("projection")).isTrue();

    // The cost view stays what it was at the end; the job carries its final cost.
    assertThat(withoutAsOf(api.get("api/v1/jobs/" + id + "/cost").json()))
        .isEqualTo(withoutAsOf(done));
    JsonObject job = api.get("api/v1/jobs/" + id).json();
    assertThat(number(job, "finalCost")).isEqualTo("16.90");
    assertThat(job.getString("endedAt")).isEqualTo(day + "T15:15:00Z");
    assertThat(job.getString("createdBy")).isEqualTo("admin");

    // Finished: a new event is a conflict, a repeated one is answered as before.
    Api.Answer late = event(id, "resumed", "15:20", "too-late");
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().getString("error")).isEqualTo("conflict");
    assertThat(late.json().getString("message")).contains("completed");
    Api.Answer again = event(id, life.get(life.size() - 1).toString());
    assertThat(again.status()).isEqualTo(200);
    assertThat(number(again.json(), "currentCost")).isEqualTo("16.90");
    assertThat(eventsStored(id)).isEqualTo(12);
    assertThat(stored(id, "select status from jobs where id = ?")).isEqualTo("COMPLETED");
    assertThat(stored(id, "select final_cost from jobs where id = ?")).isEqualTo("16.900000");
  }

  /** The view without the instant it was asked at. */
  private static JsonObject withoutAsOf(JsonObject view) {
    return Json.createObjectBuilder(view).remove("asOf").build();
  }

  /** Reports {@code type} at {@code time} on {@code date} (UTC). */
  private void reportOn(long id, LocalDate date, String type, String time, String key) {
    Api.Answer answer =
        event(
            id,
            "{\"type\": \"%s\", \"at\": \"%sT%s:00Z\", \"idempotencyKey\": \"%s\"}"
                .formatted(type, date, time, key));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  @Test
  void theSpendingSummaryCountsWhatJobsAccruedInTheRangeByStatusAndDay() {
    // A day of its own (after ApiIT's, before today), so its summary holds only this test's spend;
    // every job below ends, so none of them adds to any later day.
    LocalDate summaryDay =
        LocalDate.of(2021, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(1000));
    long life = create(Api.TOKEN, null); // the whole life of job-life.json: 16.90
    for (JsonObject e :
        Json.createReader(
                new StringReader(
                    Fixtures.load("job-life.json", Map.of("day", summaryDay.toString()))))
            .readArray()
            .getValuesAs(JsonObject.class)) {
      assertThat(event(life, e.toString()).status()).isEqualTo(200);
    }
    long failed = created(run + "-failed"); // 20:00-21:00 at $2.49/h
    reportOn(failed, summaryDay, "started", "20:00", "started");
    reportOn(failed, summaryDay, "failed", "21:00", "failed");
    long overnight = created(run + "-overnight"); // 23:00-01:00: an hour on each day
    reportOn(overnight, summaryDay, "started", "23:00", "started");
    reportOn(overnight, summaryDay.plusDays(1), "completed", "01:00", "completed");
    Api.Answer costEvent =
        api.post(
            "api/v1/cost-events",
            Fixtures.load(
                "cost-event-of-job.json",
                Map.of(
                    "key",
                    run + "-llm",
                    "at",
                    summaryDay + "T12:00:00Z",
                    "amount",
                    "0.75",
                    "jobId",
                    String.valueOf(life))));
    assertThat(costEvent.status()).as(costEvent.body()).isEqualTo(202);

    JsonObject day =
        api.get("api/v1/spending/summary?from=" + summaryDay + "&to=" + summaryDay).json();
    JsonObject twoDays =
        api.get("api/v1/spending/summary?from=" + summaryDay + "&to=" + summaryDay.plusDays(1))
            .json();

    // jobs 16.90 + 2.49 + 2.49 = 21.88; the cost event 0.75
    assertThat(number(day, "total")).isEqualTo("22.63");
    assertThat(day.getInt("events")).isEqualTo(1);
    assertThat(day.get("jobs").toString()).isEqualTo("{\"cost\":21.88,\"count\":3}");
    assertThat(day.get("byStatus").toString())
        .isEqualTo(
            "{\"completed\":{\"cost\":19.39,\"count\":2},\"failed\":{\"cost\":2.49,\"count\":1}}");
    assertThat(day.get("byClient").toString())
        .isEqualTo("{\"Acme Corp\":{\"cost\":22.63,\"count\":4}}");
    assertThat(day.get("byProvider").toString())
        .isEqualTo("{\"aws\":{\"cost\":21.88,\"count\":3},\"openai\":{\"cost\":0.75,\"count\":1}}");
    assertThat(day.get("byMode").toString()).isEqualTo("{\"(none)\":{\"cost\":0.75,\"count\":1}}");
    assertThat(day.get("byDay").toString())
        .isEqualTo("[{\"date\":\"%s\",\"cost\":22.63,\"count\":4}]".formatted(summaryDay));
    assertThat(number(twoDays, "total")).isEqualTo("25.12");
    assertThat(twoDays.get("jobs").toString()).isEqualTo("{\"cost\":24.37,\"count\":3}");
    assertThat(twoDays.get("byDay").toString())
        .isEqualTo(
            "[{\"date\":\"%s\",\"cost\":22.63,\"count\":4},{\"date\":\"%s\",\"cost\":2.49,\"count\":1}]"
                .formatted(summaryDay, summaryDay.plusDays(1)));
  }

  /** A queued job of {@code job.json} under {@code externalId}; returns its id. */
  private long created(String externalId) {
    Api.Answer created = api.post("api/v1/jobs", job(externalId, null));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValueExact();
  }

  @Test
  void theCreatedJobIsAnsweredWithItsIdAndLocation() throws Exception {
    Api.Answer created = api.post("api/v1/jobs", job(run, "https://runner.example/c"));

    assertThat(created.status()).isEqualTo(201);
    JsonObject job = created.json();
    long id = job.getJsonNumber("id").longValueExact();
    assertThat(created.location())
        .hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/jobs/" + id));
    assertThat(job.getString("externalId")).isEqualTo(run);
    assertThat(job.getString("status")).isEqualTo("queued");
    assertThat(job.getString("pricing")).isEqualTo("spot");
    assertThat(number(job, "hourlyRate")).isEqualTo("2.49");
    assertThat(job.getString("controlUrl")).isEqualTo("https://runner.example/c");
    assertThat(job.isNull("finalCost")).isTrue();
    assertThat(api.get("api/v1/jobs/" + id).json()).isEqualTo(job);
    assertThat(stored(id, "select hourly_rate from jobs where id = ?")).isEqualTo("2.490000");

    JsonObject queued = api.get("api/v1/jobs/" + id + "/cost").json();
    assertThat(queued.getString("state")).isEqualTo("not_started");
    assertThat(number(queued, "currentCost")).isEqualTo("0.00");
  }

  @Test
  void badInputIsAnsweredAsSpecifiedAndChangesNothing() throws SQLException {
    String good = job(run, null);
    assertThat(refusal(api.post("api/v1/jobs", "{\"externalId\": "), 400)).isNull();
    Map<String, String> fieldOfChange = new LinkedHashMap<>();
    fieldOfChange.put("\"name\": \"Fine-tune support assistant\",|", "name");
    fieldOfChange.put("\"hourlyRate\": 2.49|\"hourlyRate\": -2.49", "hourlyRate");
    fieldOfChange.put("\"hourlyRate\": 2.49|\"hourlyRate\": \"cheap\"", "hourlyRate");
    fieldOfChange.put("7.99|7.9900001", "onDemandHourlyRate");
    fieldOfChange.put("55.00|1000000000000.01", "estimateMax");
    fieldOfChange.put("55.00|44.99", "estimateMax");
    fieldOfChange.put("\"spot\"|\"reserved\"", "pricing");
    fieldOfChange.put("2000|0", "totalSteps");
    fieldOfChange.put("\"H100\"|42", "gpuType");
    for (var change : fieldOfChange.entrySet()) {
      String[] fromTo = change.getKey().split("\\|", -1);
      Api.Answer refused = api.post("api/v1/jobs", good.replace(fromTo[0], fromTo[1]));
      assertThat(refusal(refused, 400)).as(change.getKey()).isEqualTo(change.getValue());
    }
    assertThat(refusal(api.post("api/v1/jobs", job(run, "file:///etc/passwd")), 400))
        .isEqualTo("controlUrl");
    assertThat(refusal(api.post("api/v1/jobs", good, TestUsers.tokenFor("VIEWER")), 403)).isNull();
    assertThat(jobsStored()).isZero();

    long id = create(Api.TOKEN, null);
    assertThat(refusal(api.post("api/v1/jobs", good), 409)).isEqualTo("externalId");

    for (JsonObject bad : fixtureArray("job-bad-events.json")) {
      Api.Answer refused = event(id, bad.getJsonObject("event").toString());
      assertThat(refusal(refused, 400)).as(bad.toString()).isEqualTo(bad.getString("field"));
    }
    assertThat(refusal(event(id, "[]"), 400)).isNull();
    assertThat(
            refusal(
                api.post(
                    "api/v1/jobs/" + id + "/events",
                    "{\"padding\": \"" + "x".repeat(16 * 1024 * 1024) + "\"}"),
                413))
        .isNull();
    assertThat(eventsStored(id)).isZero();

    long unknown = Long.MAX_VALUE;
    assertThat(refusal(event(unknown, "started", "08:00", "k"), 404)).isNull();
    assertThat(refusal(api.get("api/v1/jobs/" + unknown + "/cost"), 404)).isNull();
    assertThat(refusal(api.get("api/v1/jobs/" + unknown), 404)).isNull();
    assertThat(refusal(api.get("api/v1/jobs/abc/cost"), 404)).isNull();
    assertThat(refusal(api.post("api/v1/jobs/" + unknown + "/cancel", ""), 404)).isNull();
    assertThat(api.get("api/v1/jobs/" + id + "/cost", null).status()).isEqualTo(401);
  }

  /**
   * Events sent at once by many runners are written in shared transactions (issue 8): each is
   * answered with its own job, each key stored once however many times it is sent at the same
   * moment, and a refused event (its job completed) refuses nothing beside it.
   */
  @Test
  void eventsSentAtOnceAreEachAnsweredAndStoredOnce() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int j = 0; j < 6; j++) {
      Api.Answer created = api.post("api/v1/jobs", job(run + "-" + j, null));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      long id = created.json().getJsonNumber("id").longValueExact();
      assertThat(event(id, "started", "08:00", "s").status()).isEqualTo(200);
      ids.add(id);
    }
    long completed = create(Api.TOKEN, null);
    assertThat(event(completed, "started", "08:00", "s").status()).isEqualTo(200);
    assertThat(event(completed, "completed", "08:30", "c").status()).isEqualTo(200);

    int runners = 12;
    int each = 15;
    ExecutorService pool = Executors.newFixedThreadPool(runners);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<String>>> sent = new ArrayList<>();
    for (int t = 0; t < runners; t++) {
      int pair = t / 2;
      sent.add(
          pool.submit(
              () -> {
                Api runner = new Api(base);
                List<String> problems = new ArrayList<>();
                go.await();
                for (int i = 0; i < each; i++) {
                  // Both runners of a pair send the same event: one of the two is a duplicate.
                  long id = ids.get((pair + i) % ids.size());
                  String key = "p-" + pair + "-" + i;
                  Api.Answer answer =
                      runner.post(
                          "api/v1/jobs/" + id + "/events",
                          ("{\"type\": \"progress\", \"step\": %d, \"at\": \"%sT09:%02d:00Z\","
                                  + " \"idempotencyKey\": \"%s\"}")
                              .formatted(10 + i, day, i, key));
                  if (answer.status() != 200
                      || answer.json().getJsonNumber("jobId").longValue() != id) {
                    problems.add(id + "/" + key + " → " + answer.status() + " " + answer.body());
                  }
                  Api.Answer late =
                      runner.post(
                          "api/v1/jobs/" + completed + "/events",
                          "{\"type\": \"progress\", \"step\": 5, \"at\": \"%sT09:00:00Z\", \"idempotencyKey\": \"late-%d-%d\"}"
                              .formatted(day, pair, i));
                  if (late.status() != 409) {
                    problems.add("completed → " + late.status() + " " + late.body());
                  }
                }
                return problems;
              }));
    }
    go.countDown();
    for (Future<List<String>> runner : sent) {
      assertThat(runner.get(2, TimeUnit.MINUTES)).isEmpty();
    }
    pool.shutdown();

    for (int j = 0; j < ids.size(); j++) {
      List<String> expected = new ArrayList<>(List.of("s"));
      for (int pair = 0; pair < runners / 2; pair++) {
        for (int i = 0; i < each; i++) {
          if ((pair + i) % ids.size() == j) {
            expected.add("p-" + pair + "-" + i);
          }
        }
      }
      assertThat(keysStored(ids.get(j))).containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(keysStored(completed)).containsExactlyInAnyOrder("s", "c");
  }

  @Test
  void severalJobsEventsInOneCallAreEachAnsweredAsTheirOwnEndpointWould() throws Exception {
    long a = create(Api.TOKEN, null);
    long b = created(run + "-b");
    long completed = created(run + "-done");
    assertThat(event(completed, "started", "08:00", "s").status()).isEqualTo(200);
    assertThat(event(completed, "completed", "08:30", "c").status()).isEqualTo(200);
    String event =
        "{\"jobId\": %d, \"type\": \"%s\", \"at\": \"%sT%s:00Z\", \"idempotencyKey\": \"%s\"%s}";

    Api.Answer answer =
        api.post(
            "api/v1/job-events",
            "{\"events\": ["
                + String.join(
                    ", ",
                    event.formatted(a, "started", day, "08:00", "s", ""),
                    event.formatted(b, "started", day, "08:00", "s", ""),
                    event.formatted(a, "progress", day, "09:00", "p", ", \"step\": 10"),
                    event.formatted(Long.MAX_VALUE, "started", day, "08:00", "s", ""),
                    event.formatted(completed, "progress", day, "08:10", "late", ", \"step\": 5"),
                    event.formatted(a, "completed", day, "10:00", "c", ""),
                    event.formatted(b, "progress", day, "09:00", "past", ", \"step\": 99999"),
                    event.formatted(a, "started", day, "08:00", "s", ""))
                + "]}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonObject body = answer.json();
    assertThat(body.getInt("recorded")).isEqualTo(5);
    assertThat(body.getInt("refused")).isEqualTo(3);
    List<JsonObject> results = body.getJsonArray("results").getValuesAs(JsonObject.class);
    assertThat(results)
        .extracting(r -> r.getInt("status"))
        .containsExactly(200, 200, 200, 404, 409, 200, 400, 200);
    assertThat(results)
        .extracting(r -> r.getJsonNumber("jobId").longValueExact())
        .containsExactly(a, b, a, Long.MAX_VALUE, completed, a, b, a);
    // Each answer is the job as its own event left it: a's first running, its completion final.
    assertThat(results.get(0).getJsonObject("cost").getString("status")).isEqualTo("running");
    assertThat(results.get(5).getJsonObject("cost").getString("status")).isEqualTo("completed");
    assertThat(withoutAsOf(results.get(5).getJsonObject("cost")))
        .isEqualTo(withoutAsOf(api.get("api/v1/jobs/" + a + "/cost").json()));
    assertThat(results.get(3).getString("error")).isEqualTo("not_found");
    assertThat(results.get(4).getString("error")).isEqualTo("conflict");
    assertThat(results.get(6).getString("field")).isEqualTo("step");
    assertThat(results.get(6).getString("idempotencyKey")).isEqualTo("past");
    // The last repeats a's start: answered, not stored again.
    assertThat(keysStored(a)).containsExactlyInAnyOrder("s", "p", "c");
    assertThat(keysStored(b)).containsExactly("s");
    assertThat(keysStored(completed)).containsExactlyInAnyOrder("s", "c");
  }

  @Test
  void aCallOfJobEventsWithAnInvalidFieldIsRefusedWholeAndChangesNothing() throws SQLException {
    long a = create(Api.TOKEN, null);
    String good =
        "{\"jobId\": %d, \"type\": \"started\", \"at\": \"%sT08:00:00Z\", \"idempotencyKey\": \"s\"}"
            .formatted(a, day);
    String bad =
        "{\"jobId\": %d, \"type\": \"launched\", \"at\": \"%sT08:00:00Z\", \"idempotencyKey\": \"x\"}"
            .formatted(a, day);

    assertThat(
            refusal(
                api.post("api/v1/job-events", "{\"events\": [" + good + ", " + bad + "]}"), 400))
        .isEqualTo("events[1].type");
    assertThat(
            refusal(
                api.post(
                    "api/v1/job-events",
                    "{\"events\": [{\"type\": \"started\", \"at\": \"%sT08:00:00Z\", \"idempotencyKey\": \"s\"}]}"
                        .formatted(day)),
                400))
        .isEqualTo("events[0].jobId");
    assertThat(refusal(api.post("api/v1/job-events", "{\"events\": {}}"), 400)).isEqualTo("events");
    assertThat(refusal(api.post("api/v1/job-events", "{\"events\": []}"), 400)).isEqualTo("events");
    assertThat(
            refusal(
                api.post(
                    "api/v1/job-events",
                    "{\"events\": [" + String.join(", ", Collections.nCopies(1_001, good)) + "]}"),
                413))
        .isEqualTo("events");
    refusal(
        api.post("api/v1/job-events", "{\"events\": [" + good + "]}", TestUsers.tokenFor("VIEWER")),
        403);
    refusal(api.post("api/v1/job-events", "{\"events\": [" + good + "]}", "cg_no_such_token"), 401);
    assertThat(keysStored(a)).isEmpty();
  }

  private static List<String> keysStored(long id) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement("select idempotency_key from job_events where job_id = ?")) {
      query.setLong(1, id);
      List<String> keys = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          keys.add(rows.getString(1));
        }
      }
      return keys;
    }
  }

  /** Checks the status and SPEC §5's error shape; returns the field named, if any. */
  private static String refusal(Api.Answer answer, int status) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    JsonObject error = answer.json();
    assertThat(error.getString("error")).isNotBlank();
    assertThat(error.getString("message")).isNotBlank();
    return error.containsKey("field") ? error.getString("field") : null;
  }

  @Test
  void theCreatorCancelsTheRunnerIsToldAndTheCostStaysLocked() throws Exception {
    String creator = TestUsers.tokenFor("ENGINEER");
    try (FakeRunner runner = FakeRunner.start(1)) {
      long id = create(creator, runner.controlUrl());
      event(id, "started", "08:00", "started");
      event(id, "paused", "09:00", "paused");

      Api.Answer byOtherEngineer =
          api.post("api/v1/jobs/" + id + "/cancel", "", TestUsers.tokenFor("ENGINEER"));
      Api.Answer byViewer =
          api.post("api/v1/jobs/" + id + "/cancel", "", TestUsers.tokenFor("VIEWER"));

      assertThat(refusal(byOtherEngineer, 403)).isNull();
      assertThat(byViewer.status()).isEqualTo(403);
      assertThat(api.get("api/v1/jobs/" + id).json().getString("status")).isEqualTo("paused");

      Api.Answer cancelled = api.post("api/v1/jobs/" + id + "/cancel", "", creator);

      // 08:00-09:00 active: 1 h × 2.49 = 2.49, paused since: the cost locked now is 2.49.
      assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
      assertThat(cancelled.json().getString("status")).isEqualTo("cancelled");
      assertThat(cancelled.json().getBoolean("cancelRequested")).isTrue();
      assertThat(number(cancelled.json(), "currentCost")).isEqualTo("2.49");

      Api.Answer next = event(id, "resumed", "09:30", "after-cancel");
      assertThat(next.status()).isEqualTo(200);
      assertThat(next.json().getBoolean("cancelRequested")).isTrue();
      assertThat(next.json().getString("status")).isEqualTo("cancelled");
      assertThat(number(next.json(), "currentCost")).isEqualTo("2.49");
      assertThat(number(api.get("api/v1/jobs/" + id + "/cost").json(), "currentCost"))
          .isEqualTo("2.49");

      JsonObject job = api.get("api/v1/jobs/" + id).json();
      assertThat(job.getString("cancelledBy")).isEqualTo(job.getString("createdBy"));
      assertThat(number(job, "finalCost")).isEqualTo("2.49");
      assertThat(eventsStored(id)).isEqualTo(3);

      // The first POST is answered 503; the retry gets through.
      String told = "{\"jobId\":%d,\"externalId\":\"%s\",\"action\":\"cancel\"}".formatted(id, run);
      await().atMost(Duration.ofSeconds(20)).until(() -> runner.bodies().size() >= 2);
      assertThat(runner.bodies()).containsExactly(told, told);

      Api.Answer again = api.post("api/v1/jobs/" + id + "/cancel", "", Api.TOKEN);
      assertThat(again.status()).isEqualTo(200);
      assertThat(number(again.json(), "currentCost")).isEqualTo("2.49");
    }
  }

  @Test
  void aCompletedJobCannotBeCancelled() {
    long id = create(Api.TOKEN, null);
    event(id, "started", "08:00", "started");
    event(id, "completed", "08:30", "completed");

    assertThat(refusal(api.post("api/v1/jobs/" + id + "/cancel", ""), 409)).isNull();
  }

  @Test
  void snapshotsAreTakenOncePerJobAndSlot() throws Exception {
    long id = create(Api.TOKEN, null);
    event(id, "started", "08:00", "started");
    event(id, "paused", "09:00", "paused");
    Instant now = Instant.now();
    Instant slot = JobSnapshots.slotOf(now);

    assertThat(triggerSnapshots(slot.plusSeconds(10)).status()).isEqualTo(200);
    assertThat(triggerSnapshots(slot.plusSeconds(20)).status()).isEqualTo(200);
    assertThat(triggerSnapshots(slot.plus(JobSnapshots.INTERVAL)).status()).isEqualTo(200);

    // Paused after 1 h at $2.49/h: every snapshot is 2.49.
    assertThat(snapshotsStored(id))
        .containsExactly(
            LocalDateTime.ofInstant(slot, ZoneOffset.UTC) + " 2.490000",
            LocalDateTime.ofInstant(slot.plus(JobSnapshots.INTERVAL), ZoneOffset.UTC)
                + " 2.490000");
    assertThat(api.get("it/job-snapshots", null).json().getBoolean("scheduled")).isTrue();
  }

  private Api.Answer triggerSnapshots(Instant at) {
    return api.send(
        HttpRequest.newBuilder(URI.create(base.toString()).resolve("it/job-snapshots?at=" + at))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  @Test
  void theOpenApiDocumentDescribesJobs() {
    assertThat(api.get("openapi", null).body())
        .contains("/api/v1/jobs")
        .contains("/api/v1/jobs/{id}/events")
        .contains("/api/v1/job-events")
        .contains("/api/v1/jobs/{id}/cost")
        .contains("/api/v1/jobs/{id}/cancel");
  }

  private long eventsStored(long id) throws SQLException {
    return Long.parseLong(stored(id, "select count(*) from job_events where job_id = ?"));
  }

  private long jobsStored() throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement("select count(*) from jobs where external_id = ?")) {
      query.setString(1, run);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** The first column of the first row of {@code sql} with the job's id, as text. */
  private static String stored(long id, String sql) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setLong(1, id);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private static List<String> snapshotsStored(long id) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select slot_start, current_cost from job_cost_snapshots where job_id = ?"
                    + " order by slot_start")) {
      query.setLong(1, id);
      List<String> rows = new ArrayList<>();
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          rows.add(
              result.getObject(1, LocalDateTime.class)
                  + " "
                  + result.getBigDecimal(2).toPlainString());
        }
      }
      return rows;
    }
  }
}
