package com.costguard.portal.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * The Chart.js configuration {@code p:chart} draws: built with JSON-P so every label is escaped,
 * never assembled as text. The portal's charts share one look: a title, the legend below, no
 * animation, the value axis from zero, and the tooltip showing every series at the hovered point.
 */
final class ChartJs {

  private ChartJs() {}

  static JsonObject config(
      String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, String title) {
    return Json.createObjectBuilder()
        .add("type", type)
        .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add(
                    "interaction",
                    Json.createObjectBuilder().add("mode", "index").add("intersect", false))
                .add(
                    "plugins",
                    Json.createObjectBuilder()
                        .add(
                            "title",
                            Json.createObjectBuilder().add("display", true).add("text", title))
                        .add("legend", Json.createObjectBuilder().add("position", "bottom")))
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add("y", Json.createObjectBuilder().add("beginAtZero", true))))
        .build();
  }
}
