package com.costguard.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.costguard.cost.budget.PeriodType;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertEmailTest {

  private static final URI BASE = URI.create("https://costguard.example/");

  private static AlertNotice notice(AlertKind kind, int threshold, String name, String spent) {
    return new AlertNotice(
        7,
        kind,
        threshold,
        42,
        name,
        PeriodType.CALENDAR_MONTH,
        Instant.parse("2026-11-01T00:00:00Z"),
        Instant.parse("2026-11-23T10:00:00Z"),
        new BigDecimal(spent),
        new BigDecimal("500"),
        Currency.getInstance("USD"),
        List.of("finance@example.com"));
  }

  @Test
  void theReasonSaysWhatWasCrossedWithTheFigures() {
    assertThat(notice(AlertKind.THRESHOLD, 80, "Acme", "400").reason())
        .isEqualTo("You've used 80% of the monthly budget ($400.00 of $500.00)");
    assertThat(notice(AlertKind.THRESHOLD, 100, "Acme", "1234.565").reason())
        .isEqualTo("You've used 100% of the monthly budget ($1,234.57 of $500.00)");
    assertThat(notice(AlertKind.BLOCKED, 0, "Acme", "500").reason())
        .startsWith("A new job was refused: the monthly budget blocks new jobs");
    assertThat(notice(AlertKind.FORECAST, 0, "Acme", "400").reason())
        .isEqualTo(
            "The end-of-period forecast of the monthly budget passes its limit ($400.00 spent of"
                + " $500.00 so far)");
  }

  @Test
  void htmlAndTextCarryTheFiguresTheBarAndTheLinks() {
    AlertEmail email = AlertEmail.of(notice(AlertKind.THRESHOLD, 80, "Acme GPUs", "400"), BASE);

    assertThat(email.subject()).isEqualTo("[Costguard] 80% of budget \"Acme GPUs\" used");
    String reason = "You've used 80% of the monthly budget ($400.00 of $500.00)";
    assertThat(email.text()).contains(reason);
    assertThat(email.html()).contains(AlertEmail.escape(reason));
    for (String body : List.of(email.html(), email.text())) {
      assertThat(body)
          .contains("Acme GPUs")
          .contains("80.00%")
          .contains("$100.00")
          .contains("https://costguard.example/dashboard/training-budget?budget=42")
          .contains("action=increase")
          .contains("action=cancel-jobs");
    }
    assertThat(email.html()).contains("width:80%").contains("#fbc02d");
    assertThat(email.text()).contains("[################----]");
  }

  @Test
  void overTheLimitTheBarIsFullAndRed() {
    AlertEmail email = AlertEmail.of(notice(AlertKind.THRESHOLD, 100, "Acme", "750"), BASE);

    assertThat(email.html()).contains("width:100%").contains("#d32f2f").contains("150.00%");
    assertThat(email.text()).contains("Remaining: $0.00");
  }

  @Test
  void whatUsersWroteIsEscapedInHtmlAndKeptOnOneLineInTheSubject() {
    AlertEmail email =
        AlertEmail.of(
            notice(
                AlertKind.THRESHOLD, 95, "<script>alert('x')</script> & \"co\"\r\nBcc: x", "480"),
            BASE);

    assertThat(email.html())
        .doesNotContain("<script>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;");
    assertThat(email.subject()).doesNotContain("\r").doesNotContain("\n");
  }

  @Test
  void activeJobsAreListedWithCreatorAndCostEscapedInHtmlAndOnOneLineInText() {
    AlertNotice withJobs =
        notice(AlertKind.THRESHOLD, 80, "Acme", "400")
            .withActiveJobs(
                List.of(
                    new AlertNotice.ActiveJob(
                        3, "<script>x</script> tune", "mallory\nBcc: x", new BigDecimal("12.345")),
                    new AlertNotice.ActiveJob(4, "Eval run", "bob", new BigDecimal("1"))));
    AlertEmail email = AlertEmail.of(withJobs, BASE);

    assertThat(email.html())
        .contains("Active jobs (2)")
        .contains("&lt;script&gt;x&lt;/script&gt; tune")
        .doesNotContain("<script>")
        .contains("Eval run")
        .contains("bob")
        .contains("$12.35")
        .contains("$1.00");
    assertThat(email.text())
        .contains("Active jobs (2):")
        .contains("- <script>x</script> tune (by mallory Bcc: x): $12.35")
        .contains("- Eval run (by bob): $1.00");
  }

  @Test
  void noActiveJobsSaysSo() {
    AlertEmail email = AlertEmail.of(notice(AlertKind.THRESHOLD, 80, "Acme", "400"), BASE);
    assertThat(email.html()).contains("No active jobs.");
    assertThat(email.text()).contains("No active jobs.");
  }

  @Test
  void moreThanTenActiveJobsListTenAndCountTheRest() {
    List<AlertNotice.ActiveJob> jobs = new java.util.ArrayList<>();
    for (int i = 1; i <= 13; i++) {
      jobs.add(new AlertNotice.ActiveJob(i, "job-" + i, "alice", BigDecimal.valueOf(100 - i)));
    }
    AlertEmail email =
        AlertEmail.of(notice(AlertKind.THRESHOLD, 80, "Acme", "400").withActiveJobs(jobs), BASE);
    assertThat(email.text()).contains("job-10 ").doesNotContain("job-11 ").contains("and 3 more");
    assertThat(email.html()).contains(">job-10<").doesNotContain(">job-11<").contains("and 3 more");
  }

  @Test
  void anEstimateAlertIsAboutTheJobWithLinksToViewAndCancelIt() {
    AlertNotice estimate =
        new AlertNotice(
            9,
            AlertKind.ESTIMATE,
            100,
            0,
            "Fine-tune <b>",
            PeriodType.TOTAL,
            Instant.parse("2026-11-23T08:00:00Z"),
            Instant.parse("2026-11-23T10:00:00Z"),
            new BigDecimal("20.50"),
            new BigDecimal("20"),
            Currency.getInstance("USD"),
            List.of("alice@example.com"),
            java.util.Optional.of(new AlertNotice.JobSubject(5, "Fine-tune <b>", "alice")),
            List.of());
    AlertEmail email = AlertEmail.of(estimate, BASE);

    assertThat(email.subject())
        .isEqualTo("[Costguard] Job \"Fine-tune <b>\" reached 100% of its estimate");
    assertThat(email.html())
        .contains("Fine-tune &lt;b&gt;")
        .doesNotContain("<b>")
        .contains("$20.50")
        .contains("https://costguard.example/dashboard/job?id=5&amp;action=cancel");
    assertThat(email.text())
        .contains("Job \"Fine-tune <b>\" reached 100% of its estimate ($20.50, against $20.00)")
        .contains("Created by:    alice")
        .contains("https://costguard.example/dashboard/job?id=5&action=cancel");
  }
}
