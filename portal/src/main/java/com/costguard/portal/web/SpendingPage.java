package com.costguard.portal.web;

import com.costguard.application.SpendingService;
import com.costguard.application.SpendingSummary;
import com.costguard.config.Configuration;
import com.costguard.cost.Money;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The spending summary page (seed 004): what was spent over a range of days, in total and by
 * provider, mode, job status, session, client, project and day — the figures of {@code GET
 * /api/v1/spending/summary} for the same range, from the same service. Each group links to the cost
 * events behind it. Anyone signed in reads it.
 */
@Named
@RequestScoped
public class SpendingPage {

  @Inject SpendingService spending;
  @Inject Configuration configuration;
  @Inject Clock clock;
  @Inject Formats formats;

  private DayRange range;
  private SpendingSummary summary;

  @PostConstruct
  void read() {
    Map<String, String> parameters =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    range = DayRange.of(parameters, LocalDate.now(clock.withZone(configuration.timezone())));
  }

  public DayRange getRange() {
    return range;
  }

  public SpendingSummary getSummary() {
    if (summary == null) {
      summary =
          spending.summary(
              range.start(configuration.timezone()), range.end(configuration.timezone()));
    }
    return summary;
  }

  /** One row of a grouping table: its name, spend, count and share of the total. */
  public record Row(String name, BigDecimal cost, long count, String share) {}

  /** The groups of one dimension ("provider", "mode", …), largest first, as table rows. */
  public List<Row> rows(String dimension) {
    SpendingSummary s = getSummary();
    Map<String, SpendingSummary.Group> groups =
        switch (dimension) {
          case "provider" -> s.byProvider();
          case "mode" -> s.byMode();
          case "status" -> s.byStatus();
          case "session" -> s.bySession();
          case "client" -> s.byClient();
          case "project" -> s.byProject();
          default -> throw new IllegalArgumentException(dimension);
        };
    return groups.entrySet().stream()
        .map(
            g ->
                new Row(
                    g.getKey(),
                    g.getValue().cost(),
                    g.getValue().count(),
                    share(g.getValue().cost(), s.total())))
        .toList();
  }

  /** "42.5%" of the total; "—" when nothing was spent. */
  static String share(BigDecimal part, BigDecimal total) {
    if (total.signum() == 0) {
      return "—";
    }
    return part.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP) + "%";
  }

  /**
   * The query string of the cost events page showing the events behind a group of {@code dimension}
   * in this range, or null when no such filter exists (job statuses, modes, sessions; spend without
   * the attribute).
   */
  public String eventsQuery(String dimension, String name) {
    if (SpendingSummary.NONE.equals(name)
        || !List.of("provider", "client", "project").contains(dimension)) {
      return null;
    }
    return "%s=%s&from=%s&to=%s"
        .formatted(
            dimension,
            URLEncoder.encode(name, StandardCharsets.UTF_8),
            range.getFirstDay(),
            range.getLastDay());
  }

  public String getDayChart() {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder spent = Json.createArrayBuilder();
    for (SpendingSummary.Day day : getSummary().byDay()) {
      labels.add(day.date().toString());
      spent.add(Money.cents(day.cost()));
    }
    JsonArrayBuilder sets =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("label", "Spent per day")
                    .add("data", spent)
                    .add("backgroundColor", "#0b5cad"));
    return ChartJs.config("bar", labels, sets, "Spend per day (" + formats.zone() + ")").toString();
  }
}
