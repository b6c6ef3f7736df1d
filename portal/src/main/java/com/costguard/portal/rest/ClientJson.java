package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;
import static com.costguard.portal.rest.JsonFields.decimal;
import static com.costguard.portal.rest.JsonFields.text;
import static com.costguard.portal.rest.JsonFields.whole;

import com.costguard.model.client.Client;
import com.costguard.model.client.ClientDetails;
import com.costguard.model.client.Project;
import com.costguard.model.client.ProjectDetails;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Clients ({@code name}, {@code code}, {@code industry}, {@code priorityTier} A|B|C) and projects
 * ({@code name}, {@code clientId}, {@code code}, {@code startDate}, {@code endDate} as ISO dates,
 * {@code projectedRevenue}, {@code otherCosts} read exactly) in and out; out also {@code id}.
 */
final class ClientJson {

  private ClientJson() {}

  static ClientDetails client(JsonObject body) {
    return new ClientDetails(
        text(body, "name").orElse(null),
        text(body, "code").orElse(null),
        text(body, "industry"),
        text(body, "priorityTier").orElse(null));
  }

  static ProjectDetails project(JsonObject body) {
    return new ProjectDetails(
        text(body, "name").orElse(null),
        whole(body, "clientId").orElse(null),
        text(body, "code").orElse(null),
        date(body, "startDate"),
        date(body, "endDate"),
        decimal(body, "projectedRevenue"),
        decimal(body, "otherCosts"));
  }

  static JsonObject of(Client c) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", c.id())
            .add("name", c.name())
            .add("code", c.code())
            .add("priorityTier", c.priorityTier().name());
    c.industry().ifPresentOrElse(i -> json.add("industry", i), () -> json.addNull("industry"));
    return json.build();
  }

  static JsonObject of(Project p) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", p.id())
            .add("name", p.name())
            .add("clientId", p.clientId())
            .add("code", p.code())
            .add("otherCosts", PlainDecimal.of(p.otherCosts()));
    p.startDate()
        .ifPresentOrElse(d -> json.add("startDate", d.toString()), () -> json.addNull("startDate"));
    p.endDate()
        .ifPresentOrElse(d -> json.add("endDate", d.toString()), () -> json.addNull("endDate"));
    p.projectedRevenue()
        .ifPresentOrElse(
            r -> json.add("projectedRevenue", PlainDecimal.of(r)),
            () -> json.addNull("projectedRevenue"));
    return json.build();
  }

  static JsonObject clients(List<Client> clients) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    clients.forEach(c -> array.add(of(c)));
    return Json.createObjectBuilder().add("clients", array).build();
  }

  static JsonObject projects(List<Project> projects) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    projects.forEach(p -> array.add(of(p)));
    return Json.createObjectBuilder().add("projects", array).build();
  }

  static JsonObject tiers(
      java.util.Map<com.costguard.cost.attribution.PriorityTier, java.math.BigDecimal> amounts,
      java.util.Set<com.costguard.cost.attribution.PriorityTier> rollover) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    amounts.forEach(
        (tier, amount) ->
            array.add(
                Json.createObjectBuilder()
                    .add("tier", tier.name())
                    .add("monthlyAllocation", PlainDecimal.of(amount))
                    .add("rollover", rollover.contains(tier))));
    return Json.createObjectBuilder().add("tiers", array).build();
  }

  private static Optional<LocalDate> date(JsonObject body, String name) {
    return text(body, name)
        .map(
            s -> {
              try {
                return LocalDate.parse(s);
              } catch (DateTimeParseException e) {
                throw invalid(name, name + " must be an ISO-8601 date, e.g. 2026-01-31");
              }
            });
  }
}
