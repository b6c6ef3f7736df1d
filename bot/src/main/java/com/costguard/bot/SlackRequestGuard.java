package com.costguard.bot;

import com.costguard.bot.store.SlackDeliveries;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.auth.AuthTestResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * What Bolt does not check, checked after its signature and timestamp verification (issue 9):
 *
 * <ul>
 *   <li><b>Our workspace only.</b> A command, click, submission or event must come from the team
 *       our bot token belongs to (its {@code auth.test} team), and so must the user who acted: a
 *       payload for another team — or a user of another organisation in a shared channel — is
 *       refused with 401 and nothing happens.
 *   <li><b>Each delivery acted on once.</b> Slack's signature stays valid for 5 minutes, so a
 *       captured request could be replayed in that window, and Slack itself retries events. Every
 *       command, click and submission carries a {@code trigger_id} that Slack never reuses, and
 *       every event an {@code event_id}: a delivery whose id was already acted on, by any instance,
 *       is acknowledged (200, empty) without running its handler, so a replayed increase request is
 *       not made twice. Clicks that decide (approve, reject, cancel) are idempotent by state
 *       anyway.
 * </ul>
 */
@ApplicationScoped
public class SlackRequestGuard implements Middleware {

  private static final Logger LOG = Logger.getLogger(SlackRequestGuard.class.getName());

  @Inject SlackDeliveries deliveries;

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    Optional<Delivery> delivery = Delivery.of(req);
    if (delivery.isEmpty()) {
      return chain.next(req);
    }
    AuthTestResponse ours = req.getContext().getAuthTestResponse();
    String team = ours == null ? null : ours.getTeamId();
    List<String> teams = delivery.get().teams();
    if (team == null || teams.isEmpty() || !teams.stream().allMatch(team::equals)) {
      LOG.warning(
          () -> "Refused a Slack " + req.getRequestType() + " for another team than " + team);
      return Response.builder()
          .statusCode(401)
          .contentType("application/json")
          .body("{\"error\":\"not from this workspace\"}")
          .build();
    }
    if (delivery.get().id() != null && !deliveries.first(delivery.get().id())) {
      LOG.info(() -> "Ignored a repeated Slack " + req.getRequestType() + " delivery");
      return Response.ok();
    }
    return chain.next(req);
  }

  /**
   * A request's delivery id and the team ids it names (the payload's and the acting user's; a
   * missing one is left out).
   */
  private record Delivery(String id, List<String> teams) {

    private static Delivery of(String id, String... teams) {
      return new Delivery(id, Stream.of(teams).filter(Objects::nonNull).toList());
    }

    static Optional<Delivery> of(Request<?> req) {
      if (req instanceof SlashCommandRequest command) {
        var p = command.getPayload();
        return Optional.of(of(p.getTriggerId(), p.getTeamId()));
      }
      if (req instanceof BlockActionRequest click) {
        var p = click.getPayload();
        return Optional.of(
            of(
                p.getTriggerId(),
                p.getTeam() == null ? null : p.getTeam().getId(),
                p.getUser() == null ? null : p.getUser().getTeamId()));
      }
      if (req instanceof ViewSubmissionRequest submission) {
        var p = submission.getPayload();
        return Optional.of(
            of(
                p.getTriggerId(),
                p.getTeam() == null ? null : p.getTeam().getId(),
                p.getUser() == null ? null : p.getUser().getTeamId()));
      }
      if (req instanceof EventRequest event) {
        // Bolt keeps an event's envelope as text: its team_id and event_id are read from it.
        JsonObject envelope =
            JsonParser.parseString(event.getRequestBodyAsString()).getAsJsonObject();
        return Optional.of(of(text(envelope, "event_id"), text(envelope, "team_id")));
      }
      return Optional.empty();
    }

    private static String text(JsonObject o, String name) {
      return o.has(name) && o.get(name).isJsonPrimitive() ? o.get(name).getAsString() : null;
    }
  }
}
