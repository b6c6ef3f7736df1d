package com.costguard.cost.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Job events written the way a person reads a timeline, so that tests can be tables:
 *
 * <pre>
 * 08:00 started; 08:15 progress 0 preprocessing; 08:20 stage training; 10:20 interrupted;
 * 10:32 recovered 8; 11:00 storage 4.2; 12:00 paused; 12:30 resumed; 13:00 completed
 * </pre>
 *
 * <p>Times are on {@link #DAY} (UTC); {@code +1 02:00} is the next day, {@code -2 22:00} two days
 * before. Each event gets the key {@code e1}, {@code e2}, … in script order unless it ends with
 * {@code #key} (to write duplicates).
 */
public final class EventScript {

  public static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  private EventScript() {}

  public static Instant at(String time) {
    String trimmed = time.trim();
    int days = 0;
    if (trimmed.startsWith("+") || trimmed.startsWith("-")) {
      String[] parts = trimmed.split("\\s+", 2);
      days = Integer.parseInt(parts[0]);
      trimmed = parts[1];
    }
    return DAY.plusDays(days).atTime(LocalTime.parse(trimmed)).toInstant(ZoneOffset.UTC);
  }

  public static List<JobEvent> parse(String script) {
    List<JobEvent> events = new ArrayList<>();
    if (script == null || script.isBlank()) {
      return events;
    }
    String[] entries = script.split(";");
    for (int i = 0; i < entries.length; i++) {
      events.add(event(entries[i].trim(), "e" + (i + 1)));
    }
    return events;
  }

  private static JobEvent event(String entry, String defaultKey) {
    String key = defaultKey;
    int hash = entry.indexOf('#');
    if (hash >= 0) {
      key = entry.substring(hash + 1).trim();
      entry = entry.substring(0, hash).trim();
    }
    List<String> words = new ArrayList<>(List.of(entry.split("\\s+")));
    String time = words.remove(0);
    if (time.startsWith("+") || time.startsWith("-")) {
      time = time + " " + words.remove(0);
    }
    Instant at = at(time);
    String type = words.remove(0).toUpperCase(Locale.ROOT);
    Optional<String> first = words.stream().findFirst();
    return switch (type) {
      case "PROGRESS" ->
          new JobEvent(
              JobEventType.PROGRESS,
              at,
              Optional.of(Long.parseLong(words.get(0))),
              words.stream().skip(1).findFirst().map(EventScript::stage),
              Optional.empty(),
              Optional.empty(),
              key);
      case "STAGE" -> JobEvent.stage(at, stage(words.get(0)), key);
      case "RECOVERED" ->
          new JobEvent(
              JobEventType.RECOVERED,
              at,
              Optional.empty(),
              Optional.empty(),
              first.map(BigDecimal::new),
              Optional.empty(),
              key);
      case "STORAGE" -> JobEvent.storage(at, new BigDecimal(words.get(0)), key);
      default -> JobEvent.of(JobEventType.valueOf(type), at, key);
    };
  }

  private static Stage stage(String name) {
    return Stage.valueOf(name.toUpperCase(Locale.ROOT));
  }
}
