package com.costguard.portal.web;

import com.costguard.application.JobCostReading;
import com.costguard.application.JobService;
import com.costguard.application.JobSnapshots;
import com.costguard.application.RequestRefusedException;
import com.costguard.cost.Money;
import com.costguard.cost.job.EstimateThreshold;
import com.costguard.cost.job.EstimateZone;
import com.costguard.cost.job.InterruptionLine;
import com.costguard.cost.job.JobCostView;
import com.costguard.cost.job.Pricing;
import com.costguard.cost.job.Projection;
import com.costguard.cost.job.Recommendation;
import com.costguard.cost.job.Scenario;
import com.costguard.cost.job.ScenarioKind;
import com.costguard.cost.job.SuggestedAction;
import com.costguard.model.job.Job;
import com.costguard.model.job.JobCostSnapshot;
import com.costguard.model.job.JobStatus;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The job page (SPEC §4, seed FR7.1.1/FR7.1.2): the cost tracker card, its breakdown, the savings
 * against on-demand, the mini chart of the 5-minute snapshots, the projection panel and the cancel
 * dialog. Every figure is the cost engine's view of the job ({@link JobService#cost}); this bean
 * only words and places it. The page polls {@link #refresh()} every 60 s.
 */
@Named
@ViewScoped
public class ViewJob implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE, MMM d 'at' h:mm a", Locale.US);

  @Inject JobService jobs;
  @Inject JobSnapshots snapshots;
  @Inject CurrentUser signedIn;
  @Inject Formats formats;
  // Transient: neither is passivation capable, and a view-scoped bean must be. Payara keeps views
  // in memory, so they stay injected.
  @Inject transient Clock clock;
  @Inject transient com.costguard.config.Configuration configuration;

  private Long id;
  private transient JobCostReading reading;
  private List<BigDecimal> history = List.of();
  private Instant updatedAt;
  private String error;
  private boolean dismissed80;
  private boolean mayCancel;

  /**
   * Loads the job named by the {@code id} request parameter (set by {@link DetailPageForward} for
   * {@code /dashboard/jobs/{id}}); a missing, malformed or unknown one shows a message.
   */
  @PostConstruct
  void load() {
    String given =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
    try {
      id = Long.valueOf(given);
    } catch (NumberFormatException e) {
      error = "No such job. Pick one from the jobs list.";
      return;
    }
    refresh();
  }

  /** Reads the job's cost again: called by the page's poll every 60 seconds. */
  public void refresh() {
    try {
      reading = jobs.cost(id);
      history = snapshots.of(id).stream().map(JobCostSnapshot::currentCost).toList();
      mayCancel = JobService.mayCancel(signedIn.required(), reading.job());
      error = null;
    } catch (RequestRefusedException e) {
      error = e.getMessage().substring(0, 1).toUpperCase(Locale.ROOT) + e.getMessage().substring(1);
    } catch (RuntimeException e) {
      error = "Unable to calculate current cost. Refresh or contact support.";
    }
    updatedAt = clock.instant();
  }

  /**
   * Cancels the job through {@link JobService#cancel}, which checks the role again whatever this
   * page showed: the success message carries the cost the cancel locked.
   */
  public void cancel() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      JobCostReading cancelled = jobs.cancel(signedIn.actor(), id);
      reading = cancelled;
      updatedAt = clock.instant();
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              "Job cancelled. Final cost: " + formats.money(cancelled.view().currentCost()),
              null));
    } catch (RequestRefusedException e) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR, "The job was not cancelled: " + e.getMessage(), null));
    }
  }

  /** The 80% banner is the only one a user may dismiss; it stays dismissed across refreshes. */
  public void dismiss80() {
    dismissed80 = true;
  }

  // --- what the page shows -------------------------------------------------------------------

  public Long getId() {
    return id;
  }

  public String getError() {
    return error;
  }

  public boolean isLoaded() {
    return error == null && reading() != null;
  }

  private JobCostReading reading() {
    if (reading == null && error == null && id != null) {
      refresh(); // the bean was passivated; the reading is not serialised
    }
    return reading;
  }

  public Job getJob() {
    return reading().job();
  }

  public JobCostView getView() {
    return reading().view();
  }

  public String getStatus() {
    return reading().status().wireName();
  }

  public boolean isActive() {
    return !reading().status().isFinished();
  }

  public boolean isStarted() {
    return reading().status() != JobStatus.QUEUED;
  }

  /** Whether this user sees the cancel button: an active job they may cancel. */
  public boolean isCancellable() {
    return mayCancel && isActive();
  }

  public String getUpdatedAt() {
    return updatedAt == null ? "" : formats.time(updatedAt);
  }

  public String money(BigDecimal amount) {
    return formats.money(amount);
  }

  public String getCurrentCost() {
    return money(getView().currentCost());
  }

  /** "49%" of the estimate's low end, as the engine computes it; empty with a zero estimate. */
  public String getPercentText() {
    return getView()
        .percentOfEstimate()
        .map(p -> p.setScale(0, RoundingMode.HALF_UP).toPlainString() + "%")
        .orElse("—");
  }

  /** The ring's stroke: how much of its circumference (100) is filled, capped at a full ring. */
  public String getRingFill() {
    BigDecimal percent = getView().percentOfEstimate().orElse(BigDecimal.ZERO);
    return percent.min(BigDecimal.valueOf(100)).max(BigDecimal.ZERO).toPlainString();
  }

  public String getZone() {
    return getView().zone().name().toLowerCase(Locale.ROOT);
  }

  /** The zone in words, so colour is never the only sign. */
  public String getZoneText() {
    return switch (getView().zone()) {
      case GREEN -> "On track";
      case YELLOW -> "Approaching estimate";
      case RED -> "Over budget";
    };
  }

  /** A PrimeIcons class: a check, a warning triangle, a stop sign; beside the words. */
  public String getZoneIcon() {
    return switch (getView().zone()) {
      case GREEN -> "pi pi-check-circle";
      case YELLOW -> "pi pi-exclamation-triangle";
      case RED -> "pi pi-ban";
    };
  }

  public String getEstimateRange() {
    return money(getJob().estimateMin()) + "–" + money(getJob().estimateMax());
  }

  /** "↓ $2.82 below estimate" / "↑ $4.18 over estimate", against the estimate's midpoint. */
  public String getVarianceText() {
    return getView()
        .variance()
        .map(
            v ->
                v.signum() > 0
                    ? "↑ " + money(v) + " over estimate"
                    : "↓ " + money(v.negate()) + " below estimate")
        .orElse("");
  }

  public boolean isVarianceOver() {
    return getView().variance().map(v -> v.signum() > 0).orElse(false);
  }

  public boolean isSpot() {
    return getJob().pricing() == Pricing.SPOT;
  }

  public String getPricingBadge() {
    return isSpot() ? "spot" : "on-demand";
  }

  public String getRate() {
    return money(getView().hourlyRate()) + "/hr";
  }

  /** "vs $7.99/hr on-demand (saving $5.50/hr)": only for a spot job. */
  public String getOnDemandComparison() {
    BigDecimal onDemand = getJob().onDemandHourlyRate();
    BigDecimal saving = onDemand.subtract(getJob().hourlyRate());
    return "vs "
        + money(onDemand)
        + "/hr on-demand ("
        + (saving.signum() >= 0 ? "saving " + money(saving) : "costing " + money(saving.negate()))
        + "/hr)";
  }

  /** Seconds of billed time, for the client-side ticking elapsed clock. */
  public long getActiveSeconds() {
    return getView().activeTime().toSeconds();
  }

  public long getPausedSeconds() {
    return getView().pausedTime().toSeconds();
  }

  /** Whether active time grows now (the clock ticks only for a running job). */
  public boolean isTicking() {
    return reading().status() == JobStatus.RUNNING;
  }

  public String getElapsed() {
    return Durations.text(getView().activeTime().plus(getView().pausedTime()));
  }

  public String getActive() {
    return Durations.text(getView().activeTime());
  }

  public String getPaused() {
    return Durations.text(getView().pausedTime());
  }

  public boolean isPausedSome() {
    return !getView().pausedTime().isZero();
  }

  public Optional<Projection> projection() {
    return getView().projection();
  }

  public boolean isProjected() {
    return projection().isPresent();
  }

  public Projection getProjection() {
    return projection().orElse(null);
  }

  public String getProjectedFinal() {
    return projection().map(p -> money(p.projectedFinal())).orElse("");
  }

  public String getProjectedBand() {
    return projection().map(p -> money(p.low()) + "–" + money(p.high())).orElse("");
  }

  public String getRemaining() {
    return projection().map(p -> Durations.text(p.remainingTime())).orElse("");
  }

  public String getCompletion() {
    return projection().map(p -> completion(p.completionAt())).orElse("");
  }

  /** "Today at 11:45 PM", "Tomorrow at 2:15 PM", "Thursday, Dec 19 at 9:30 AM" (seed FR7.1.2). */
  String completion(Instant at) {
    ZoneId zone = configuration.timezone();
    ZonedDateTime when = at.atZone(zone);
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    if (when.toLocalDate().equals(today)) {
      return "Today at " + CLOCK.format(when);
    }
    if (when.toLocalDate().equals(today.plusDays(1))) {
      return "Tomorrow at " + CLOCK.format(when);
    }
    return DAY.format(when);
  }

  /** "$20.42 (8h 12m × $2.49/hr)": the GPU cost still to come in the expected case. */
  public String getRemainingCost() {
    return projection()
        .map(p -> money(p.projectedFinal().subtract(getView().currentCost())))
        .orElse("");
  }

  public String getStepsPerHour() {
    return projection()
        .map(p -> p.stepsPerHour().setScale(0, RoundingMode.HALF_UP).toPlainString())
        .orElse("");
  }

  // --- threshold banners ----------------------------------------------------------------------

  /** The highest estimate alert crossed, or empty: the card shows one banner at a time. */
  public Optional<EstimateThreshold> highestThreshold() {
    List<EstimateThreshold> crossed = new ArrayList<>(getView().thresholdsCrossed());
    return crossed.isEmpty() ? Optional.empty() : Optional.of(crossed.get(crossed.size() - 1));
  }

  public String getBanner() {
    return highestThreshold().map(Enum::name).orElse("");
  }

  public boolean isBannerShown() {
    return highestThreshold()
        .filter(t -> t != EstimateThreshold.PERCENT_80 || !dismissed80)
        .isPresent();
  }

  public boolean isBannerDismissable() {
    return highestThreshold().filter(t -> t == EstimateThreshold.PERCENT_80).isPresent();
  }

  public String getBannerClass() {
    return highestThreshold()
        .map(
            t ->
                switch (t) {
                  case PERCENT_80 -> "banner-80";
                  case PERCENT_100 -> "banner-100";
                  case PERCENT_120 -> "banner-120";
                })
        .orElse("");
  }

  public String getBannerText() {
    String of = "(" + getCurrentCost() + " of " + money(getJob().estimateMax()) + " estimated). ";
    return highestThreshold()
        .map(
            t ->
                switch (t) {
                  case PERCENT_80 ->
                      "Warning: job approaching cost estimate " + of + "Monitor closely.";
                  case PERCENT_100 ->
                      "Job exceeded cost estimate " + of + "Consider cancelling if necessary.";
                  case PERCENT_120 -> "Job significantly over budget " + of + "Review immediately.";
                })
        .orElse("");
  }

  /** What a screen reader hears after each refresh (the card's ARIA live region). */
  public String getAnnouncement() {
    if (!isLoaded()) {
      return error == null ? "" : error;
    }
    StringBuilder text = new StringBuilder("Current cost: ").append(getCurrentCost());
    getView()
        .percentOfEstimate()
        .ifPresent(
            p -> text.append(", which is ").append(getPercentText()).append(" of estimated cost"));
    text.append(". ").append(getZoneText()).append('.');
    if (getView().zone() == EstimateZone.RED) {
      text.append(" Warning: cost has exceeded the estimated amount.");
    }
    return text.toString();
  }

  // --- breakdown and savings ------------------------------------------------------------------

  public List<String[]> getGpuLines() {
    return getView().breakdown().gpu().stream()
        .map(
            line ->
                new String[] {
                  stageName(line.stage().name()),
                  Durations.text(line.time()) + " @ " + getRate(),
                  money(line.amount())
                })
        .toList();
  }

  public List<String[]> getInterruptionLines() {
    List<String[]> lines = new ArrayList<>();
    int n = 1;
    for (InterruptionLine line : getView().breakdown().interruptions()) {
      lines.add(
          new String[] {
            "Interruption #" + n++ + (line.ongoing() ? " (ongoing)" : ""),
            line.minutes().setScale(0, RoundingMode.HALF_UP).toPlainString()
                + " min recovery @ "
                + getRate(),
            money(line.amount())
          });
    }
    return lines;
  }

  public String getStorageLine() {
    var storage = getView().breakdown().storage();
    return storage.gb().stripTrailingZeros().toPlainString()
        + " GB stored = "
        + money(storage.amount())
        + (storage.included() ? " (included)" : "");
  }

  /** The breakdown's own total, which the engine guarantees equals the headline. */
  public String getBreakdownTotal() {
    return money(getView().breakdown().total());
  }

  private static String stageName(String stage) {
    return switch (stage) {
      case "LOADING" -> "Model loading";
      case "PREPROCESSING" -> "Preprocessing";
      case "TRAINING" -> "Active training";
      default -> "Finalization";
    };
  }

  public String getSavingsText() {
    BigDecimal savings = getView().savings();
    String percent =
        getView()
            .savingsPercent()
            .map(p -> " (" + p.setScale(0, RoundingMode.HALF_UP).toPlainString() + "% cheaper)")
            .orElse("");
    return savings.signum() >= 0
        ? "Your savings: " + money(savings) + percent
        : "On-demand would have cost " + money(savings.negate()) + " less";
  }

  // --- mini chart -----------------------------------------------------------------------------

  /**
   * The snapshots and the current cost as an SVG polyline in a 300 × 80 box, cost upwards; empty
   * with fewer than two points.
   */
  public String getChartPoints() {
    List<BigDecimal> points = new ArrayList<>(history);
    points.add(getView().currentCost());
    if (points.size() < 2) {
      return "";
    }
    BigDecimal max = points.stream().reduce(BigDecimal.ZERO, BigDecimal::max);
    StringBuilder svg = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      double x = 300.0 * i / (points.size() - 1);
      double y =
          max.signum() == 0
              ? 78
              : 78 - 74 * points.get(i).divide(max, 6, RoundingMode.HALF_UP).doubleValue();
      svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    return svg.toString().trim();
  }

  public int getSnapshotCount() {
    return history.size();
  }

  public String getChartSummary() {
    if (history.isEmpty()) {
      return "No snapshots: they are taken every 5 minutes while a job runs.";
    }
    return history.size()
        + (history.size() == 1 ? " snapshot" : " snapshots")
        + " every 5 minutes, from "
        + money(history.get(0))
        + " to "
        + getCurrentCost()
        + " now.";
  }

  // --- projection panel -----------------------------------------------------------------------

  public List<ScenarioRow> getScenarios() {
    return projection()
        .map(
            p -> {
              Scenario expected = p.scenario(ScenarioKind.EXPECTED);
              Scenario best = p.scenario(ScenarioKind.BEST);
              Scenario worst = p.scenario(ScenarioKind.WORST);
              BigDecimal low = best.finalCost();
              BigDecimal span = worst.finalCost().subtract(low);
              return p.scenarios().stream()
                  .map(s -> ScenarioRow.of(this, s, expected, low, span))
                  .toList();
            })
        .orElse(List.of());
  }

  public String getRecommendation() {
    return projection().map(p -> p.recommendation().name()).orElse("");
  }

  public String getRecommendationTitle() {
    Recommendation recommendation = projection().map(Projection::recommendation).orElse(null);
    if (recommendation == null) {
      return "";
    }
    String range = getEstimateRange();
    return switch (recommendation) {
      case SIGNIFICANTLY_OVER ->
          "⚠ Projected cost ("
              + getProjectedFinal()
              + ") significantly exceeds estimate ("
              + range
              + ")";
      case SLIGHTLY_OVER ->
          "⚠ Projected cost (" + getProjectedFinal() + ") slightly over estimate (" + range + ")";
      case ON_TRACK ->
          "✓ On track: projected cost ("
              + getProjectedFinal()
              + ") within estimate ("
              + range
              + ")";
    };
  }

  public String getAdvice() {
    return projection().map(p -> p.recommendation().advice()).orElse("");
  }

  public boolean suggests(String action) {
    return projection()
        .map(p -> p.recommendation().actions().contains(SuggestedAction.valueOf(action)))
        .orElse(false);
  }

  /** A scenario as the panel shows it, with its place on the best-to-worst range bar. */
  public record ScenarioRow(
      String kind,
      String label,
      int probability,
      String time,
      String timeVsExpected,
      String cost,
      String costVsExpected,
      String completion,
      String position)
      implements Serializable {

    static ScenarioRow of(
        ViewJob page, Scenario s, Scenario expected, BigDecimal low, BigDecimal span) {
      String position =
          span.signum() == 0
              ? "50"
              : Money.percent(s.finalCost().subtract(low), span).toPlainString();
      return new ScenarioRow(
          s.kind().name().toLowerCase(Locale.ROOT),
          switch (s.kind()) {
            case BEST -> "Best case";
            case EXPECTED -> "Expected case";
            case WORST -> "Worst case";
          },
          s.probabilityPercent(),
          Durations.text(s.remainingTime()),
          relative(s.remainingTime(), expected.remainingTime(), "faster", "slower"),
          page.money(s.finalCost()),
          relativeCost(s.finalCost(), expected.finalCost()),
          page.completion(s.completionAt()),
          position);
    }

    private static String relative(Duration time, Duration expected, String less, String more) {
      if (expected.isZero() || time.equals(expected)) {
        return "baseline";
      }
      BigDecimal change =
          Money.percent(
              BigDecimal.valueOf(time.minus(expected).toSeconds()),
              BigDecimal.valueOf(expected.toSeconds()));
      return change.abs().setScale(0, RoundingMode.HALF_UP)
          + "% "
          + (change.signum() < 0 ? less : more);
    }

    private static String relativeCost(BigDecimal cost, BigDecimal expected) {
      if (expected.signum() == 0 || cost.compareTo(expected) == 0) {
        return "baseline";
      }
      BigDecimal change = Money.percent(cost.subtract(expected), expected);
      return change.abs().setScale(0, RoundingMode.HALF_UP)
          + "% "
          + (change.signum() < 0 ? "cheaper" : "more expensive");
    }
  }
}
