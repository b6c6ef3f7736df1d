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

  /**
   * {@code /budget <text>} typed by Slack user {@code user}, as Slack posts it: with a fresh {@code
   * trigger_id}, as every real command has (the bot acts on each trigger once).
   */
  public static String slashCommand(String text, String user) {
    return Fixtures.load(
        "slack/slash-command.form",
        Map.of(
            "text",
            URLEncoder.encode(text, StandardCharsets.UTF_8),
            "user",
            user,
            "trigger",
            trigger()));
  }

  /**
   * An interaction (a click, a modal submission) as Slack posts it: {@code payload=<json>}, its
   * {@code trigger_id} replaced by a fresh one as Slack gives every interaction its own (the bot
   * acts on each trigger once; a test of a replay sends the same request twice).
   */
  public static String interaction(String json) {
    String fresh =
        json.replaceFirst(
            "\"trigger_id\"\\s*:\\s*\"[^\"]*\"", "\"trigger_id\": \"" + trigger() + "\"");
    return "payload=" + URLEncoder.encode(fresh, StandardCharsets.UTF_8);
  }

  /** A trigger id shaped like Slack's, never given before. */
  private static String trigger() {
    return "4242." + TRIGGERS.incrementAndGet() + "." + java.util.UUID.randomUUID();
  }

  private static final java.util.concurrent.atomic.AtomicLong TRIGGERS =
      new java.util.concurrent.atomic.AtomicLong();

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
