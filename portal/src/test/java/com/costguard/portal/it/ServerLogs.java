package com.costguard.portal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server logs of an integration-test run — every Payara Micro the tests started ({@code
 * target/it-payara/<name>/payara.log}: the shared instance and those started by {@link
 * PayaraMicroProcess}) — checked for two things (issue 9, SPEC §7 "secrets never appear in logs"):
 *
 * <ul>
 *   <li><b>No secret.</b> None of the secrets the run used: the configured ones (failsafe's
 *       COSTGUARD_API_TOKEN, COSTGUARD_ADMIN_PASSWORD, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET), the
 *       tokens and passwords tests made ({@link #used}), and anything shaped like an API token we
 *       issue ({@code cg_} or the tests' {@code it_} followed by 32 base64url characters).
 *   <li><b>No SEVERE entry caused by our code</b> (logged by a {@code com.costguard} logger or with
 *       our frames in its stack), e.g. the API's "Unexpected error" behind every 500, except those
 *       on {@link #ALLOWED}.
 * </ul>
 *
 * The Payara that {@code ApiIT} starts through Arquillian writes to the test console, not here.
 */
final class ServerLogs {

  /** Secrets the run's tests made, registered as they are made (by {@link TestUsers}). */
  private static final Set<String> USED = ConcurrentHashMap.newKeySet();

  /** What failsafe configures (portal/pom.xml): the application's real secrets in this run. */
  private static final List<String> CONFIGURED =
      List.of("it-api-token", "it-admin-password", "xoxb-it-bot-token", "it-signing-secret");

  /** API tokens: a prefix and 24 random bytes in base64url ({@code Secrets.generate}). */
  private static final Pattern TOKEN =
      Pattern.compile("(?<![A-Za-z0-9_-])(cg|it)_[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])");

  /** A log entry's first line: {@code [2026-11-23T07:59:57.696+0000] [] [SEVERE] ...}. */
  private static final Pattern ENTRY = Pattern.compile("^\\[\\d{4}-\\d{2}-\\d{2}T[^]]*] ");

  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

  /**
   * SEVERE entries from our code that are expected, each with its reason. An entry is allowed when
   * it contains the text and stands in the log of the instance named (any instance's when null).
   */
  static final List<Allowed> ALLOWED =
      List.of(
          new Allowed(
              "Communications link failure",
              null,
              "tests that stop MariaDB on purpose (issue 9's outage tests)"),
          new Allowed(
              "SQLNonTransientConnectionException",
              null,
              "tests that stop MariaDB on purpose (issue 9's outage tests)"),
          new Allowed(
              "RAR5027",
              "outages",
              "the outage tests stop MariaDB while a schedule asks the pool for a connection: the"
                  + " pool fails to enlist it in the schedule's transaction"),
          new Allowed(
              "RAR5031",
              "outages",
              "the same with the local pool (issue 8): beginning the schedule's local transaction"
                  + " on a connection MariaDB has dropped fails with a socket error"));

  record Allowed(String text, String instance, String why) {

    boolean covers(Path file, String entry) {
      return entry.contains(text)
          && (instance == null || file.getParent().getFileName().toString().equals(instance));
    }
  }

  private ServerLogs() {}

  /** Registers a secret a test made (a token, a password), to be looked for in the logs. */
  static void used(String secret) {
    if (secret != null && secret.length() >= 8) {
      USED.add(secret);
    }
  }

  /** The server logs of this run so far. */
  static List<Path> files() {
    Path root = Path.of("target", "it-payara");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(root, 2)) {
      return paths.filter(p -> p.getFileName().toString().equals("payara.log")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every finding in the logs: a secret shown, or a SEVERE entry of our code not allowed. */
  static List<String> findings() {
    List<String> findings = new ArrayList<>();
    for (Path file : files()) {
      List<String> entries = entries(file);
      for (String entry : entries) {
        for (String secret : secrets()) {
          if (entry.contains(secret)) {
            findings.add(file + ": a secret (" + masked(secret) + ") in: " + firstLines(entry));
          }
        }
        Matcher token = TOKEN.matcher(entry);
        if (token.find()) {
          findings.add(
              file + ": an API token (" + masked(token.group()) + ") in: " + firstLines(entry));
        }
        if (severeOfOurs(entry) && ALLOWED.stream().noneMatch(a -> a.covers(file, entry))) {
          findings.add(file + ": SEVERE from our code: " + firstLines(entry));
        }
      }
    }
    return findings;
  }

  private static List<String> secrets() {
    List<String> secrets = new ArrayList<>(CONFIGURED);
    secrets.addAll(USED);
    return secrets;
  }

  private static boolean severeOfOurs(String entry) {
    String head = entry.lines().findFirst().orElse("");
    return head.contains("[SEVERE]")
        && (head.contains("[com.costguard.") || entry.contains("at com.costguard."));
  }

  /**
   * The log's entries, colours removed; lines before the first entry form one of their own. Read as
   * Latin-1, which never fails: the secrets looked for are ASCII.
   */
  static List<String> entries(Path file) {
    String text;
    try {
      text = ANSI.matcher(Files.readString(file, StandardCharsets.ISO_8859_1)).replaceAll("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> entries = new ArrayList<>();
    StringBuilder entry = new StringBuilder();
    for (String line : text.split("\n")) {
      if (ENTRY.matcher(line).find() && !entry.isEmpty()) {
        entries.add(entry.toString());
        entry.setLength(0);
      }
      entry.append(line).append('\n');
    }
    if (!entry.isEmpty()) {
      entries.add(entry.toString());
    }
    return entries;
  }

  /** A secret as a report may show it: its first three characters. */
  private static String masked(String secret) {
    return secret.substring(0, 3) + "…";
  }

  private static String firstLines(String entry) {
    String shown =
        String.join(" | ", entry.lines().limit(4).toList()).replaceAll(TOKEN.pattern(), "<token>");
    for (String secret : secrets()) {
      shown = shown.replace(secret, "<secret>");
    }
    return shown.length() > 600 ? shown.substring(0, 600) + "…" : shown;
  }
}
