package com.costguard.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetScopeTest {

  /** The spend every row is matched against. */
  private static final SpendAttribution ACME_CHURN_ML_AWS =
      SpendAttribution.ofNullable("acme", "churn", "ml", "aws");

  @ParameterizedTest(name = "scope client={0} project={1} team={2} provider={3} → {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        "-,    -,     -,    -,   true", // the whole organisation
        "acme, -,     -,    -,   true",
        "acme, churn, -,    -,   true",
        "acme, churn, ml,   aws, true",
        "-,    -,     ml,   aws, true",
        "-,    -,     -,    gcp, false",
        "acme, churn, ml,   gcp, false", // one part differs: no match
        "beta, churn, ml,   aws, false",
        "Acme, -,     -,    -,   false", // exact, case-sensitive
        "acme, ' ',   -,    -,   true", // a blank part is no part
      })
  void everyPartTheScopeSetsMustMatch(
      String client, String project, String team, String provider, boolean matches) {
    BudgetScope scope = BudgetScope.ofNullable(client, project, team, provider);

    assertThat(scope.matches(ACME_CHURN_ML_AWS)).isEqualTo(matches);
  }

  @ParameterizedTest(name = "spend client={0} team={1} against client=acme team=ml → {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "acme, ml,   true",
        "acme, -,    false", // spend without a team is not the ml team's
        "-,    ml,   false",
        "-,    -,    false",
        "acme, ' ',  false",
      })
  void spendLackingAPartTheScopeSetsDoesNotMatch(String client, String team, boolean matches) {
    BudgetScope scope = BudgetScope.ofNullable("acme", null, "ml", null);

    assertThat(scope.matches(SpendAttribution.ofNullable(client, "p", team, "aws")))
        .isEqualTo(matches);
  }

  @Test
  void theWholeOrganisationMatchesEvenUnattributedSpend() {
    assertThat(BudgetScope.wholeOrganisation().isWholeOrganisation()).isTrue();
    assertThat(BudgetScope.wholeOrganisation().matches(SpendAttribution.none())).isTrue();
    assertThat(BudgetScope.ofNullable(" ", "", null, null).isWholeOrganisation()).isTrue();
    assertThat(BudgetScope.ofNullable("acme", null, null, null).isWholeOrganisation()).isFalse();
  }
}
