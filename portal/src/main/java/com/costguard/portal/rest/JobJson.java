package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;
import static com.costguard.portal.rest.JsonFields.decimal;
import static com.costguard.portal.rest.JsonFields.instant;
import static com.costguard.portal.rest.JsonFields.text;
import static com.costguard.portal.rest.JsonFields.whole;
import static com.costguard.portal.rest.Jsonp.JSON;

import com.costguard.cost.Money;
import com.costguard.model.job.Job;
import com.costguard.model.job.NewJob;
import com.costguard.model.job.NewJobEvent;
import com.costguard.model.job.NewJobEventFor;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads a job and job events from their JSON (SPEC §5), and writes a job. */
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
    return newEvent(o, "");
  }

  /** {@code {"events": [{"jobId": 17, "type": ..., ...}, ...]}}: several jobs' events. */
  static List<NewJobEventFor> newEvents(JsonObject body) {
    JsonValue events = body.get("events");
    if (events == null || events.getValueType() != JsonValue.ValueType.ARRAY) {
      throw invalid("events", "the body must be {\"events\": [ ... ]}");
    }
    JsonArray array = events.asJsonArray();
    List<NewJobEventFor> read = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String path = "events[" + i + "]";
      if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        throw invalid(path, "each event must be an object");
      }
      JsonObject o = array.getJsonObject(i);
      long jobId =
          whole(o, path + ".", "jobId")
              .orElseThrow(() -> invalid(path + ".jobId", "jobId is required (the job's id)"));
      read.add(new NewJobEventFor(jobId, newEvent(o, path + ".")));
    }
    return read;
  }

  private static NewJobEvent newEvent(JsonObject o, String path) {
    return new NewJobEvent(
        text(o, path, "type").orElse(null),
        instant(o, path, "at").orElse(null),
        text(o, path, "idempotencyKey").orElse(null),
        whole(o, path, "step"),
        text(o, path, "stage"),
        decimal(o, path, "recoveryMinutes"),
        decimal(o, path, "storageGb"));
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
