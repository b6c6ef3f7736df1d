package com.costguard.bot.messages;

import com.costguard.alerting.AlertKind;
import com.costguard.alerting.AlertNotice;
import com.costguard.application.BudgetInsights;
import com.costguard.application.BudgetView;
import com.costguard.cost.budget.BudgetPeriod;
import com.costguard.cost.budget.BudgetScope;
import com.costguard.cost.budget.BudgetStatus;
import com.costguard.cost.budget.PeriodType;
import com.costguard.cost.job.Pricing;
import com.costguard.model.budget.Budget;
import com.costguard.model.budget.BudgetDefinition;
import com.costguard.model.increase.IncreaseRequest;
import com.costguard.model.increase.IncreaseStatus;
import com.costguard.model.job.Job;
import com.costguard.model.job.NewJob;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Budgets, jobs, alerts and requests as the message factories receive them. */
final class Samples {

  static final Currency USD = Currency.getInstance("USD");
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  static final Instant MONTH = Instant.parse("2026-11-01T00:00:00Z");

  private Samples() {}

  static AlertNotice notice(AlertKind kind, int threshold, String spent, String limit) {
    return notice("Training", kind, threshold, spent, limit);
  }

  static AlertNotice notice(
      String budget, AlertKind kind, int threshold, String spent, String limit) {
    return new AlertNotice(
        7,
        kind,
        threshold,
        3,
        budget,
        PeriodType.CALENDAR_MONTH,
        MONTH,
        NOW,
        new BigDecimal(spent),
        new BigDecimal(limit),
        USD,
        List.of());
  }

  static Budget budget(String name, String limit) {
    Budget budget =
        new Budget(
            new BudgetDefinition(
                name,
                "calendar_month",
                new BigDecimal(limit),
                List.of(80, 95, 100),
                true,
                BudgetScope.wholeOrganisation(),
                false,
                false,
                Optional.of("alice"),
                Optional.of("maria")),
            MONTH);
    setId(budget, 3L);
    return budget;
  }

  static BudgetView view(String limit, String spent) {
    return new BudgetView(
        budget("Training", limit),
        BudgetStatus.of(
            new BigDecimal(limit),
            BigDecimal.ZERO,
            new BigDecimal(spent),
            BigDecimal.ZERO,
            BudgetPeriod.startingAt(MONTH, Instant.parse("2026-12-01T00:00:00Z"))),
        Optional.empty());
  }

  static Job job(long id, String name, String client) {
    Job job =
        new Job(
            new NewJob(
                "ext-" + id,
                name,
                Optional.of("ada"),
                Optional.ofNullable(client),
                Optional.empty(),
                Optional.empty(),
                Optional.of("aws"),
                Optional.of("H100"),
                "spot",
                new BigDecimal("4.00"),
                Optional.empty(),
                new BigDecimal("50"),
                new BigDecimal("80"),
                1000L,
                Optional.empty()),
            "ada",
            Pricing.SPOT,
            NOW);
    setId(job, id);
    return job;
  }

  static BudgetInsights.Details details(List<BudgetInsights.JobCost> jobs) {
    Map<String, BigDecimal> byClient = new LinkedHashMap<>();
    jobs.forEach(
        j -> byClient.merge(j.job().client().orElse("(none)"), j.inPeriod(), BigDecimal::add));
    return new BudgetInsights.Details(view("500", "475"), jobs, jobs, byClient);
  }

  static BudgetInsights.JobCost cost(Job job, String amount) {
    return new BudgetInsights.JobCost(job, new BigDecimal(amount), new BigDecimal(amount));
  }

  static IncreaseRequest request(long id, String current, String newLimit, String why) {
    IncreaseRequest request =
        new IncreaseRequest(
            3,
            new BigDecimal(current),
            new BigDecimal(newLimit),
            why,
            "maria",
            Optional.of("alice"),
            IncreaseStatus.PENDING,
            NOW,
            NOW.plusSeconds(86400));
    setId(request, id);
    return request;
  }

  /** The id the database would give. */
  static void setId(Object entity, long id) {
    try {
      Field field = entity.getClass().getDeclaredField("id");
      field.setAccessible(true);
      field.set(entity, id);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
