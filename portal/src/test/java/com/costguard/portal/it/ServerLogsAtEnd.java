package com.costguard.portal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Checks the run's server logs ({@link ServerLogs}) once every test has run and every Payara has
 * stopped: registered first, so that it closes last (JUnit closes session listeners in reverse
 * order). {@link SecretsIT} checks the same mid-run, as a test; this catches what the tests after
 * it logged. A finding fails the run: it is written to {@code target/it-log-findings.txt} and
 * thrown, which ends the forked test JVM with an error that failsafe reports.
 */
public class ServerLogsAtEnd implements LauncherSessionListener {

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (System.getProperty("it.db.port") == null || ServerLogs.files().isEmpty()) {
      return; // a unit-test run, or no server was started
    }
    List<String> findings = ServerLogs.findings();
    Path report = Path.of("target", "it-log-findings.txt");
    try {
      Files.write(report, findings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!findings.isEmpty()) {
      String message =
          "The server logs show a secret or a SEVERE error of ours ("
              + report
              + "):\n"
              + String.join("\n", findings);
      System.err.println(message);
      throw new AssertionError(message);
    }
  }
}
