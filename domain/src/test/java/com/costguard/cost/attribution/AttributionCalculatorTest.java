package com.costguard.cost.attribution;

import static com.costguard.cost.attribution.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.cost.job.JobCostCalculator;
import com.costguard.cost.job.JobCostView;
import com.costguard.cost.job.JobSpec;
import com.costguard.cost.job.Pricing;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributionCalculatorTest {

  private static final ClientInfo ACME =
      new ClientInfo(1, "Acme Financial", "ACME", Optional.of("Finance"), PriorityTier.A);
  private static final ClientInfo BETA =
      new ClientInfo(2, "Beta Health", "BETA", Optional.empty(), PriorityTier.C);
  private static final ProjectInfo Q1 =
      new ProjectInfo(
          10,
          "Q1 AI Enhancement",
          "ACME-Q1",
          1,
          Optional.empty(),
          Optional.empty(),
          Optional.of(new BigDecimal("25000")),
          new BigDecimal("2000"));
  private static final ProjectInfo SCAN =
      new ProjectInfo(
          11,
          "Scan triage",
          "BETA-SCAN",
          2,
          Optional.empty(),
          Optional.empty(),
          Optional.of(new BigDecimal("100")),
          BigDecimal.ZERO);
  private static final Directory DIRECTORY = new Directory(List.of(ACME, BETA), List.of(Q1, SCAN));

  @Test
  void jobsGoToTheClientTheyNameByCodeOrNameOrThroughTheirProject() {
    Attribution a =
        AttributionCalculator.attribute(
            List.of(
                job(1, "ACME", "ACME-Q1", "100.00"),
                job(2, "Acme Financial", null, "50.10"),
                job(3, null, "Scan triage", "60.00"),
                job(4, "Gamma", null, "7.00"),
                job(5, null, null, "3.33")),
            DIRECTORY);

    assertThat(a.total()).isEqualByComparingTo("220.43");
    assertThat(a.jobs()).isEqualTo(5);
    assertThat(a.byClient())
        .extracting(ClientCost::name, c -> c.total().toPlainString(), c -> c.jobs().size())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Acme Financial", "150.10", 2),
            org.assertj.core.groups.Tuple.tuple("Beta Health", "60.00", 1),
            org.assertj.core.groups.Tuple.tuple("Gamma", "7.00", 1),
            org.assertj.core.groups.Tuple.tuple(Attribution.NONE, "3.33", 1));
    assertThat(a.byClient().get(0).averagePerJob()).contains(new BigDecimal("75.05"));
    assertThat(a.byClient().get(2).client()).isEmpty();
  }

  @Test
  void registeredClientsAndProjectsWithoutJobsAreListedAtZero() {
    Attribution a = AttributionCalculator.attribute(List.of(), DIRECTORY);
    assertThat(a.byClient()).extracting(ClientCost::name).contains("Acme Financial", "Beta Health");
    assertThat(a.byClient()).allSatisfy(c -> assertThat(c.averagePerJob()).isEmpty());
    assertThat(a.byProject()).hasSize(2);
  }

  @Test
  void profitIsRevenueLessTrainingAndOtherCostsAndProjectsAreSortedByMargin() {
    Attribution a =
        AttributionCalculator.attribute(
            List.of(job(1, "ACME", "ACME-Q1", "287.32"), job(2, "BETA", "BETA-SCAN", "70.00")),
            DIRECTORY);
    ProjectProfit q1 = a.byProject().get(0);
    assertThat(q1.name()).isEqualTo("Q1 AI Enhancement");
    assertThat(q1.clientName()).isEqualTo("Acme Financial");
    assertThat(q1.profit()).contains(new BigDecimal("22712.68"));
    assertThat(q1.marginPercent()).contains(new BigDecimal("90.85"));
    assertThat(q1.band()).contains(MarginBand.GREEN);
    ProjectProfit scan = a.byProject().get(1);
    assertThat(scan.profit()).contains(new BigDecimal("30.00"));
    assertThat(scan.marginPercent()).contains(new BigDecimal("30.00"));
    assertThat(scan.band()).contains(MarginBand.RED);
  }

  @ParameterizedTest
  @CsvSource({"70.01,GREEN", "70,YELLOW", "40,YELLOW", "39.99,RED", "-5,RED", "100,GREEN"})
  void marginBands(String margin, MarginBand band) {
    assertThat(MarginBand.of(new BigDecimal(margin))).isEqualTo(band);
  }

  @ParameterizedTest
  @CsvSource({"0,SMALL", "49.99,SMALL", "50,MEDIUM", "150,MEDIUM", "150.01,LARGE", "900,LARGE"})
  void pricingBands(String averageTrainingCost, PricingBand band) {
    assertThat(PricingBand.forTrainingCost(new BigDecimal(averageTrainingCost))).isEqualTo(band);
  }

  @Test
  void pricingInsightsComeFromRegisteredProjectsWithJobs() {
    Attribution a =
        AttributionCalculator.attribute(
            List.of(
                job(1, "ACME", "ACME-Q1", "200.00"),
                job(2, "ACME", "ACME-Q1", "87.32"),
                job(3, "BETA", "BETA-SCAN", "10.00"),
                job(4, "X", "unregistered", "1000.00")),
            DIRECTORY);
    PricingInsights insights = a.insights();
    assertThat(insights.projects()).isEqualTo(2);
    assertThat(insights.averageTrainingCost()).contains(new BigDecimal("148.66"));
    // (25000 + 100) / (287.32 + 10.00) = 84.42...
    assertThat(insights.revenueMultiplier()).contains(new BigDecimal("84.42"));
    assertThat(insights.recommendation()).contains(PricingBand.MEDIUM);
    assertThat(insights.margins())
        .containsExactly(new BigDecimal("90.85"), new BigDecimal("90.00"));
    assertThat(insights.averageMargin()).contains(new BigDecimal("90.43"));
  }

  @Test
  void allocationByTierAlertsAtNinetyPercent() {
    Attribution month =
        AttributionCalculator.attribute(
            List.of(job(1, "ACME", null, "180.00"), job(2, "BETA", null, "89.99")), DIRECTORY);
    List<TierAllocation> allocations =
        AttributionCalculator.allocate(
            month.byClient(),
            Map.of(PriorityTier.A, new BigDecimal("200"), PriorityTier.C, new BigDecimal("100")));
    assertThat(allocations).hasSize(2);
    TierAllocation acme = allocations.get(0);
    assertThat(acme.allocated()).isEqualByComparingTo("200");
    assertThat(acme.remaining()).isEqualByComparingTo("20.00");
    assertThat(acme.utilisationPercent()).contains(new BigDecimal("90.00"));
    assertThat(acme.alert()).isTrue();
    TierAllocation beta = allocations.get(1);
    assertThat(beta.utilisationPercent()).contains(new BigDecimal("89.99"));
    assertThat(beta.alert()).isFalse();
  }

  @Test
  void aCostedJobTakesItsFiguresFromTheJobCostEngine() {
    JobSpec spec =
        JobSpec.of(
            Pricing.SPOT,
            new BigDecimal("2.49"),
            new BigDecimal("7.99"),
            new BigDecimal("45"),
            new BigDecimal("55"),
            1000);
    JobCostView view =
        JobCostCalculator.cost(
            spec,
            com.costguard.cost.job.EventScript.parse(
                "08:00 started; 08:01 stage training; 10:00 interrupted; 10:12 recovered 12;"
                    + " 12:00 completed"),
            Instant.parse("2026-03-02T13:00:00Z"));
    CostedJob job =
        CostedJob.of(
            new CostedJob.Identity(
                7,
                "bert",
                "ana",
                "completed",
                Optional.empty(),
                Pricing.SPOT,
                Optional.empty(),
                Optional.empty(),
                LocalDate.of(2026, 3, 2)),
            view.currentCost(),
            view);
    assertThat(job.currentCost()).isEqualByComparingTo(view.currentCost());
    assertThat(job.onDemandEquivalent()).isEqualByComparingTo(view.onDemandEquivalent());
    assertThat(job.savings()).isEqualByComparingTo(view.savings());
    assertThat(job.interruptions()).isEqualTo(1);
    assertThat(job.recoveryOverhead()).isEqualByComparingTo("0.50");
  }
}
