package com.costguard.cost.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the jobs name (a client's code, its name, a project only, an unknown string, nothing),
 * the clients' totals and the projects' training costs add up to the organisation total to the
 * cent, and every job is in exactly one group of each.
 */
class AttributionPropertyTest {

  private static final Directory DIRECTORY =
      new Directory(
          List.of(
              new ClientInfo(1, "Acme", "AC", Optional.empty(), PriorityTier.A),
              new ClientInfo(2, "Beta", "BE", Optional.empty(), PriorityTier.B),
              new ClientInfo(3, "AC2", "GA", Optional.empty(), PriorityTier.C)),
          List.of(
              new ProjectInfo(
                  10,
                  "Alpha",
                  "P-A",
                  1,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  BigDecimal.ZERO),
              new ProjectInfo(
                  11,
                  "Bravo",
                  "P-B",
                  2,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(new BigDecimal("1000")),
                  new BigDecimal("10"))));

  @Property(tries = 300)
  void totalsAcrossClientsAndProjectsEqualTheOrganisationTotal(
      @ForAll("jobs") List<CostedJob> jobs) {
    Attribution a = AttributionCalculator.attribute(jobs, DIRECTORY);
    BigDecimal organisation =
        jobs.stream().map(CostedJob::costInRange).reduce(BigDecimal.ZERO, BigDecimal::add);

    assertThat(a.total()).isEqualTo(organisation);
    assertThat(
            a.byClient().stream().map(ClientCost::total).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualTo(organisation);
    assertThat(
            a.byProject().stream()
                .map(ProjectProfit::trainingCost)
                .reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualTo(organisation);
    assertThat(a.byClient().stream().mapToInt(c -> c.jobs().size()).sum()).isEqualTo(jobs.size());
    assertThat(a.byProject().stream().mapToInt(p -> p.jobs().size()).sum()).isEqualTo(jobs.size());
  }

  @Provide
  Arbitrary<List<CostedJob>> jobs() {
    Arbitrary<String> clients =
        Arbitraries.of("AC", "Acme", "BE", "Beta", "GA", "AC2", "Unknown", "");
    Arbitrary<String> projects = Arbitraries.of("P-A", "Alpha", "P-B", "Bravo", "Other", "");
    Arbitrary<Long> cents = Arbitraries.longs().between(0, 10_000_000);
    Arbitrary<CostedJob> job =
        Combinators.combine(clients, projects, cents)
            .as(
                (client, project, c) ->
                    Jobs.job(
                        0,
                        client.isEmpty() ? null : client,
                        project.isEmpty() ? null : project,
                        BigDecimal.valueOf(c, 2).toPlainString()));
    return job.list()
        .ofMaxSize(40)
        .map(
            list -> {
              List<CostedJob> numbered = new ArrayList<>();
              for (int i = 0; i < list.size(); i++) {
                CostedJob j = list.get(i);
                numbered.add(
                    Jobs.job(
                        i + 1,
                        j.client().orElse(null),
                        j.project().orElse(null),
                        j.costInRange().toPlainString()));
              }
              return numbered;
            });
  }
}
