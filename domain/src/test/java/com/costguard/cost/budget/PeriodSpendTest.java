package com.costguard.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeriodSpendTest {

  private static final SpendAttribution ACME =
      SpendAttribution.ofNullable("acme", "churn", "ml", "aws");
  private static final SpendAttribution BETA =
      SpendAttribution.ofNullable("beta", null, "ml", "gcp");

  /** May 2026 in Berlin: [2026-04-30T22:00Z, 2026-05-31T22:00Z). */
  private static final BudgetPeriod MAY_IN_BERLIN =
      new BudgetCalendar(ZoneId.of("Europe/Berlin"))
          .calendarPeriodContaining(
              PeriodType.CALENDAR_MONTH, Instant.parse("2026-05-15T00:00:00Z"));

  private static final List<SpendItem> ITEMS =
      List.of(
          // 23:59:59 on 30 April in Berlin: April's
          event("100.000000", "2026-04-30T21:59:59Z", ACME),
          // local midnight on 1 May: May's
          event("0.000001", "2026-04-30T22:00:00Z", ACME),
          event("12.345678", "2026-05-15T10:00:00Z", ACME),
          event("7.50", "2026-05-15T10:00:00Z", BETA),
          job("40.25", "2026-05-20T08:00:00Z", ACME),
          job("9.75", "2026-05-20T08:00:00Z", BETA),
          // the last instant of May in Berlin
          job("0.000002", "2026-05-31T21:59:59.999999999Z", ACME),
          // local midnight on 1 June: June's
          event("1000", "2026-05-31T22:00:00Z", ACME));

  @Test
  void theWholeOrganisationCountsEverythingInThePeriod() {
    PeriodSpend spend = PeriodSpend.of(ITEMS, MAY_IN_BERLIN, BudgetScope.wholeOrganisation());

    assertThat(spend.costEvents()).isEqualByComparingTo("19.845679");
    assertThat(spend.jobs()).isEqualByComparingTo("50.000002");
    assertThat(spend.total()).isEqualByComparingTo("69.845681");
  }

  @Test
  void aScopeCountsOnlyWhatItMatches() {
    PeriodSpend acme =
        PeriodSpend.of(ITEMS, MAY_IN_BERLIN, BudgetScope.ofNullable("acme", null, null, null));
    PeriodSpend mlOnGcp =
        PeriodSpend.of(ITEMS, MAY_IN_BERLIN, BudgetScope.ofNullable(null, null, "ml", "gcp"));
    PeriodSpend nobody =
        PeriodSpend.of(ITEMS, MAY_IN_BERLIN, BudgetScope.ofNullable("gamma", null, null, null));

    assertThat(acme)
        .isEqualTo(new PeriodSpend(new BigDecimal("12.345679"), new BigDecimal("40.250002")));
    assertThat(mlOnGcp.total()).isEqualByComparingTo("17.25");
    assertThat(nobody.total()).isEqualByComparingTo("0");
  }

  @Test
  void theRollingWindowCountsSpendAtNowButNotAtItsOpenStart() {
    Instant now = Instant.parse("2026-05-31T12:00:00Z");
    BudgetPeriod window =
        new BudgetCalendar(ZoneId.of("UTC"))
            .periodContaining(PeriodType.ROLLING_30_DAYS, now, Instant.EPOCH, Optional.empty());
    List<SpendItem> items =
        List.of(
            event("1", "2026-05-01T12:00:00Z", ACME),
            event("2", "2026-05-01T12:00:00.000001Z", ACME),
            event("4", "2026-05-31T12:00:00Z", ACME),
            event("8", "2026-05-31T12:00:00.000001Z", ACME));

    assertThat(PeriodSpend.of(items, window, BudgetScope.wholeOrganisation()).total())
        .isEqualByComparingTo("6");
  }

  @Test
  void noItemsSpendNothing() {
    assertThat(PeriodSpend.of(List.of(), MAY_IN_BERLIN, BudgetScope.wholeOrganisation()))
        .isEqualTo(new PeriodSpend(BigDecimal.ZERO, BigDecimal.ZERO));
    assertThat(PeriodSpend.NONE.total()).isEqualByComparingTo("0");
  }

  @Test
  void theDaysOfAMonthAddUpToTheMonth() {
    BudgetCalendar calendar = new BudgetCalendar(ZoneId.of("America/New_York"));
    Random random = new Random(11);
    BudgetPeriod march =
        calendar.calendarPeriodContaining(
            PeriodType.CALENDAR_MONTH, Instant.parse("2026-03-15T12:00:00Z"));
    List<SpendItem> items = new ArrayList<>();
    long from = march.start().getEpochSecond() - 86_400;
    for (int i = 0; i < 3_000; i++) {
      Instant at = Instant.ofEpochSecond(from + random.nextInt(33 * 86_400));
      BigDecimal amount = BigDecimal.valueOf(random.nextInt(10_000_000), 6);
      items.add(
          random.nextBoolean()
              ? event(amount.toPlainString(), at.toString(), ACME)
              : job(amount.toPlainString(), at.toString(), BETA));
    }

    BigDecimal byDay =
        DailySpend.tally(
                items,
                BudgetScope.wholeOrganisation(),
                calendar,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31))
            .stream()
            .map(DailySpend::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);

    assertThat(byDay)
        .isEqualByComparingTo(
            PeriodSpend.of(items, march, BudgetScope.wholeOrganisation()).total());
  }

  static SpendItem event(String amount, String at, SpendAttribution attribution) {
    return SpendItem.costEvent(new BigDecimal(amount), Instant.parse(at), attribution);
  }

  static SpendItem job(String amount, String at, SpendAttribution attribution) {
    return SpendItem.jobAccrual(new BigDecimal(amount), Instant.parse(at), attribution);
  }
}
