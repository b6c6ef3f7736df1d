package com.costguard.portal.rest;

import static com.costguard.portal.rest.JsonFields.decimal;
import static com.costguard.portal.rest.JsonFields.instant;
import static com.costguard.portal.rest.JsonFields.text;

import com.costguard.model.ratecard.NewRateCard;
import com.costguard.model.ratecard.RateCardVersion;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * Rate cards in and out: {@code operationType}, {@code unitType}, {@code price} (per unit, read and
 * written exactly), {@code effectiveFrom} (an ISO-8601 instant); out also {@code id} and {@code
 * version}. A {@code version} sent in is ignored: the server numbers a pair's cards.
 */
final class RateCardJson {

  private RateCardJson() {}

  static NewRateCard card(JsonObject body) {
    return new NewRateCard(
        text(body, "", "operationType").orElse(null),
        text(body, "", "unitType").orElse(null),
        decimal(body, "", "price").orElse(null),
        instant(body, "", "effectiveFrom").orElse(null));
  }

  static JsonObject of(RateCardVersion card) {
    return Json.createObjectBuilder()
        .add("id", card.id())
        .add("operationType", card.operationType())
        .add("unitType", card.unitType())
        .add("price", PlainDecimal.of(card.price()))
        .add("effectiveFrom", card.effectiveFrom().toString())
        .add("version", card.version())
        .build();
  }

  static JsonObject list(List<RateCardVersion> cards) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    cards.forEach(c -> array.add(of(c)));
    return Json.createObjectBuilder().add("rateCards", array).build();
  }
}
