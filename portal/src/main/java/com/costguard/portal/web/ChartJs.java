package com.costguard.portal.web;

import static com.costguard.portal.rest.Jsonp.JSON;

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
    return JSON.createObjectBuilder()
        .add("type", type)
        .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add(
            "options",
            JSON.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add(
                    "interaction",
                    JSON.createObjectBuilder().add("mode", "index").add("intersect", false))
                .add(
                    "plugins",
                    JSON.createObjectBuilder()
                        .add(
                            "title",
                            JSON.createObjectBuilder().add("display", true).add("text", title))
                        .add("legend", JSON.createObjectBuilder().add("position", "bottom")))
                .add(
                    "scales",
                    JSON.createObjectBuilder()
                        .add("y", JSON.createObjectBuilder().add("beginAtZero", true))))
        .build();
  }
}
