package com.costguard.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The browser-side defences on every response (pages, API, Slack endpoint, static resources): no
 * framing (clickjacking), no MIME sniffing, no full URLs leaking in the Referer, and a
 * Content-Security-Policy. A portal page's policy is PrimeFaces' own (web.xml's {@code
 * primefaces.CSP}: its script nonce, which it adds to every script it renders and to the inline
 * handlers it moves into them); it replaces the strict default set here for everything else, so
 * each response carries exactly one policy. Behind TLS (a TLS listener, or a proxy saying {@code
 * X-Forwarded-Proto: https}) browsers are also told to keep to HTTPS.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

  static final String CSP = "Content-Security-Policy";

  /** For responses no Faces page renders: JSON, files, redirects, error pages. */
  static final String STRICT_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader(CSP, STRICT_POLICY);
    if (overTls(request)) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    chain.doFilter(request, new OnePolicy(response));
  }

  /** Whether the browser reached us over HTTPS, directly or through a TLS-terminating proxy. */
  static boolean overTls(HttpServletRequest request) {
    return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
  }

  /** A policy added later (PrimeFaces' page policy) replaces the default instead of joining it. */
  private static final class OnePolicy extends HttpServletResponseWrapper {

    OnePolicy(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (CSP.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      } else {
        super.addHeader(name, value);
      }
    }
  }
}
