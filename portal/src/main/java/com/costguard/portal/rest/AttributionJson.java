package com.costguard.portal.rest;

import com.costguard.application.AttributionService.AttributionReport;
import com.costguard.application.AttributionService.ClientReport;
import com.costguard.application.AttributionService.OptimizationReport;
import com.costguard.application.AttributionService.ReuseReport;
import com.costguard.cost.Money;
import com.costguard.cost.attribution.Attribution;
import com.costguard.cost.attribution.ClientCost;
import com.costguard.cost.attribution.ClientReuse;
import com.costguard.cost.attribution.CostedJob;
import com.costguard.cost.attribution.PricingInsights;
import com.costguard.cost.attribution.ProjectProfit;
import com.costguard.cost.attribution.TierAllocation;
import com.costguard.cost.attribution.TierUtilisation;
import com.costguard.cost.optimization.SpotSavings;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Attribution, client and spot-savings reports as JSON; every amount exact, two decimals. */
final class AttributionJson {

  private AttributionJson() {}

  /**
   * The attribution report with each tier's utilisation ({@code allocation.tiers}) and the reuse
   * savings by client over the same range ({@code reuseSavings}).
   */
  static JsonObject of(AttributionReport report, List<TierUtilisation> tiers, ReuseReport reuse) {
    JsonObject base = of(report);
    JsonArrayBuilder tierArray = Json.createArrayBuilder();
    tiers.forEach(t -> tierArray.add(tier(t)));
    JsonArrayBuilder reuseClients = Json.createArrayBuilder();
    reuse.savings().clients().forEach(c -> reuseClients.add(reuse(c)));
    return Json.createObjectBuilder(base)
        .add(
            "allocation",
            Json.createObjectBuilder(base.getJsonObject("allocation")).add("tiers", tierArray))
        .add(
            "reuseSavings",
            Json.createObjectBuilder()
                .add("total", Money.exact(reuse.savings().totalSavings()))
                .add("listCost", Money.exact(reuse.savings().totalListCost()))
                .add("byClient", reuseClients))
        .build();
  }

  static JsonObject of(AttributionReport report) {
    Attribution a = report.attribution();
    JsonArrayBuilder clients = Json.createArrayBuilder();
    a.byClient().forEach(c -> clients.add(client(c)));
    JsonArrayBuilder projects = Json.createArrayBuilder();
    a.byProject().forEach(p -> projects.add(project(p)));
    JsonArrayBuilder allocations = Json.createArrayBuilder();
    report.allocations().forEach(t -> allocations.add(allocation(t)));
    return range(report.from().toString(), report.to().toString(), report.currency())
        .add("total", Money.exact(a.total()))
        .add("jobs", a.jobs())
        .add("byClient", clients)
        .add("byProject", projects)
        .add("pricingInsights", insights(a.insights()))
        .add(
            "allocation",
            Json.createObjectBuilder()
                .add("month", report.allocationMonth().toString())
                .add("clients", allocations))
        .build();
  }

  static JsonObject of(ClientReport report) {
    JsonArrayBuilder projects = Json.createArrayBuilder();
    report.projects().forEach(p -> projects.add(project(p)));
    return range(report.from().toString(), report.to().toString(), report.currency())
        .add("client", client(report.cost()))
        .add("projects", projects)
        .build();
  }

  static JsonObject of(OptimizationReport report) {
    SpotSavings s = report.savings();
    JsonArrayBuilder jobs = Json.createArrayBuilder();
    s.jobs().forEach(j -> jobs.add(job(j)));
    JsonObjectBuilder histogram = Json.createObjectBuilder();
    s.histogram().forEach((count, n) -> histogram.add(String.valueOf(count), n));
    JsonObjectBuilder months = Json.createObjectBuilder();
    s.byMonth().forEach((month, amount) -> months.add(month.toString(), Money.exact(amount)));
    JsonArrayBuilder cumulative = Json.createArrayBuilder();
    s.cumulative()
        .forEach(
            p ->
                cumulative.add(
                    Json.createObjectBuilder()
                        .add("date", p.date().toString())
                        .add("savings", Money.exact(p.cumulativeSavings()))));
    JsonArrayBuilder advice = Json.createArrayBuilder();
    s.advice()
        .forEach(
            a -> {
              JsonObjectBuilder json =
                  Json.createObjectBuilder()
                      .add("kind", a.kind().name().toLowerCase(Locale.ROOT))
                      .add("text", a.text());
              amount(json, "amount", a.amount());
              advice.add(json);
            });
    JsonObjectBuilder json =
        range(report.from().toString(), report.to().toString(), report.currency())
            .add("spotJobs", s.spotJobs())
            .add("onDemandJobs", s.onDemandJobs())
            .add("totalSpotCost", Money.exact(s.totalSpotCost()))
            .add("onDemandEquivalent", Money.exact(s.onDemandEquivalent()))
            .add("savings", Money.exact(s.savings()));
    number(json, "savingsPercent", s.savingsPercent());
    json.add("interruptions", s.interruptions());
    number(json, "averageInterruptions", s.averageInterruptions());
    json.add("interruptionHistogram", histogram)
        .add("recoveryOverhead", Money.exact(s.recoveryOverhead()))
        .add("netSavings", Money.exact(s.netSavings()));
    number(json, "netSavingsPercent", s.netSavingsPercent());
    number(json, "shareWithAtMostTwoInterruptions", s.shareWithAtMostTwoInterruptions());
    json.add("savingsByMonth", months)
        .add("monthlySavings", Money.exact(s.monthlySavings()))
        .add("annualisedSavings", Money.exact(s.annualisedSavings()))
        .add("cumulativeSavings", cumulative);
    number(json, "spotSharePercent", s.spotSharePercent());
    number(json, "interruptionRatePercent", s.interruptionRatePercent());
    return json.add("recommendations", advice).add("jobList", jobs).build();
  }

  private static JsonObjectBuilder range(String from, String to, String currency) {
    return Json.createObjectBuilder().add("from", from).add("to", to).add("currency", currency);
  }

  private static JsonObject client(ClientCost c) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("name", c.name());
    c.client()
        .ifPresentOrElse(
            info -> {
              json.add("clientId", info.id())
                  .add("code", info.code())
                  .add("priorityTier", info.tier().name());
              text(json, "industry", info.industry());
            },
            () -> json.addNull("clientId"));
    json.add("jobs", c.jobs().size()).add("total", Money.exact(c.total()));
    amount(json, "averagePerJob", c.averagePerJob());
    JsonArrayBuilder jobs = Json.createArrayBuilder();
    c.jobs().forEach(j -> jobs.add(job(j)));
    return json.add("jobList", jobs).build();
  }

  private static JsonObject project(ProjectProfit p) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("name", p.name());
    p.project()
        .ifPresentOrElse(
            info -> json.add("projectId", info.id()).add("code", info.code()),
            () -> json.addNull("projectId"));
    json.add("clientName", p.clientName())
        .add("jobs", p.jobs().size())
        .add("trainingCost", Money.exact(p.trainingCost()));
    amount(json, "averagePerJob", p.averagePerJob());
    amount(json, "revenue", p.revenue());
    json.add("otherCosts", Money.exact(p.otherCosts()));
    amount(json, "profit", p.profit());
    number(json, "marginPercent", p.marginPercent());
    text(json, "band", p.band().map(b -> b.name().toLowerCase(Locale.ROOT)));
    return json.build();
  }

  private static JsonObject insights(PricingInsights i) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("projects", i.projects());
    amount(json, "averageTrainingCost", i.averageTrainingCost());
    number(json, "revenueMultiplier", i.revenueMultiplier());
    i.recommendation()
        .ifPresentOrElse(
            band -> {
              JsonObjectBuilder b =
                  Json.createObjectBuilder()
                      .add("band", band.name().toLowerCase(Locale.ROOT))
                      .add("label", band.label())
                      .add("low", Money.exact(band.low()));
              amount(b, "high", band.high());
              json.add("recommendation", b);
            },
            () -> json.addNull("recommendation"));
    JsonArrayBuilder margins = Json.createArrayBuilder();
    i.margins().forEach(margins::add);
    json.add("margins", margins);
    number(json, "averageMargin", i.averageMargin());
    return json.build();
  }

  private static JsonObject allocation(TierAllocation t) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("clientId", t.client().id())
            .add("name", t.client().name())
            .add("priorityTier", t.client().tier().name())
            .add("allocated", Money.exact(t.allocated()))
            .add("spent", Money.exact(t.spent()))
            .add("remaining", Money.exact(t.remaining()))
            .add("tierAmount", Money.exact(t.tierAmount()))
            .add("rollover", t.rollover())
            .add("carriedIn", Money.exact(t.carriedIn()))
            .add("nextMonth", Money.exact(t.nextMonth()));
    number(json, "utilisationPercent", t.utilisationPercent());
    return json.add("alert", t.alert()).build();
  }

  private static JsonObject tier(TierUtilisation t) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("tier", t.tier().name())
            .add("monthlyAllocation", Money.exact(t.monthlyAmount()))
            .add("rollover", t.rollover())
            .add("clients", t.clients())
            .add("allocated", Money.exact(t.allocated()))
            .add("spent", Money.exact(t.spent()));
    number(json, "utilisationPercent", t.utilisationPercent());
    return json.add("alerts", t.alerts()).build();
  }

  private static JsonObject reuse(ClientReuse c) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("name", c.name());
    c.client().ifPresentOrElse(i -> json.add("clientId", i.id()), () -> json.addNull("clientId"));
    json.add("listCost", Money.exact(c.listCost()))
        .add("paid", Money.exact(c.paid()))
        .add("savings", Money.exact(c.savings()))
        .add("events", c.events());
    number(json, "savingsPercent", c.savingsPercent());
    return json.build();
  }

  static JsonObject job(CostedJob j) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", j.id())
            .add("name", j.name())
            .add("date", j.date().toString())
            .add("cost", Money.exact(j.costInRange()))
            .add("activeMinutes", j.activeTime().toMinutes())
            .add("creator", j.creator())
            .add("status", j.status())
            .add("pricing", j.pricing().name().toLowerCase(Locale.ROOT))
            .add("currentCost", Money.exact(j.currentCost()))
            .add("onDemandEquivalent", Money.exact(j.onDemandEquivalent()))
            .add("savings", Money.exact(j.savings()))
            .add("interruptions", j.interruptions())
            .add("recoveryOverhead", Money.exact(j.recoveryOverhead()));
    text(json, "client", j.client());
    text(json, "project", j.project());
    text(json, "gpuType", j.gpuType());
    return json.build();
  }

  private static void amount(JsonObjectBuilder json, String name, Optional<BigDecimal> value) {
    value.ifPresentOrElse(v -> json.add(name, Money.exact(v)), () -> json.addNull(name));
  }

  private static void number(JsonObjectBuilder json, String name, Optional<BigDecimal> value) {
    value.ifPresentOrElse(v -> json.add(name, v), () -> json.addNull(name));
  }

  private static void text(JsonObjectBuilder json, String name, Optional<String> value) {
    value.ifPresentOrElse(v -> json.add(name, v), () -> json.addNull(name));
  }
}
