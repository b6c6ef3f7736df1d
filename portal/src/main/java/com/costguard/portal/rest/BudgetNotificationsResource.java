package com.costguard.portal.rest;

import com.costguard.alerting.NotificationSettings;
import com.costguard.application.Actor;
import com.costguard.application.BudgetService;
import com.costguard.config.Configuration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /budgets/{id}/notifications} (SPEC §3, §4): who a budget's alerts reach and how — its
 * e-mail recipients, quiet hours, Slack channel, and per threshold its channels and recipients
 * ({@link NotificationsJson}). Anyone with a token reads; an ADMIN or a BUDGET_MANAGER changes
 * them, and every change is audited with the old and new settings.
 */
@Path("budgets/{id}/notifications")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class BudgetNotificationsResource {

  @Inject BudgetService budgets;
  @Inject Configuration configuration;

  @GET
  @Operation(
      summary = "A budget's notification settings",
      description =
          "{budgetId, recipients (the budget's notifyEmails), quietHours (\"22:00-07:00\" or"
              + " null), slackChannel (null: defaultSlackChannel, SLACK_ALERT_CHANNEL),"
              + " thresholds: [{threshold, channels (email, in_app, slack), recipients (empty:"
              + " the budget's)}]} with one entry per threshold of the budget.")
  @APIResponse(responseCode = "200", description = "the settings")
  @APIResponse(responseCode = "404", description = "no such budget")
  public JsonObject get(@PathParam("id") long id) {
    return json(id, budgets.notifications(id));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a budget's notification settings",
      description =
          "Partial at the top level: fields not given stay. thresholds, when given, replaces"
              + " every threshold's setting (a threshold left out goes back to every channel and"
              + " the budget's recipients); a threshold's channels default to all of them; null"
              + " clears quietHours and slackChannel. Audited (budget.notifications_changed)."
              + " ADMIN or BUDGET_MANAGER.")
  @APIResponse(responseCode = "200", description = "the settings as changed")
  @APIResponse(
      responseCode = "400",
      description = "a field is invalid (e.g. thresholds[0].threshold); field names it")
  @APIResponse(responseCode = "403", description = "neither ADMIN nor BUDGET_MANAGER")
  @APIResponse(responseCode = "404", description = "no such budget")
  public JsonObject change(
      @PathParam("id") long id, InputStream body, @Context SecurityContext caller) {
    JsonObject changes = JsonBodies.object(body);
    NotificationSettings current = budgets.notifications(id);
    Actor actor = Actor.api(((ApiPrincipal) caller.getUserPrincipal()).user());
    return json(
        id, budgets.changeNotifications(actor, id, NotificationsJson.over(current, changes)));
  }

  private JsonObject json(long id, NotificationSettings settings) {
    return NotificationsJson.of(id, settings, configuration.slack().alertChannel());
  }
}
