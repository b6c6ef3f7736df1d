package com.costguard.portal.security;

import com.costguard.config.Configuration;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.net.URI;

/**
 * The session cookie's flags, set once at start: always HttpOnly (no script reads it) and SameSite
 * Lax (no cross-site form post carries it, a second CSRF defence beside the view state); Secure
 * when the portal is served over HTTPS, which {@code COSTGUARD_BASE_URL} says (a TLS-terminating
 * proxy in front, or Payara's own TLS listener) — a Secure cookie is never sent over plain HTTP, so
 * it cannot be the default of a plain-HTTP installation.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

  @Inject Configuration configuration;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    cookie.setHttpOnly(true);
    // true: always Secure; false leaves Payara's "dynamic": Secure on requests over its own TLS
    // listener. (SameSite=Lax is glassfish-web.xml's cookieSameSite: Payara ignores the
    // Servlet 6 cookie attribute.)
    cookie.setSecure(secure(configuration.baseUrl()));
  }

  /** Whether the session cookie is Secure: when the portal's public URL is an HTTPS one. */
  public static boolean secure(URI baseUrl) {
    return "https".equalsIgnoreCase(baseUrl.getScheme());
  }
}
