package com.costguard.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rate cards through the REST API against Payara Micro and MariaDB: admins add versions, and cost
 * events that report units are priced exactly by the version in force when they happened, or
 * refused with nothing stored. Each test prices its own operation type on its own day, since the
 * database is shared by every IT.
 */
@SharedDeployment
class RateCardsIT {

  private static final String CARDS = "api/v1/rate-cards";

  @ArquillianResource URL base;

  private Api api;
  private String run;
  private String operation;
  private LocalDate day;

  @BeforeEach
  void setUp() {
    api = new Api(base);
    run = "it-" + UUID.randomUUID();
    operation = run + ":agent";
    // Days before ApiIT's (2001 on), so the day's summary holds only this test's events.
    day = LocalDate.of(1980, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(7000));
  }

  private String card(String unitType, String price, String time) {
    return cardWith(
        Map.of("unitType", quoted(unitType), "price", price, "effectiveFrom", quoted(day, time)));
  }

  /** A card of this test's operation type, each field given as raw JSON (null = left out). */
  private String cardWith(Map<String, String> fields) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("operationType", quoted(operation));
    json.put("unitType", quoted("1k_tokens"));
    json.put("price", "0.003");
    json.put("effectiveFrom", quoted(day, "00:00:00"));
    json.putAll(fields);
    return Fixtures.load("rate-card.json", json);
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }

  private static String quoted(LocalDate day, String time) {
    return quoted(day + "T" + time + "Z");
  }

  private Api.Answer addCard(String unitType, String price, String time) {
    return api.post(CARDS, card(unitType, price, time));
  }

  /** A researcher's tokens get cheaper at noon, and that price is then corrected. */
  private void addTheDaysCards() {
    assertThat(addCard("1k_tokens", "0.003", "00:00:00").status()).isEqualTo(201);
    assertThat(addCard("1k_tokens", "0.0025", "12:00:00").status()).isEqualTo(201);
    assertThat(addCard("1k_tokens", "0.0024", "12:00:00").status()).isEqualTo(201);
    assertThat(addCard("token", "0.00000015", "00:00:00").status()).isEqualTo(201);
  }

  private String events() {
    return Fixtures.load(
        "rate-cards-batch.json", Map.of("run", run, "day", day.toString(), "operation", operation));
  }

  @Test
  void cardsAreNumberedPerPairAndListedNewestFirst() {
    Api.Answer first = addCard("1k_tokens", "0.003", "00:00:00");
    Api.Answer second = addCard("1k_tokens", "0.0025", "12:00:00");
    Api.Answer correction = addCard("1k_tokens", "0.0024", "12:00:00");
    Api.Answer tiny = addCard("token", "0.000000150000", "00:00:00");

    assertThat(List.of(first, second, correction, tiny))
        .extracting(Api.Answer::status)
        .containsOnly(201);
    assertThat(List.of(first, second, correction, tiny))
        .extracting(a -> a.json().getInt("version"))
        .containsExactly(1, 2, 3, 1);
    JsonObject created = correction.json();
    assertThat(created.getString("operationType")).isEqualTo(operation);
    assertThat(created.getString("unitType")).isEqualTo("1k_tokens");
    assertThat(created.getJsonNumber("price").bigDecimalValue()).isEqualByComparingTo("0.0024");
    assertThat(created.getString("effectiveFrom")).isEqualTo(day + "T12:00:00Z");
    // a per-token price is written as a plain decimal, not 1.5E-7
    assertThat(tiny.body()).contains("\"price\":0.00000015");

    String location = correction.header("Location").orElseThrow();
    assertThat(location).endsWith("/" + CARDS + "/" + created.getJsonNumber("id").longValue());
    Api.Answer one = api.get(location.substring(location.indexOf(CARDS)));
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json()).isEqualTo(created);

    Api.Answer tokens = api.get(CARDS + "?operationType=" + operation + "&unitType=1k_tokens");
    assertThat(tokens.status()).isEqualTo(200);
    assertThat(tokens.json().getJsonArray("rateCards"))
        .extracting(c -> ((JsonObject) c).getInt("version"))
        .containsExactly(3, 2, 1);
    assertThat(tokens.body())
        .contains("\"price\":0.0024,", "\"price\":0.0025,", "\"price\":0.003,");
    assertThat(api.get(CARDS + "?operationType=" + operation).json().getJsonArray("rateCards"))
        .hasSize(4);
    assertThat(api.get(CARDS).json().getJsonArray("rateCards").size()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void unitsArePricedByTheVersionInForceAndStoredExactly() throws SQLException {
    addTheDaysCards();

    Api.Answer posted = api.post("api/v1/cost-events", events());

    assertThat(posted.status()).isEqualTo(202);
    assertThat(posted.json().getInt("accepted")).isEqualTo(4);
    // 1234 × 0.003 before noon; 1234 × 0.0024 (the correction) from noon; 1000 × 0.00000015;
    // and an amount sent with units wins over them
    assertThat(amountsStored())
        .containsExactly(
            new BigDecimal("3.702000"),
            new BigDecimal("2.961600"),
            new BigDecimal("0.000150"),
            new BigDecimal("1.000000"));
    Api.Answer summary = api.get("api/v1/spending/summary?from=" + day + "&to=" + day);
    assertThat(summary.json().getJsonNumber("total").bigDecimalValue())
        .isEqualByComparingTo("7.66375");
    assertThat(summary.json().getInt("events")).isEqualTo(4);
    assertThat(summary.json().getJsonObject("byClient").getJsonObject("Acme Corp").toString())
        .isEqualTo("{\"cost\":6.6636,\"count\":2}");
  }

  @Test
  void anEventWithoutACardInForceRefusesTheBatchAndStoresNothing() throws SQLException {
    assertThat(addCard("1k_tokens", "0.0025", "12:00:00").status()).isEqualTo(201);
    String beforeTheCard = events().replace(day + "T09:30:00Z", day + "T11:59:59.999999Z");

    Api.Answer early = api.post("api/v1/cost-events", beforeTheCard);
    Api.Answer unknownUnit =
        api.post("api/v1/cost-events", events().replace(day + "T09:30:00Z", day + "T13:00:00Z"));

    assertThat(early.status()).isEqualTo(400);
    assertThat(early.json().getString("error")).isEqualTo("validation");
    assertThat(early.json().getString("field")).isEqualTo("events[0].unitType");
    assertThat(early.json().getString("message")).contains(operation, "1k_tokens", "11:59:59");
    // the other events are priced by the card, but the token event has none
    assertThat(unknownUnit.status()).isEqualTo(400);
    assertThat(unknownUnit.json().getString("field")).isEqualTo("events[2].unitType");
    assertThat(amountsStored()).isEmpty();
  }

  @Test
  void aPricedAmountWithSevenDecimalsIsStoredToTheNearestMicroUnit() throws SQLException {
    addTheDaysCards();
    // 1532 × 0.00000015 = 0.0002298, stored HALF_UP as 0.000230
    String perToken = events().replace("\"units\": 1000", "\"units\": 1532");

    assertThat(api.post("api/v1/cost-events", perToken).status()).isEqualTo(202);
    assertThat(amountsStored()).contains(new BigDecimal("0.000230"));
  }

  @Test
  void onlyAnAdminMayAddCardsAndAnyoneMayReadThem() throws SQLException {
    Api.Answer refused =
        api.post(
            CARDS, card("1k_tokens", "0.003", "00:00:00"), TestUsers.tokenFor("BUDGET_MANAGER"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().getString("error")).isEqualTo("forbidden");
    assertThat(cardsOfTheOperation()).isEmpty();

    addCard("1k_tokens", "0.003", "00:00:00");
    Api.Answer read = api.get(CARDS + "?operationType=" + operation, TestUsers.tokenFor("VIEWER"));
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().getJsonArray("rateCards")).hasSize(1);
    assertThat(api.get(CARDS, null).status()).isEqualTo(401);
  }

  @Test
  void badCardsAreRefusedNamingTheField() {
    Map<Map<String, String>, String> cases = new LinkedHashMap<>();
    cases.put(Map.of("operationType", "null"), "operationType");
    cases.put(Map.of("operationType", quoted(" ")), "operationType");
    cases.put(Map.of("operationType", quoted(operation + " ")), "operationType");
    cases.put(Map.of("unitType", "42"), "unitType");
    cases.put(Map.of("unitType", quoted("u".repeat(201))), "unitType");
    cases.put(Map.of("price", "null"), "price");
    cases.put(Map.of("price", "-0.003"), "price");
    cases.put(Map.of("price", quoted("0.003")), "price");
    cases.put(Map.of("price", "0.0000000000001"), "price");
    cases.put(Map.of("price", "1000000000000.5"), "price");
    cases.put(Map.of("effectiveFrom", "null"), "effectiveFrom");
    cases.put(Map.of("effectiveFrom", quoted("tomorrow")), "effectiveFrom");
    cases.put(Map.of("effectiveFrom", quoted(day + "T00:00:00.0000001Z")), "effectiveFrom");
    for (var bad : cases.entrySet()) {
      Api.Answer refused = api.post(CARDS, cardWith(bad.getKey()));

      assertThat(refused.status()).as(bad.getKey().toString()).isEqualTo(400);
      assertThat(refused.json().getString("error")).isEqualTo("validation");
      assertThat(refused.json().getString("field"))
          .as(bad.getKey().toString())
          .isEqualTo(bad.getValue());
      assertThat(refused.json().getString("message")).isNotBlank();
    }
    assertThat(api.post(CARDS, "{\"operationType\": ").status()).isEqualTo(400);
    assertThat(cardsOfTheOperation()).isEmpty();
  }

  @Test
  void anUnknownCardIsNotFound() {
    assertThat(api.get(CARDS + "/999999999").status()).isEqualTo(404);
    assertThat(api.get(CARDS + "/999999999").json().getString("error")).isEqualTo("not_found");
    assertThat(api.get(CARDS + "/latest").status()).isEqualTo(404);
  }

  @Test
  void theOpenApiDocumentDescribesRateCards() {
    assertThat(api.get("openapi", null).body()).contains("/api/v1/rate-cards");
  }

  private List<JsonObject> cardsOfTheOperation() {
    return api.get(CARDS + "?operationType=" + operation)
        .json()
        .getJsonArray("rateCards")
        .getValuesAs(JsonObject.class);
  }

  private List<BigDecimal> amountsStored() throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select amount from cost_events where idempotency_key like ? order by idempotency_key")) {
      query.setString(1, run + "-%");
      List<BigDecimal> amounts = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          amounts.add(rows.getBigDecimal(1));
        }
      }
      return amounts;
    }
  }
}
