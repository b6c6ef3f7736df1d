package com.costguard.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's HTTP API as a runner sees it: bearer token, JSON bodies. Every answer that is
 * not a success, and every request that gets no answer, counts as a failed request (figure 6).
 */
final class Api {

  /** An answer: its status and body. */
  record Answer(int status, String body) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The first number named {@code field} in the JSON body. */
    long number(String field) {
      Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(body);
      if (!m.find()) {
        throw new IllegalStateException("no " + field + " in " + body);
      }
      return Long.parseLong(m.group(1));
    }

    /** The JSON object named {@code field} in the body, as written (its braces matched). */
    String object(String field) {
      int at = body.indexOf("\"" + field + "\"");
      int from = at < 0 ? -1 : body.indexOf('{', at);
      if (from < 0) {
        throw new IllegalStateException("no object " + field + " in " + body);
      }
      int depth = 0;
      for (int i = from; i < body.length(); i++) {
        depth += body.charAt(i) == '{' ? 1 : body.charAt(i) == '}' ? -1 : 0;
        if (depth == 0) {
          return body.substring(from, i + 1);
        }
      }
      throw new IllegalStateException("unbalanced " + field + " in " + body);
    }
  }

  private static final AtomicInteger FAILED = new AtomicInteger();
  private static final AtomicInteger REQUESTS = new AtomicInteger();

  private final HttpClient client;
  private final URI base;
  private final String token;

  Api(URI base, String token) {
    this(base, token, HttpClient.newBuilder());
  }

  private Api(URI base, String token, HttpClient.Builder builder) {
    this.client =
        builder
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(new CookieManager())
            .build();
    this.base = base;
    this.token = token;
  }

  /** A client of its own (own connections, own cookies), for a concurrent runner or a browser. */
  Api another() {
    return new Api(base, token);
  }

  static int failed() {
    return FAILED.get();
  }

  static int requests() {
    return REQUESTS.get();
  }

  Answer post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  Answer delete(String path) {
    return send(request(path).DELETE());
  }

  /** A form post (the sign-in page); no bearer token. */
  Answer postForm(String path, String form) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)),
        false);
  }

  /** A page as a browser gets it: the session cookie, no bearer token. */
  Answer page(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2)), true);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofMinutes(2))
        .header("Authorization", "Bearer " + token);
  }

  private Answer send(HttpRequest.Builder request) {
    return send(request, true);
  }

  private Answer send(HttpRequest.Builder request, boolean mustSucceed) {
    REQUESTS.incrementAndGet();
    HttpRequest built = request.build();
    try {
      HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
      Answer answer = new Answer(response.statusCode(), response.body());
      if (mustSucceed && !answer.ok()) {
        failure(built + " → " + answer.status() + " " + abbreviated(answer.body()));
      }
      return answer;
    } catch (IOException e) {
      failure(built + " → " + e);
      return new Answer(0, "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Counts a failed request, and prints the first few. */
  static void failure(String what) {
    if (FAILED.incrementAndGet() <= 10) {
      System.err.println("  failed request: " + what);
    }
  }

  private static String abbreviated(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
