package com.costguard.portal.it;

import com.slack.api.app_backend.SlackSignature;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Builds requests to {@code /slack/events} signed exactly as Slack signs them. */
public final class SlackRequests {

  /** The signing secret failsafe gives the application under test (SLACK_SIGNING_SECRET). */
  public static final String SIGNING_SECRET = "it-signing-secret";

  private SlackRequests() {}

  public static String slashCommand(String text) {
    return slashCommand(text, "U0MANAGER");
  }

  /** {@code /budget <text>} typed by Slack user {@code user}, as Slack posts it. */
  public static String slashCommand(String text, String user) {
    return Fixtures.load(
        "slack/slash-command.form",
        Map.of("text", URLEncoder.encode(text, StandardCharsets.UTF_8), "user", user));
  }

  /** An interaction (a click, a modal submission) as Slack posts it: {@code payload=<json>}. */
  public static String interaction(String json) {
    return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
  }

  /** An Events API callback, signed like Slack signs it (a JSON body). */
  public static HttpRequest signedEvent(URI endpoint, String fixture, Instant at, String secret) {
    // On one line, as Slack sends it (Bolt's servlet adapter reads the body line by line).
    String json = Json.createReader(new StringReader(fixture)).readValue().toString();
    String timestamp = Long.toString(at.getEpochSecond());
    return HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/json")
        .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp)
        .header(
            SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
            new SlackSignature.Generator(secret).generate(timestamp, json))
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  public static HttpRequest signed(URI endpoint, String body, Instant at, String secret) {
    String timestamp = Long.toString(at.getEpochSecond());
    return HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp)
        .header(
            SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
            new SlackSignature.Generator(secret).generate(timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  public static HttpRequest unsigned(URI endpoint, String body) {
    return HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
