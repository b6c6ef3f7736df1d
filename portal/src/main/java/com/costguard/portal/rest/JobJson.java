package com.costguard.portal.rest;

import static com.costguard.portal.rest.JsonFields.decimal;
import static com.costguard.portal.rest.JsonFields.instant;
import static com.costguard.portal.rest.JsonFields.text;
import static com.costguard.portal.rest.JsonFields.whole;
import static com.costguard.portal.rest.Jsonp.JSON;

import com.costguard.cost.Money;
import com.costguard.model.job.Job;
import com.costguard.model.job.NewJob;
import com.costguard.model.job.NewJobEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Reads a job and a job event from their JSON (SPEC §5), and writes a job. */
final class JobJson {

  private JobJson() {}

  static NewJob newJob(JsonObject o) {
    return new NewJob(
        text(o, "externalId").orElse(null),
        text(o, "name").orElse(null),
        text(o, "createdBy"),
        text(o, "client"),
        text(o, "project"),
        text(o, "team"),
        text(o, "provider"),
        text(o, "gpuType"),
        text(o, "pricing").orElse(null),
        decimal(o, "hourlyRate").orElse(null),
        decimal(o, "onDemandHourlyRate"),
        decimal(o, "estimateMin").orElse(null),
        decimal(o, "estimateMax").orElse(null),
        whole(o, "totalSteps").orElse(null),
        text(o, "controlUrl"));
  }

  static NewJobEvent newEvent(JsonObject o) {
    return new NewJobEvent(
        text(o, "type").orElse(null),
        instant(o, "at").orElse(null),
        text(o, "idempotencyKey").orElse(null),
        whole(o, "step"),
        text(o, "stage"),
        decimal(o, "recoveryMinutes"),
        decimal(o, "storageGb"));
  }

  static JsonObject job(Job job) {
    return JSON.createObjectBuilder()
        .add("id", job.id())
        .add("externalId", job.externalId())
        .add("name", job.name())
        .add("createdBy", job.createdBy())
        .add("client", orNull(job.client()))
        .add("project", orNull(job.project()))
        .add("team", orNull(job.team()))
        .add("provider", orNull(job.provider()))
        .add("gpuType", orNull(job.gpuType()))
        .add("pricing", job.pricing().name().toLowerCase(Locale.ROOT))
        .add("hourlyRate", Money.exact(job.hourlyRate()))
        .add("onDemandHourlyRate", Money.exact(job.onDemandHourlyRate()))
        .add("estimateMin", Money.exact(job.estimateMin()))
        .add("estimateMax", Money.exact(job.estimateMax()))
        .add("totalSteps", job.totalSteps())
        .add("controlUrl", orNull(job.controlUrl()))
        .add("status", job.status().wireName())
        .add("cancelRequested", job.cancelRequested())
        .add("cancelledBy", orNull(job.cancelledBy()))
        .add(
            "finalCost",
            job.finalCost()
                .map(cost -> (JsonValue) JSON.createValue(Money.exact(cost)))
                .orElse(JsonValue.NULL))
        .add("createdAt", job.createdAt().toString())
        .add("endedAt", orNull(job.endedAt().map(Object::toString)))
        .build();
  }

  private static JsonValue orNull(Optional<String> text) {
    return text.map(t -> (JsonValue) JSON.createValue(t)).orElse(JsonValue.NULL);
  }
}
