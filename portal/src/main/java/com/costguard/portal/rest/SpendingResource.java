package com.costguard.portal.rest;

import static com.costguard.application.RequestRefusedException.invalid;
import static com.costguard.portal.rest.Jsonp.JSON;

import com.costguard.application.SpendingService;
import com.costguard.application.SpendingSummary;
import com.costguard.config.Configuration;
import com.costguard.cost.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
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
  public StreamingOutput summary(@QueryParam("from") String from, @QueryParam("to") String to) {
    SpendingSummary summary;
    if (from == null && to == null) {
      summary = spending.thisMonth();
    } else if (from == null || to == null) {
      throw invalid(from == null ? "from" : "to", "give both from and to, or neither");
    } else {
      RangeParams range = RangeParams.limited(bound("from", from, false), bound("to", to, true));
      summary = spending.summary(range.from(), range.to());
    }
    return written(summary);
  }

  /**
   * Written as it is read: a month's summary holds some 34,000 sessions (issue 8), about 1.6 MB of
   * JSON, which a {@code JsonObject} would first build in memory.
   */
  private static StreamingOutput written(SpendingSummary summary) {
    return out -> {
      JsonGenerator json = JSON.createGenerator(out);
      json.writeStartObject()
          .write("from", summary.from().toString())
          .write("to", summary.to().toString())
          .write("currency", summary.currency())
          .write("total", Money.exact(summary.total()))
          .write("events", summary.events());
      group(json.writeKey("jobs"), summary.jobs());
      json.write("reuseSavings", Money.exact(summary.reuseSavings()));
      groups(json, "byProvider", summary.byProvider());
      groups(json, "byMode", summary.byMode());
      groups(json, "byStatus", summary.byStatus());
      groups(json, "bySession", summary.bySession());
      groups(json, "byClient", summary.byClient());
      groups(json, "byProject", summary.byProject());
      json.writeStartArray("byDay");
      for (SpendingSummary.Day day : summary.byDay()) {
        json.writeStartObject()
            .write("date", day.date().toString())
            .write("cost", Money.exact(day.cost()))
            .write("count", day.count())
            .writeEnd();
      }
      json.writeEnd().writeEnd().flush();
    };
  }

  private static void groups(
      JsonGenerator json, String name, Map<String, SpendingSummary.Group> groups) {
    json.writeStartObject(name);
    groups.forEach((group, spend) -> group(json.writeKey(group), spend));
    json.writeEnd();
  }

  private static void group(JsonGenerator json, SpendingSummary.Group group) {
    json.writeStartObject()
        .write("cost", Money.exact(group.cost()))
        .write("count", group.count())
        .writeEnd();
  }

  private Instant bound(String name, String value, boolean endOfDay) {
    return RangeParams.bound(name, value, endOfDay, configuration.timezone());
  }
}
