package com.costguard.portal.it;

import com.slack.api.app_backend.SlackSignature;
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
    return Fixtures.load(
        "slack/slash-command.form",
        Map.of("text", URLEncoder.encode(text, StandardCharsets.UTF_8)));
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
