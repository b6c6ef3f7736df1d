package com.costguard.infrastructure.runner;

import com.costguard.application.CancelRequest;
import com.costguard.application.RunnerControl;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells runners at their control URL that a job was cancelled: {@code POST {"jobId", "externalId",
 * "action": "cancel"}}, on the container's managed executor (never on the caller's thread or in its
 * transaction), retried with doubling back-off until a 2xx answer or {@link #ATTEMPTS} attempts.
 */
@ApplicationScoped
public class HttpRunnerControl implements RunnerControl {

  private static final Logger LOG = Logger.getLogger(HttpRunnerControl.class.getName());

  static final int ATTEMPTS = 4;
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService executor;

  /** The wait before the first retry; doubled for each further one. Tests shorten it. */
  Duration firstBackoff = FIRST_BACKOFF;

  /** One client, made on first use: a client starts a thread, and most runs cancel nothing. */
  private static final class Http {
    static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public void requestCancel(CancelRequest request) {
    schedule(request, 1, Duration.ZERO);
  }

  private void schedule(CancelRequest request, int attempt, Duration delay) {
    try {
      executor.schedule(() -> attempt(request, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.warning(
          () ->
              "Could not tell the runner of job %d at %s that it was cancelled: %s"
                  .formatted(request.jobId(), where(request.controlUrl()), e));
    }
  }

  void attempt(CancelRequest request, int attempt) {
    String failure;
    try {
      HttpResponse<Void> response =
          Http.CLIENT.send(
              HttpRequest.newBuilder(request.controlUrl())
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body(request)))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        LOG.info(
            () ->
                "Told the runner of job %d at %s that it was cancelled"
                    .formatted(request.jobId(), where(request.controlUrl())));
        return;
      }
      failure = "HTTP " + response.statusCode();
    } catch (IOException | RuntimeException e) {
      failure = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    String why = failure;
    if (attempt < ATTEMPTS) {
      Duration backoff = firstBackoff.multipliedBy(1L << (attempt - 1));
      LOG.warning(
          () ->
              "Telling the runner of job %d at %s failed (%s, attempt %d of %d); retrying in %s"
                  .formatted(
                      request.jobId(),
                      where(request.controlUrl()),
                      why,
                      attempt,
                      ATTEMPTS,
                      backoff));
      schedule(request, attempt + 1, backoff);
    } else {
      LOG.log(
          Level.WARNING,
          () ->
              "Gave up telling the runner of job %d at %s that it was cancelled (%s, %d attempts);"
                      .formatted(request.jobId(), where(request.controlUrl()), why, ATTEMPTS)
                  + " it learns it from its next event's answer");
    }
  }

  static String body(CancelRequest request) {
    return Json.createObjectBuilder()
        .add("jobId", request.jobId())
        .add("externalId", request.externalId())
        .add("action", "cancel")
        .build()
        .toString();
  }

  /** The URL without user info, query or fragment: those may carry a runner's secret. */
  static String where(URI url) {
    return url.getScheme()
        + "://"
        + url.getHost()
        + (url.getPort() == -1 ? "" : ":" + url.getPort())
        + (url.getRawPath() == null ? "" : url.getRawPath());
  }
}
