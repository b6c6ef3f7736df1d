package com.costguard.application;

import com.costguard.model.costevent.Attribution;
import com.costguard.model.costevent.NewCostEvent;
import com.costguard.model.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Six months of plausible AI spend for a fresh installation: a few clients and projects, LLM,
 * embedding and enrichment calls. Deterministic for a given day, and loaded through the same
 * service as the API, so its events obey every rule real ones do.
 */
@ApplicationScoped
public class DemoData {

  static final String KEY_PREFIX = "demo-";
  private static final int DAYS = 183;

  private record Client(String name, String[] projects) {}

  private static final Client[] CLIENTS = {
    new Client("Acme Corp", new String[] {"Support assistant", "Invoice extraction"}),
    new Client("Globex", new String[] {"Market research agent"}),
    new Client("Initech", new String[] {"Code review bot", "Churn model"}),
    new Client("Umbrella Health", new String[] {"Clinical notes summariser"}),
  };
  private static final String[] PROVIDERS = {"openai", "anthropic", "aws-bedrock"};
  private static final String[] OPERATIONS = {"llm.completion", "embedding", "enrichment.call"};
  private static final String[] MODES = {"chat", "task", "auto"};
  private static final String[] TEAMS = {"ml-platform", "applied-ai"};

  @Inject CostEventService costEvents;
  @Inject UserService users;
  @Inject Clock clock;

  /** Loads the demo events unless an earlier start loaded them; returns how many it stored. */
  public int loadIfMissing() {
    if (costEvents.count() > 0) {
      return 0;
    }
    User admin = users.byUsername(UserService.ADMIN).orElseThrow();
    int stored = 0;
    List<NewCostEvent> batch = new ArrayList<>();
    for (NewCostEvent event : events(clock.instant())) {
      batch.add(event);
      if (batch.size() == 1_000) {
        stored += costEvents.ingest(admin, batch).accepted();
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      stored += costEvents.ingest(admin, batch).accepted();
    }
    return stored;
  }

  static List<NewCostEvent> events(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Random random = new Random(42);
    List<NewCostEvent> events = new ArrayList<>();
    for (int day = DAYS; day >= 0; day--) {
      Instant start = today.minusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant();
      int count = 8 + random.nextInt(10);
      for (int n = 0; n < count; n++) {
        Client client = CLIENTS[random.nextInt(CLIENTS.length)];
        String operation = OPERATIONS[random.nextInt(OPERATIONS.length)];
        BigDecimal amount =
            BigDecimal.valueOf(50 + random.nextInt(4_000), 2)
                .multiply(operation.equals("embedding") ? new BigDecimal("0.1") : BigDecimal.ONE)
                .setScale(6, RoundingMode.HALF_UP);
        Instant at = start.plus(Duration.ofSeconds(random.nextInt(86_400)));
        if (at.isAfter(now)) {
          at = now.minusSeconds(60L * (count - n));
        }
        events.add(
            new NewCostEvent(
                KEY_PREFIX + today.minusDays(day) + "-" + n,
                at.truncatedTo(ChronoUnit.SECONDS),
                operation,
                Optional.of(amount),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                new Attribution(
                    Optional.of(client.name()),
                    Optional.of(client.projects()[random.nextInt(client.projects().length)]),
                    Optional.of(TEAMS[random.nextInt(TEAMS.length)]),
                    Optional.empty(),
                    Optional.of(PROVIDERS[random.nextInt(PROVIDERS.length)]),
                    Optional.of(MODES[random.nextInt(MODES.length)]),
                    Optional.empty(),
                    Optional.empty()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
      }
    }
    return events;
  }
}
