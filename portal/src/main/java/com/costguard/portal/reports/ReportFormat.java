package com.costguard.portal.reports;

import com.costguard.cost.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/** How reports write figures: "$1,234.56", "90.85%", "6:15", "1 Mar 2026 – 31 Mar 2026". */
public final class ReportFormat {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);

  private final String symbol;
  private final ZoneId zone;

  public ReportFormat(String currency, ZoneId zone) {
    this.symbol = Currency.getInstance(currency).getSymbol(Locale.US);
    this.zone = zone;
  }

  public String money(BigDecimal amount) {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    BigDecimal cents = Money.cents(amount);
    return (cents.signum() < 0 ? "-" : "") + symbol + format.format(cents.abs());
  }

  public String money(Optional<BigDecimal> amount) {
    return amount.map(this::money).orElse("—");
  }

  public static String percent(Optional<BigDecimal> value) {
    return value.map(v -> v.toPlainString() + "%").orElse("—");
  }

  /** Billed time as hours and minutes, "6:15": a spreadsheet reads it as a duration. */
  public static String duration(Duration time) {
    return "%d:%02d".formatted(time.toHours(), time.toMinutesPart());
  }

  /** The range as people read it: the last day shown is the one before an exclusive midnight. */
  public String range(Instant from, Instant to) {
    ZonedDateTime end = to.atZone(zone);
    LocalDate last =
        end.toLocalTime().equals(LocalTime.MIDNIGHT)
            ? end.toLocalDate().minusDays(1)
            : end.toLocalDate();
    return DAY.format(from.atZone(zone).toLocalDate()) + " – " + DAY.format(last);
  }

  public String day(LocalDate date) {
    return DAY.format(date);
  }

  public String instant(Instant at) {
    return DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.US).format(at.atZone(zone));
  }
}
