package com.costguard.portal.web;

import static com.costguard.portal.rest.Jsonp.JSON;

import com.costguard.application.BudgetReports;
import com.costguard.application.BudgetReports.DaySpend;
import com.costguard.application.BudgetReports.History;
import com.costguard.application.BudgetReports.MonthSpend;
import com.costguard.application.BudgetService;
import com.costguard.application.BudgetView;
import com.costguard.application.PeriodJobs;
import com.costguard.application.RequestRefusedException;
import com.costguard.config.Configuration;
import com.costguard.cost.Money;
import com.costguard.cost.budget.BudgetStatus;
import com.costguard.cost.budget.Forecast;
import com.costguard.cost.budget.PeriodType;
import com.costguard.cost.budget.SpendTrend;
import com.costguard.model.budget.Budget;
import com.costguard.model.budget.BudgetDefinition;
import com.costguard.model.job.JobCriteria;
import com.costguard.model.job.JobInPeriod;
import com.costguard.model.job.JobOrder;
import com.costguard.portal.rest.CsvCells;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * {@code /dashboard/training-budget} (SPEC §4, seed 000 FR7.2.1): one budget's position in its
 * period (the first enabled budget unless {@code ?budget=} picks another): the cards, the spend
 * chart, the jobs that count, the forecast with recommendations, the controls, the history and a
 * CSV export. Every figure comes from {@link BudgetService} and {@link BudgetReports}, which count
 * as the API does; the page computes no rule of its own but the display's (colours, words).
 */
@Named
@ViewScoped
public class TrainingBudget implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(TrainingBudget.class.getName());

  /**
   * The bounds the portal puts on a limit set here (SPEC §2: "the portal's monthly-limit bounds
   * default to $50 – $10,000"); the API has none but > 0.
   */
  static final BigDecimal LOWEST_LIMIT = new BigDecimal("50");

  static final BigDecimal HIGHEST_LIMIT = new BigDecimal("10000");

  /** The thresholds the controls offer as checkboxes (seed 000); others a budget has are kept. */
  static final List<Integer> OFFERED_THRESHOLDS = List.of(80, 95, 100, 110);

  /** Seed 000's cost colours: above $100 high (red), $50–$100 medium (yellow), else low (green). */
  private static final BigDecimal HIGH_COST = new BigDecimal("100");

  private static final BigDecimal MEDIUM_COST = new BigDecimal("50");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final String PERIOD_JOBS = TrainingBudget.class.getName() + ".periodJobs";

  @Inject transient BudgetService budgetService;
  @Inject transient BudgetReports reports;
  @Inject transient CurrentUser currentUser;
  @Inject transient Formats formats;
  @Inject transient Configuration configuration;

  private Long budgetId;
  private List<Budget> budgets = List.of();
  private BudgetView view;
  private PeriodJobs.Figures figures;
  private List<String> creators = List.of();
  private List<DaySpend> days = List.of();
  private History history;
  private String error;
  private final JobFilter filter = new JobFilter();

  // The controls' fields.
  private BigDecimal limit;
  private String periodType;
  private List<String> thresholds = new ArrayList<>();
  private boolean blockNewJobs;

  private final LazyDataModel<JobInPeriod> jobTable =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return Math.toIntExact(periodJobs().count(criteria()));
        }

        @Override
        public List<JobInPeriod> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> f) {
          JobOrder order =
              sortBy.values().stream()
                  .findFirst()
                  .map(TrainingBudget::order)
                  .orElse(JobOrder.COSTLIEST);
          return periodJobs().page(criteria(), order, first, pageSize);
        }

        @Override
        public String getRowKey(JobInPeriod row) {
          return Long.toString(row.id());
        }
      };

  /** Loads the page's budget; a failure becomes the page's error state, not an error page. */
  public void load() {
    try {
      // The picker names every budget; only the one shown has its spend computed.
      budgets = budgetService.definitions();
      Optional<Budget> chosen =
          budgetId == null
              ? budgets.stream()
                  .filter(Budget::enabled)
                  .findFirst()
                  .or(() -> budgets.stream().findFirst())
              : budgets.stream().filter(b -> b.id().equals(budgetId)).findFirst();
      if (chosen.isEmpty()) {
        if (budgetId != null) {
          error = "There is no budget " + budgetId + ".";
        }
        view = null;
        return;
      }
      view = budgetService.get(chosen.get().id());
      budgetId = view.budget().id();
      PeriodJobs periodJobs = reports.jobsIn(budgetId);
      FacesContext.getCurrentInstance().getAttributes().put(PERIOD_JOBS, periodJobs);
      figures = periodJobs.figures();
      creators = periodJobs.creators();
      days = reports.days(budgetId);
      history = reports.history(budgetId, 6);
      resetControls();
      error = null;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the budget dashboard could not be loaded", e);
      error = "The budget could not be loaded. Try again in a moment.";
      view = null;
    }
  }

  private void resetControls() {
    BudgetDefinition d = view.budget().definition();
    limit = Money.cents(d.limit());
    periodType = d.period();
    thresholds =
        d.thresholds().stream().filter(OFFERED_THRESHOLDS::contains).map(String::valueOf).toList();
    thresholds = new ArrayList<>(thresholds);
    blockNewJobs = d.blockNewJobs();
  }

  /**
   * The period's jobs for this request: read in {@link #load}, or again when the table pages or
   * sorts. Never kept in the view: at scale the unsettled jobs alone are thousands of rows, and a
   * session keeps many views.
   */
  private PeriodJobs periodJobs() {
    return (PeriodJobs)
        FacesContext.getCurrentInstance()
            .getAttributes()
            .computeIfAbsent(PERIOD_JOBS, key -> reports.jobsIn(budgetId));
  }

  private JobCriteria criteria() {
    return filter.criteria(configuration.timezone());
  }

  private static JobOrder order(SortMeta sort) {
    JobOrder.Field field =
        switch (sort.getField()) {
          case "name" -> JobOrder.Field.NAME;
          case "createdAt" -> JobOrder.Field.CREATED_AT;
          case "createdBy" -> JobOrder.Field.CREATED_BY;
          case "status" -> JobOrder.Field.STATUS;
          default -> JobOrder.Field.COST;
        };
    return new JobOrder(field, sort.getOrder() == SortOrder.DESCENDING);
  }

  public void applyFilter() {
    // The table reads the filter as it loads; nothing more to do.
  }

  public void clearFilter() {
    filter.clear();
  }

  // ---- the cards and the forecast panel ----

  public BudgetStatus getStatus() {
    return view.status();
  }

  public boolean isForecastShown() {
    return view != null && view.forecast().isPresent();
  }

  public Forecast getForecast() {
    return view.forecast().orElse(null);
  }

  public String getForecastRange() {
    Forecast f = getForecast();
    return f == null ? "—" : formats.range(f.low(), f.high());
  }

  public String getPeriodWords() {
    return Periods.label(view.budget().period());
  }

  /** The spending bar's width, 0–100. */
  public int getUsedWidth() {
    return view.status().usagePercentage().min(HUNDRED).max(BigDecimal.ZERO).intValue();
  }

  public String getUsedPercent() {
    return view.status().usagePercentage().setScale(0, RoundingMode.DOWN).toPlainString() + "%";
  }

  /** Seed 000's remaining colours, with words: none left, under 20% left, or enough. */
  public String getRemainingZone() {
    BudgetStatus s = view.status();
    if (s.isExceeded() || s.remaining().signum() == 0) {
      return "red";
    }
    return s.remaining().multiply(BigDecimal.valueOf(5)).compareTo(s.available()) < 0
        ? "yellow"
        : "green";
  }

  public String getRemainingWords() {
    return switch (getRemainingZone()) {
      case "red" -> "Nothing left";
      case "yellow" -> "Less than 20% left";
      default -> "Within budget";
    };
  }

  public long getJobCount() {
    return figures.count();
  }

  public long getActiveJobs() {
    return figures.active();
  }

  public long getCompletedJobs() {
    return figures.completed();
  }

  /** Average cost per job in the period, in cents; empty without jobs. */
  public String getAverageJobCost() {
    if (figures.count() == 0) {
      return "—";
    }
    return formats.money(
        figures.total().divide(BigDecimal.valueOf(figures.count()), 6, RoundingMode.HALF_UP));
  }

  /** What active jobs are still projected to add: the forecast less the rest. */
  public String getActiveJobsRemaining() {
    Forecast f = getForecast();
    if (f == null) {
      return "—";
    }
    BigDecimal withoutJobs =
        view.status()
            .spent()
            .add(f.averageDailyCostEvents().multiply(BigDecimal.valueOf(f.remainingDays())));
    return formats.range(f.low().subtract(withoutJobs), f.high().subtract(withoutJobs));
  }

  /** "on-track", "at-risk" (the high end passes the limit) or "over" (the low end does). */
  public String getForecastZone() {
    Forecast f = getForecast();
    BigDecimal available = view.status().available();
    if (view.status().isExceeded() || (f != null && f.lowEndExceeds(available))) {
      return "over";
    }
    return f != null && f.high().compareTo(available) > 0 ? "at-risk" : "on-track";
  }

  public String getForecastWords() {
    Forecast f = getForecast();
    BigDecimal available = view.status().available();
    if (view.status().isExceeded()) {
      return "Over budget by " + formats.money(view.status().spent().subtract(available));
    }
    if (f == null) {
      return "No period end to forecast (" + getPeriodWords().toLowerCase(Locale.US) + ")";
    }
    if (f.lowEndExceeds(available)) {
      return "Projected to exceed by "
          + formats.range(f.low().subtract(available), f.high().subtract(available));
    }
    if (f.high().compareTo(available) > 0) {
      return "May exceed by up to " + formats.money(f.high().subtract(available));
    }
    return "On track: " + formats.money(available.subtract(f.high())) + " to spare at worst";
  }

  /** What to do about it (seed 000: "action items if over budget"). */
  public List<String> getRecommendations() {
    List<String> advice = new ArrayList<>();
    String zone = getForecastZone();
    if (zone.equals("on-track")) {
      return advice;
    }
    figures
        .costliestActive()
        .ifPresent(
            j ->
                advice.add(
                    "Review the most expensive active job, “%s” (%s so far): cancel or pause it if it can wait."
                        .formatted(j.name(), formats.money(j.currentCost()))));
    Forecast f = getForecast();
    if (f != null) {
      advice.add(
          "Raise the limit to at least %s to cover the forecast (Increase budget; above 20%% or $1,000 needs approval)."
              .formatted(formats.money(f.high())));
    } else {
      advice.add(
          "Raise the limit (Increase budget) or reset the period if the overspend is expected.");
    }
    if (!view.budget().blockNewJobs()) {
      advice.add("Turn on “Block new jobs when exceeded” so no new job starts past the limit.");
    }
    return advice;
  }

  // ---- the jobs table ----

  public String costZone(BigDecimal cost) {
    if (cost.compareTo(HIGH_COST) > 0) {
      return "high";
    }
    return cost.compareTo(MEDIUM_COST) >= 0 ? "medium" : "low";
  }

  public String percentOfBudget(BigDecimal cost) {
    return Money.percent(cost, view.status().available()).toPlainString() + "%";
  }

  public List<String> getStatuses() {
    return List.of("running", "paused", "completed", "failed", "cancelled");
  }

  public List<String> getCreators() {
    return creators;
  }

  // ---- the charts (Chart.js JSON for p:chart, built with JSON-P so text is escaped) ----

  /** Cumulative spend, the limit, the projection to the period's end and the zones. */
  public String getSpendChart() {
    BudgetStatus s = view.status();
    BigDecimal available = s.available();
    List<String> labels = new ArrayList<>();
    days.forEach(d -> labels.add(DAY.format(d.date())));
    LocalDate lastDay = days.isEmpty() ? null : days.get(days.size() - 1).date();
    Forecast f = getForecast();
    List<LocalDate> ahead = new ArrayList<>();
    if (f != null && lastDay != null) {
      for (int i = 1; i <= f.remainingDays(); i++) {
        ahead.add(lastDay.plusDays(i));
        labels.add(DAY.format(lastDay.plusDays(i)));
      }
    }
    int n = labels.size();
    BigDecimal top = available.multiply(new BigDecimal("1.25"));
    for (DaySpend d : days) {
      top = top.max(d.cumulative().multiply(new BigDecimal("1.1")));
    }
    if (f != null) {
      top = top.max(f.high().multiply(new BigDecimal("1.1")));
    }
    JsonArrayBuilder sets = JSON.createArrayBuilder();
    sets.add(
        zone(
            "Under 80%",
            constant(n, available.multiply(new BigDecimal("0.8"))),
            "origin",
            "rgba(46,160,67,0.10)"));
    sets.add(zone("80–100%", constant(n, available), "-1", "rgba(212,160,23,0.16)"));
    sets.add(zone("Over the limit", constant(n, top), "-1", "rgba(207,34,46,0.10)"));
    JsonArrayBuilder actual = JSON.createArrayBuilder();
    days.forEach(d -> actual.add(Money.cents(d.cumulative())));
    sets.add(
        JSON.createObjectBuilder()
            .add("label", "Spent")
            .add("data", actual)
            .add("borderColor", "#0b5cad")
            .add("backgroundColor", "#0b5cad")
            .add("borderWidth", 3)
            .add("pointRadius", 3)
            .add("fill", false));
    sets.add(
        JSON.createObjectBuilder()
            .add("label", "Limit " + formats.money(available))
            .add("data", constant(n, available))
            .add("borderColor", "#cf222e")
            .add("borderDash", JSON.createArrayBuilder().add(8).add(6))
            .add("borderWidth", 2)
            .add("pointRadius", 0)
            .add("fill", false));
    if (f != null && !days.isEmpty() && !ahead.isEmpty()) {
      JsonArrayBuilder projected = JSON.createArrayBuilder();
      BigDecimal start = days.get(days.size() - 1).cumulative();
      for (int i = 0; i < days.size() - 1; i++) {
        projected.addNull();
      }
      projected.add(Money.cents(start));
      for (int i = 1; i <= ahead.size(); i++) {
        BigDecimal share =
            BigDecimal.valueOf(i).divide(BigDecimal.valueOf(ahead.size()), 6, RoundingMode.HALF_UP);
        projected.add(Money.cents(start.add(f.expected().subtract(start).multiply(share))));
      }
      sets.add(
          JSON.createObjectBuilder()
              .add("label", "Projected")
              .add("data", projected)
              .add("borderColor", "#6e7781")
              .add("borderDash", JSON.createArrayBuilder().add(2).add(4))
              .add("borderWidth", 2)
              .add("pointRadius", 0)
              .add("fill", false));
    }
    JsonArrayBuilder labelArray = JSON.createArrayBuilder();
    labels.forEach(labelArray::add);
    return ChartJs.config("line", labelArray, sets, "Cumulative spend (" + formats.zone() + ")")
        .toString();
  }

  private static JsonObjectBuilder zone(
      String label, JsonArrayBuilder data, String fill, String colour) {
    return JSON.createObjectBuilder()
        .add("label", label)
        .add("data", data)
        .add("fill", fill)
        .add("backgroundColor", colour)
        .add("borderWidth", 0)
        .add("pointRadius", 0)
        .add("pointHitRadius", 0);
  }

  private static JsonArrayBuilder constant(int n, BigDecimal value) {
    JsonArrayBuilder values = JSON.createArrayBuilder();
    for (int i = 0; i < n; i++) {
      values.add(Money.cents(value));
    }
    return values;
  }

  public List<DaySpend> getDays() {
    return days;
  }

  public String day(LocalDate date) {
    return DAY.format(date);
  }

  // ---- history ----

  public List<MonthSpend> getMonths() {
    return history.months();
  }

  public String month(MonthSpend m) {
    return m.month().getMonth().getDisplayName(TextStyle.SHORT, Locale.US)
        + " "
        + m.month().getYear();
  }

  public String getHistoryChart() {
    JsonArrayBuilder labels = JSON.createArrayBuilder();
    JsonArrayBuilder spent = JSON.createArrayBuilder();
    JsonArrayBuilder colours = JSON.createArrayBuilder();
    for (MonthSpend m : history.months()) {
      labels.add(month(m) + (m.complete() ? "" : " (so far)"));
      spent.add(Money.cents(m.spent()));
      colours.add(m.complete() ? "#0b5cad" : "#8fb5e0");
    }
    Optional<SpendTrend> trend = history.trend();
    if (trend.isPresent()) {
      labels.add("Next month (forecast)");
      spent.add(Money.cents(trend.get().nextMonth()));
      colours.add("#b8c4d0");
    }
    JsonArrayBuilder sets =
        JSON.createArrayBuilder()
            .add(
                JSON.createObjectBuilder()
                    .add("label", "Spent per month")
                    .add("data", spent)
                    .add("backgroundColor", colours));
    return ChartJs.config("bar", labels, sets, "Last 6 months").toString();
  }

  /** The trend in a sentence, and next month's forecast. */
  public String getTrendWords() {
    Optional<SpendTrend> trend = history.trend();
    if (trend.isEmpty()) {
      return "Not enough history for a trend yet: it needs two complete months.";
    }
    SpendTrend t = trend.get();
    String change =
        t.changePercent()
            .map(p -> " (" + p.setScale(0, RoundingMode.HALF_UP) + "% over the complete months)")
            .orElse("");
    String direction =
        switch (t.direction()) {
          case RISING ->
              "Spending is rising by about %s a month%s."
                  .formatted(formats.money(t.averageChange()), change);
          case FALLING ->
              "Spending is falling by about %s a month%s."
                  .formatted(formats.money(t.averageChange().negate()), change);
          case STEADY -> "Spending is steady%s.".formatted(change);
        };
    return direction
        + " Next month's forecast on this trend: "
        + formats.money(t.nextMonth())
        + ".";
  }

  // ---- the controls ----

  private static final Map<String, String> CONTROL_FIELDS =
      Map.of(
          "limit",
          "controls:limit",
          "period",
          "controls:period",
          "thresholds",
          "controls:thresholds");

  /**
   * The Save button: a changed limit is confirmed first (the page opens the confirmation when the
   * answer carries {@code confirm}); anything else is saved at once.
   */
  public void review() {
    if (!withinBounds()) {
      return;
    }
    if (isLimitChanged()) {
      PrimeFaces.current().ajax().addCallbackParam("confirm", true);
      return;
    }
    saveControls();
  }

  private boolean withinBounds() {
    if (limit == null || limit.compareTo(LOWEST_LIMIT) < 0 || limit.compareTo(HIGHEST_LIMIT) > 0) {
      Refusals.show(
          FacesContext.getCurrentInstance(),
          RequestRefusedException.invalid(
              "limit",
              "The limit must be between %s and %s."
                  .formatted(formats.money(LOWEST_LIMIT), formats.money(HIGHEST_LIMIT))),
          CONTROL_FIELDS);
      return false;
    }
    return true;
  }

  /** Checks the portal's bounds, then saves through the service (which checks roles and audits). */
  public void saveControls() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Map<String, String> fields = CONTROL_FIELDS;
    if (!withinBounds()) {
      return;
    }
    List<Integer> chosen = new ArrayList<>();
    thresholds.forEach(t -> chosen.add(Integer.valueOf(t)));
    try {
      budgetService.update(
          currentUser.actor(),
          budgetId,
          d -> {
            List<Integer> kept = new ArrayList<>(chosen);
            d.thresholds().stream().filter(t -> !OFFERED_THRESHOLDS.contains(t)).forEach(kept::add);
            return new BudgetDefinition(
                d.name(),
                periodType,
                limit,
                kept.stream().sorted().toList(),
                d.enabled(),
                d.scope(),
                blockNewJobs,
                d.rollover(),
                d.approver(),
                d.manager(),
                d.notifyEmails(),
                d.quietHours());
          });
      load();
      Refusals.info(faces, "Budget settings saved.");
    } catch (RequestRefusedException e) {
      Refusals.show(faces, e, fields);
    }
  }

  /** Whether saving changes the limit, so the page asks to confirm first. */
  public boolean isLimitChanged() {
    return view != null && limit != null && limit.compareTo(view.budget().limit()) != 0;
  }

  // ---- CSV ----

  /** The jobs shown (with the filters), most expensive first; cells safe from formulas. */
  public void exportCsv() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType("text/csv; charset=UTF-8");
    external.setResponseHeader(
        "Content-Disposition", "attachment; filename=\"budget-" + budgetId + "-jobs.csv\"");
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader(
                "Job",
                "Status",
                "Cost",
                "% of budget",
                "Created by",
                "Created",
                "Client",
                "Project")
            .get();
    Writer writer =
        new OutputStreamWriter(external.getResponseOutputStream(), StandardCharsets.UTF_8);
    try (CSVPrinter csv = new CSVPrinter(writer, format)) {
      periodJobs().each(criteria(), JobOrder.COSTLIEST, j -> printJob(csv, j));
      csv.println();
      csv.printRecord("Month", "Spent", "", "", "", "", "", "");
      for (MonthSpend m : history.months()) {
        csv.printRecord(
            m.month().toString(), Money.cents(m.spent()).toPlainString(), "", "", "", "", "", "");
      }
    }
    faces.responseComplete();
  }

  private void printJob(CSVPrinter csv, JobInPeriod j) {
    try {
      csv.printRecord(
          CsvCells.safe(j.name()),
          j.status(),
          Money.cents(j.cost()).toPlainString(),
          Money.percent(j.cost(), view.status().available()).toPlainString(),
          CsvCells.safe(j.createdBy()),
          formats.time(j.createdAt()),
          CsvCells.safe(j.client().orElse("")),
          CsvCells.safe(j.project().orElse("")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- accessors ----

  public Long getBudgetId() {
    return budgetId;
  }

  public void setBudgetId(Long budgetId) {
    this.budgetId = budgetId;
  }

  public List<Budget> getBudgets() {
    return budgets;
  }

  public BudgetView getView() {
    return view;
  }

  public String getError() {
    return error;
  }

  public JobFilter getFilter() {
    return filter;
  }

  public LazyDataModel<JobInPeriod> getJobTable() {
    return jobTable;
  }

  public boolean isNoBudgets() {
    return view == null && error == null;
  }

  public BigDecimal getLimit() {
    return limit;
  }

  public void setLimit(BigDecimal limit) {
    this.limit = limit;
  }

  public String getPeriodType() {
    return periodType;
  }

  public void setPeriodType(String periodType) {
    this.periodType = periodType;
  }

  public List<String> getThresholds() {
    return thresholds;
  }

  public void setThresholds(List<String> thresholds) {
    this.thresholds = thresholds;
  }

  public boolean isBlockNewJobs() {
    return blockNewJobs;
  }

  public void setBlockNewJobs(boolean blockNewJobs) {
    this.blockNewJobs = blockNewJobs;
  }

  /** Calendar month and rolling 30 days (seed 000), and the budget's own period if another. */
  public List<String> getPeriodOptions() {
    List<String> options = new ArrayList<>(List.of("calendar_month", "rolling_30_days"));
    if (view != null && !options.contains(view.budget().definition().period())) {
      options.add(view.budget().definition().period());
    }
    return options;
  }

  /** As text, the checkboxes' values (the chosen ones arrive as text). */
  public List<String> getOfferedThresholds() {
    return OFFERED_THRESHOLDS.stream().map(String::valueOf).toList();
  }

  public String getPeriodTypeLabel(String apiName) {
    return PeriodType.fromApiName(apiName).map(Periods::label).orElse(apiName);
  }
}
