package com.costguard.portal.rest;

import static com.costguard.portal.rest.Jsonp.JSON;

import com.costguard.application.JobCostReading;
import com.costguard.cost.Money;
import com.costguard.cost.job.CostBreakdown;
import com.costguard.cost.job.EstimateThreshold;
import com.costguard.cost.job.GpuLine;
import com.costguard.cost.job.InterruptionLine;
import com.costguard.cost.job.JobCostView;
import com.costguard.cost.job.Projection;
import com.costguard.cost.job.Recommendation;
import com.costguard.cost.job.Scenario;
import com.costguard.cost.job.SuggestedAction;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * A job's cost view as SPEC §5's JSON. Amounts are the engine's, already rounded to cents, written
 * with {@link Money#exact}; hours and minutes are written as computed, without trailing zeros. What
 * cannot be computed (a projection of a finished job, a percentage of a zero estimate) is {@code
 * null}.
 */
final class JobCostJson {

  private JobCostJson() {}

  static JsonObject of(JobCostReading reading) {
    JobCostView view = reading.view();
    JsonArrayBuilder thresholds = JSON.createArrayBuilder();
    view.thresholdsCrossed().stream().map(EstimateThreshold::percent).forEach(thresholds::add);
    return JSON.createObjectBuilder()
        .add("jobId", reading.job().id())
        .add("status", reading.status().wireName())
        .add("state", name(view.state()))
        .add("cancelRequested", reading.cancelRequested())
        .add("asOf", view.asOf().toString())
        .add("currentCost", Money.exact(view.currentCost()))
        .add("breakdown", breakdown(view.breakdown()))
        .add("hourlyRate", Money.exact(view.hourlyRate()))
        .add("activeMinutes", view.activeMinutes())
        .add("pausedMinutes", view.pausedMinutes())
        .add("percentOfEstimate", orNull(view.percentOfEstimate()))
        .add("zone", name(view.zone()))
        .add("thresholdsCrossed", thresholds)
        .add("variance", orNull(view.variance().map(Money::exact)))
        .add("onDemandEquivalent", Money.exact(view.onDemandEquivalent()))
        .add("savings", Money.exact(view.savings()))
        .add("savingsPercent", orNull(view.savingsPercent()))
        .add(
            "projection",
            view.projection().<JsonValue>map(JobCostJson::projection).orElse(JsonValue.NULL))
        .build();
  }

  private static JsonObject breakdown(CostBreakdown breakdown) {
    JsonArrayBuilder gpu = JSON.createArrayBuilder();
    for (GpuLine line : breakdown.gpu()) {
      gpu.add(
          JSON.createObjectBuilder()
              .add("stage", name(line.stage()))
              .add("hours", plain(line.hours()))
              .add("amount", Money.exact(line.amount())));
    }
    JsonArrayBuilder interruptions = JSON.createArrayBuilder();
    for (InterruptionLine line : breakdown.interruptions()) {
      interruptions.add(
          JSON.createObjectBuilder()
              .add("at", line.at().toString())
              .add("minutes", plain(line.minutes()))
              .add("amount", Money.exact(line.amount()))
              .add("ongoing", line.ongoing()));
    }
    return JSON.createObjectBuilder()
        .add("gpu", gpu)
        .add("interruptions", interruptions)
        .add(
            "storage",
            JSON.createObjectBuilder()
                .add("gb", plain(breakdown.storage().gb()))
                .add("amount", Money.exact(breakdown.storage().amount()))
                .add("included", breakdown.storage().included()))
        .build();
  }

  private static JsonObject projection(Projection projection) {
    JsonArrayBuilder scenarios = JSON.createArrayBuilder();
    for (Scenario scenario : projection.scenarios()) {
      scenarios.add(
          JSON.createObjectBuilder()
              .add("kind", name(scenario.kind()))
              .add("probability", scenario.probabilityPercent())
              .add("remainingTime", scenario.remainingTime().toString())
              .add("completionAt", scenario.completionAt().toString())
              .add("finalCost", Money.exact(scenario.finalCost())));
    }
    Recommendation recommendation = projection.recommendation();
    JsonArrayBuilder actions = JSON.createArrayBuilder();
    recommendation.actions().stream()
        .map(SuggestedAction::name)
        .map(JobCostJson::lower)
        .forEach(actions::add);
    return JSON.createObjectBuilder()
        .add("completedSteps", projection.completedSteps())
        .add("remainingSteps", projection.remainingSteps())
        .add("stepsPerHour", plain(projection.stepsPerHour()))
        .add("remainingHours", plain(projection.remainingHours()))
        .add("projectedFinal", Money.exact(projection.projectedFinal()))
        .add("low", Money.exact(projection.low()))
        .add("high", Money.exact(projection.high()))
        .add("completionAt", projection.completionAt().toString())
        .add("scenarios", scenarios)
        .add(
            "recommendation",
            JSON.createObjectBuilder()
                .add("code", name(recommendation))
                .add("advice", recommendation.advice())
                .add("actions", actions))
        .build();
  }

  /** {@code 0.25}, {@code 4.2}, {@code 120}: the value as computed, without trailing zeros. */
  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static JsonValue orNull(Optional<BigDecimal> value) {
    return value.map(v -> (JsonValue) JSON.createValue(v)).orElse(JsonValue.NULL);
  }

  private static String name(Enum<?> value) {
    return lower(value.name());
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
