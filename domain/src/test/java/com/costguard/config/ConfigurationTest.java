package com.costguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

  @Test
  void nothingSetMeansTheDocumentedDefaults() {
    Configuration c = Configuration.from(Map.of());

    assertThat(c.embeddedDatabase()).isTrue();
    assertThat(c.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".costguard"));
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.baseUrl()).isEqualTo(URI.create("http://localhost:8080"));
    assertThat(c.timezone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(c.currency()).isEqualTo(Currency.getInstance("USD"));
    assertThat(c.demo()).isFalse();
    assertThat(c.slack().enabled()).isFalse();
    assertThat(c.slack().apiUrl()).isEqualTo(URI.create("https://slack.com/api/"));
    assertThat(c.smtp()).isEmpty();
  }

  @Test
  void everyVariableIsRead() {
    Configuration c =
        Configuration.from(
            Map.ofEntries(
                Map.entry("COSTGUARD_DB_URL", "jdbc:mariadb://db:3306/costguard"),
                Map.entry("COSTGUARD_DB_USER", "cg"),
                Map.entry("COSTGUARD_DB_PASSWORD", "pw"),
                Map.entry("COSTGUARD_DATA_DIR", "/var/lib/costguard"),
                Map.entry("COSTGUARD_HTTP_PORT", "9090"),
                Map.entry("COSTGUARD_BASE_URL", "https://costguard.example.com"),
                Map.entry("COSTGUARD_API_TOKEN", "token"),
                Map.entry("COSTGUARD_ADMIN_PASSWORD", "secret"),
                Map.entry("COSTGUARD_TIMEZONE", "Europe/Berlin"),
                Map.entry("COSTGUARD_CURRENCY", "eur"),
                Map.entry("COSTGUARD_DEMO", "yes"),
                Map.entry("SLACK_BOT_TOKEN", "xoxb-1"),
                Map.entry("SLACK_SIGNING_SECRET", "s"),
                Map.entry("SLACK_APP_TOKEN", "xapp-1"),
                Map.entry("SLACK_ALERT_CHANNEL", "C1"),
                Map.entry("SLACK_API_URL", "http://127.0.0.1:9999/api/"),
                Map.entry("COSTGUARD_SMTP_HOST", "smtp.example.com"),
                Map.entry("COSTGUARD_SMTP_PORT", "587"),
                Map.entry("COSTGUARD_SMTP_USER", "mailer"),
                Map.entry("COSTGUARD_SMTP_PASSWORD", "mailpw"),
                Map.entry("COSTGUARD_SMTP_FROM", "costguard@example.com"),
                Map.entry("COSTGUARD_SMTP_STARTTLS", "true")));

    assertThat(c.dbUrl()).contains("jdbc:mariadb://db:3306/costguard");
    assertThat(c.embeddedDatabase()).isFalse();
    assertThat(c.dbUser()).contains("cg");
    assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/costguard"));
    assertThat(c.httpPort()).isEqualTo(9090);
    assertThat(c.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(c.currency().getCurrencyCode()).isEqualTo("EUR");
    assertThat(c.demo()).isTrue();
    assertThat(c.slack().enabled()).isTrue();
    assertThat(c.slack().alertChannel()).contains("C1");
    assertThat(c.smtp()).hasValueSatisfying(s -> assertThat(s.port()).isEqualTo(587));
  }

  @Test
  void secretsNeverAppearInItsDescription() {
    String described =
        Configuration.from(
                Map.of(
                    "COSTGUARD_DB_PASSWORD", "db-secret",
                    "COSTGUARD_API_TOKEN", "token-secret",
                    "COSTGUARD_ADMIN_PASSWORD", "admin-secret",
                    "SLACK_BOT_TOKEN", "xoxb-secret",
                    "SLACK_SIGNING_SECRET", "signing-secret",
                    "COSTGUARD_SMTP_HOST", "smtp",
                    "COSTGUARD_SMTP_PASSWORD", "smtp-secret"))
            .toString();

    assertThat(described).doesNotContain("secret").contains("apiToken=set");
  }

  @Test
  void aBadValueIsRefusedNamingTheVariable() {
    assertThatThrownBy(() -> Configuration.from(Map.of("COSTGUARD_HTTP_PORT", "eighty")))
        .hasMessageContaining("COSTGUARD_HTTP_PORT");
    assertThatThrownBy(() -> Configuration.from(Map.of("COSTGUARD_TIMEZONE", "Mars/Olympus")))
        .hasMessageContaining("COSTGUARD_TIMEZONE");
    assertThatThrownBy(() -> Configuration.from(Map.of("COSTGUARD_CURRENCY", "DOGE")))
        .hasMessageContaining("COSTGUARD_CURRENCY");
    assertThatThrownBy(() -> Configuration.from(Map.of("COSTGUARD_DEMO", "maybe")))
        .hasMessageContaining("COSTGUARD_DEMO");
    assertThatThrownBy(() -> Configuration.from(Map.of("COSTGUARD_BASE_URL", "localhost")))
        .hasMessageContaining("COSTGUARD_BASE_URL");
  }

  @Test
  void alertDeliveriesRetryForAnHourByDefaultAndAreTunable() {
    assertThat(Configuration.from(Map.of()).delivery()).isEqualTo(Configuration.Delivery.DEFAULT);
    assertThat(Configuration.Delivery.DEFAULT.maxAttempts()).isEqualTo(20);
    assertThat(Configuration.Delivery.DEFAULT.timeout()).isEqualTo(Duration.ofSeconds(10));

    Configuration.Delivery tuned =
        Configuration.from(
                Map.of(
                    "COSTGUARD_DELIVERY_MAX_ATTEMPTS", "3",
                    "COSTGUARD_DELIVERY_FIRST_RETRY_SECONDS", "2",
                    "COSTGUARD_DELIVERY_MAX_RETRY_SECONDS", "4",
                    "COSTGUARD_DELIVERY_TIMEOUT_SECONDS", "5"))
            .delivery();

    assertThat(tuned)
        .isEqualTo(
            new Configuration.Delivery(
                3, Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5)));
    assertThatThrownBy(() -> Configuration.from(Map.of("COSTGUARD_DELIVERY_MAX_ATTEMPTS", "0")))
        .hasMessageContaining("COSTGUARD_DELIVERY_MAX_ATTEMPTS");
    assertThatThrownBy(
            () -> Configuration.from(Map.of("COSTGUARD_DELIVERY_FIRST_RETRY_SECONDS", "600")))
        .hasMessageContaining("COSTGUARD_DELIVERY_FIRST_RETRY_SECONDS");
  }
}
