package com.costguard.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Costguard reads from its environment (SPEC §6), read once at start-up.
 *
 * <p>{@link #toString()} never shows a secret: tokens and passwords are reported as set or unset.
 */
public record Configuration(
    Optional<String> dbUrl,
    Optional<String> dbUser,
    Optional<String> dbPassword,
    Path dataDir,
    int httpPort,
    URI baseUrl,
    Optional<String> apiToken,
    Optional<String> adminPassword,
    ZoneId timezone,
    Currency currency,
    boolean demo,
    Slack slack,
    Optional<Smtp> smtp,
    Delivery delivery) {

  /** Slack app credentials; Slack is off unless both the bot token and signing secret are set. */
  public record Slack(
      Optional<String> botToken,
      Optional<String> signingSecret,
      Optional<String> appToken,
      Optional<String> alertChannel,
      URI apiUrl) {

    public boolean enabled() {
      return botToken.isPresent() && signingSecret.isPresent();
    }

    @Override
    public String toString() {
      return "Slack[enabled=%s, socketMode=%s, alertChannel=%s, apiUrl=%s]"
          .formatted(enabled(), appToken.isPresent(), alertChannel.orElse("-"), apiUrl);
    }
  }

  /** Outgoing mail; e-mail is off unless a host is set. */
  public record Smtp(
      String host,
      int port,
      Optional<String> user,
      Optional<String> password,
      String from,
      boolean startTls) {

    @Override
    public String toString() {
      return "Smtp[%s:%d, user=%s, from=%s, starttls=%s]"
          .formatted(host, port, user.orElse("-"), from, startTls);
    }
  }

  /**
   * How alert deliveries (Slack, e-mail) are retried and how long one attempt may take: the first
   * retry after {@code firstRetry}, doubling up to {@code maxRetry}, until {@code maxAttempts}
   * attempts have failed and the delivery is shown as failed; {@code timeout} bounds each connect,
   * read and write of a Slack or SMTP call, so a slow or hung receiver costs one failed attempt.
   * The defaults (20 attempts, 1 s to 5 min, 10 s) let a channel be down for just under an hour.
   */
  public record Delivery(
      int maxAttempts, Duration firstRetry, Duration maxRetry, Duration timeout) {

    public static final Delivery DEFAULT =
        new Delivery(20, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(10));

    public Delivery {
      if (firstRetry.compareTo(maxRetry) > 0) {
        throw new IllegalArgumentException(
            "COSTGUARD_DELIVERY_FIRST_RETRY_SECONDS must not exceed"
                + " COSTGUARD_DELIVERY_MAX_RETRY_SECONDS");
      }
    }
  }

  public static Configuration fromEnvironment() {
    return from(System.getenv());
  }

  /**
   * Reads the configuration from the given variables.
   *
   * @throws IllegalArgumentException naming the variable whose value cannot be used
   */
  public static Configuration from(Map<String, String> env) {
    Reader r = new Reader(env);
    Optional<Smtp> smtp =
        r.text("COSTGUARD_SMTP_HOST")
            .map(
                host ->
                    new Smtp(
                        host,
                        r.integer("COSTGUARD_SMTP_PORT", 25),
                        r.text("COSTGUARD_SMTP_USER"),
                        r.text("COSTGUARD_SMTP_PASSWORD"),
                        r.text("COSTGUARD_SMTP_FROM").orElse("costguard@localhost"),
                        r.bool("COSTGUARD_SMTP_STARTTLS", false)));
    return new Configuration(
        r.text("COSTGUARD_DB_URL"),
        r.text("COSTGUARD_DB_USER"),
        r.text("COSTGUARD_DB_PASSWORD"),
        r.text("COSTGUARD_DATA_DIR")
            .map(Path::of)
            .orElse(Path.of(System.getProperty("user.home"), ".costguard")),
        r.integer("COSTGUARD_HTTP_PORT", 8080),
        r.uri("COSTGUARD_BASE_URL", "http://localhost:8080"),
        r.text("COSTGUARD_API_TOKEN"),
        r.text("COSTGUARD_ADMIN_PASSWORD"),
        r.zone("COSTGUARD_TIMEZONE"),
        r.currency("COSTGUARD_CURRENCY"),
        r.bool("COSTGUARD_DEMO", false),
        new Slack(
            r.text("SLACK_BOT_TOKEN"),
            r.text("SLACK_SIGNING_SECRET"),
            r.text("SLACK_APP_TOKEN"),
            r.text("SLACK_ALERT_CHANNEL"),
            r.uri("SLACK_API_URL", "https://slack.com/api/")),
        smtp,
        new Delivery(
            r.count("COSTGUARD_DELIVERY_MAX_ATTEMPTS", Delivery.DEFAULT.maxAttempts(), 1000),
            r.seconds("COSTGUARD_DELIVERY_FIRST_RETRY_SECONDS", Delivery.DEFAULT.firstRetry()),
            r.seconds("COSTGUARD_DELIVERY_MAX_RETRY_SECONDS", Delivery.DEFAULT.maxRetry()),
            r.seconds("COSTGUARD_DELIVERY_TIMEOUT_SECONDS", Delivery.DEFAULT.timeout())));
  }

  public boolean embeddedDatabase() {
    return dbUrl.isEmpty();
  }

  @Override
  public String toString() {
    return ("Configuration[db=%s, dataDir=%s, httpPort=%d, baseUrl=%s, apiToken=%s,"
            + " adminPassword=%s, timezone=%s, currency=%s, demo=%s, %s, smtp=%s, %s]")
        .formatted(
            dbUrl.orElse("embedded"),
            dataDir,
            httpPort,
            baseUrl,
            apiToken.isPresent() ? "set" : "unset",
            adminPassword.isPresent() ? "set" : "unset",
            timezone,
            currency,
            demo,
            slack,
            smtp.map(Smtp::toString).orElse("off"),
            delivery);
  }

  private record Reader(Map<String, String> env) {

    Optional<String> text(String name) {
      return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    int integer(String name, int fallback) {
      Optional<String> value = text(name);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        int parsed = Integer.parseInt(value.get());
        if (parsed < 1 || parsed > 65535) {
          throw new NumberFormatException();
        }
        return parsed;
      } catch (NumberFormatException e) {
        throw invalid(name, value.get(), "a port number between 1 and 65535");
      }
    }

    int count(String name, int fallback, int max) {
      Optional<String> value = text(name);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        int parsed = Integer.parseInt(value.get());
        if (parsed < 1 || parsed > max) {
          throw new NumberFormatException();
        }
        return parsed;
      } catch (NumberFormatException e) {
        throw invalid(name, value.get(), "a whole number between 1 and " + max);
      }
    }

    /** A whole number of seconds, at least 1 and at most a day. */
    Duration seconds(String name, Duration fallback) {
      Optional<String> value = text(name);
      return value.isEmpty()
          ? fallback
          : Duration.ofSeconds(count(name, (int) fallback.toSeconds(), 86_400));
    }

    boolean bool(String name, boolean fallback) {
      Optional<String> value = text(name);
      if (value.isEmpty()) {
        return fallback;
      }
      return switch (value.get().toLowerCase()) {
        case "true", "yes", "1" -> true;
        case "false", "no", "0" -> false;
        default -> throw invalid(name, value.get(), "true or false");
      };
    }

    URI uri(String name, String fallback) {
      String value = text(name).orElse(fallback);
      try {
        URI uri = URI.create(value);
        if (uri.getScheme() == null || uri.getHost() == null) {
          throw new IllegalArgumentException();
        }
        return uri;
      } catch (IllegalArgumentException e) {
        throw invalid(name, value, "an absolute http(s) URL");
      }
    }

    ZoneId zone(String name) {
      String value = text(name).orElse("UTC");
      try {
        return ZoneId.of(value);
      } catch (DateTimeException e) {
        throw invalid(name, value, "a time zone id such as UTC or Europe/Berlin");
      }
    }

    Currency currency(String name) {
      String value = text(name).orElse("USD");
      try {
        return Currency.getInstance(value.toUpperCase());
      } catch (IllegalArgumentException e) {
        throw invalid(name, value, "an ISO 4217 currency code such as USD");
      }
    }

    private static IllegalArgumentException invalid(String name, String value, String expected) {
      return new IllegalArgumentException(
          "%s=%s is not valid: expected %s".formatted(name, value, expected));
    }
  }
}
