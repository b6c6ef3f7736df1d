package com.costguard.portal.web;

import com.costguard.config.Configuration;
import com.costguard.cost.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the portal writes money and time: cents in the installation's currency, its time zone. */
@Named
@ApplicationScoped
public class Formats {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject Configuration configuration;

  public String money(BigDecimal amount) {
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
    format.setCurrency(configuration.currency());
    return format.format(Money.cents(amount));
  }

  /** "$1.00 – $2.00", or one figure when both ends are the same in cents. */
  public String range(BigDecimal low, BigDecimal high) {
    String from = money(low);
    String to = money(high);
    return from.equals(to) ? from : from + " – " + to;
  }

  public String time(Instant instant) {
    return TIME.format(instant.atZone(configuration.timezone()));
  }

  public String zone() {
    return configuration.timezone().getId();
  }

  /** The installation's time zone, for beans of a passivating scope (Configuration is not). */
  ZoneId timezone() {
    return configuration.timezone();
  }
}
