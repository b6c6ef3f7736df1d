package com.costguard.portal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session with the portal over plain HTTP (a cookie jar, no JavaScript): for what a
 * browser would not do on its own — forged form posts, planted cookies, a burst of wrong passwords
 * — and for portal actions checked without the cost of Chromium. Redirects are not followed, so
 * tests see them.
 */
final class PortalSession {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");

  private static final Pattern NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");

  private final URI base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private final Map<String, String> headers = new LinkedHashMap<>();

  PortalSession(URL base) {
    this.base = URI.create(base.toString());
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Sends {@code name: value} with every later request (e.g. X-Forwarded-For). */
  PortalSession header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  Api.Answer get(String path) {
    return send(request(path).GET().build());
  }

  /** A form post, {@code application/x-www-form-urlencoded}, fields in order. */
  Api.Answer post(String path, Map<String, String> fields) {
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
            .build());
  }

  /** Signs in through the login form; answers the form post's answer (302 when signed in). */
  Api.Answer signIn(String username, String password) {
    String page = get("login.xhtml").body();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("login", "login");
    fields.put("login:username", username);
    fields.put("login:password", password);
    fields.put("login:submit", "");
    fields.put("jakarta.faces.ViewState", viewState(page));
    fields.put("primefaces.nonce", nonce(page));
    return post("login.xhtml", fields);
  }

  /** The session cookie's value now, if any. */
  Optional<String> sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  /** The view state the server issued with {@code html}. */
  static String viewState(String html) {
    Matcher m = VIEW_STATE.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no view state in the page: " + html);
    }
    return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
  }

  /**
   * The page's CSP nonce, which PrimeFaces' script posts back with every form ({@code
   * primefaces.nonce}) and the server checks against the view's.
   */
  static String nonce(String html) {
    Matcher m = NONCE.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no nonce in the page: " + html);
    }
    return m.group(1);
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    headers.forEach(request::header);
    return request;
  }

  private Api.Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Api.Answer(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
