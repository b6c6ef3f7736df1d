package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;
import static com.costguard.portal.rest.Jsonp.JSON;

import com.costguard.application.SpendingService;
import com.costguard.application.SpendingSummary;
import com.costguard.config.Configuration;
import com.costguard.cost.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /spending/summary?from&to}: spend over a range, the cost events in it and the job
 * costs accrued in it ({@link SpendingSummary}). {@code from} and {@code to} are ISO-8601 instants
 * or dates in the installation's time zone; a date {@code to} includes that day. Without them: the
 * current calendar month.
 */
@Path("spending")
@ApplicationScoped
public class SpendingResource {

  @Inject SpendingService spending;
  @Inject Configuration configuration;

  @GET
  @Path("summary")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Spend over a range, in total and by attribution, job status and day",
      description =
          "from and to are dates (to inclusive) or instants (to exclusive); neither = this"
              + " calendar month in the installation's time zone. Spend is the cost events in the"
              + " range plus the job costs accrued in it (each job's cost at the range's end, or"
              + " now, minus its cost at the range's start), as budgets count it. total = cost"
              + " events + jobs; events = the number of cost events; jobs = {cost, count} of the"
              + " jobs that ran in the range. byProvider, byClient, byProject and byDay hold cost"
              + " events and jobs (count = events + jobs); byMode and bySession cost events only;"
              + " byStatus jobs only, by their status now. Each group is {cost, count}, largest"
              + " first; spend without the attribute is under \"(none)\". A job's accrual is"
              + " split by day in the installation's time zone, so byDay adds up to total.")
  public JsonObject summary(@QueryParam("from") String from, @QueryParam("to") String to) {
    SpendingSummary summary;
    if (from == null && to == null) {
      summary = spending.thisMonth();
    } else if (from == null || to == null) {
      throw invalid(from == null ? "from" : "to", "give both from and to, or neither");
    } else {
      RangeParams range = RangeParams.limited(bound("from", from, false), bound("to", to, true));
      summary = spending.summary(range.from(), range.to());
    }
    return JSON.createObjectBuilder()
        .add("from", summary.from().toString())
        .add("to", summary.to().toString())
        .add("currency", summary.currency())
        .add("total", Money.exact(summary.total()))
        .add("events", summary.events())
        .add("jobs", group(summary.jobs()))
        .add("reuseSavings", Money.exact(summary.reuseSavings()))
        .add("byProvider", groups(summary.byProvider()))
        .add("byMode", groups(summary.byMode()))
        .add("byStatus", groups(summary.byStatus()))
        .add("bySession", groups(summary.bySession()))
        .add("byClient", groups(summary.byClient()))
        .add("byProject", groups(summary.byProject()))
        .add("byDay", days(summary.byDay()))
        .build();
  }

  private static JsonObject groups(Map<String, SpendingSummary.Group> groups) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    groups.forEach((name, group) -> json.add(name, group(group)));
    return json.build();
  }

  private static JsonObject group(SpendingSummary.Group group) {
    return JSON.createObjectBuilder()
        .add("cost", Money.exact(group.cost()))
        .add("count", group.count())
        .build();
  }

  private static JsonArray days(List<SpendingSummary.Day> days) {
    JsonArrayBuilder json = JSON.createArrayBuilder();
    days.forEach(
        day ->
            json.add(
                JSON.createObjectBuilder()
                    .add("date", day.date().toString())
                    .add("cost", Money.exact(day.cost()))
                    .add("count", day.count())));
    return json.build();
  }

  private Instant bound(String name, String value, boolean endOfDay) {
    return RangeParams.bound(name, value, endOfDay, configuration.timezone());
  }
}
