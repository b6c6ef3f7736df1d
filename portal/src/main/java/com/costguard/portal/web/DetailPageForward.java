package com.costguard.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the pages of one thing at the addresses people share: a job's at {@code
 * /dashboard/jobs/{id}} from {@code /dashboard/job.xhtml?id={id}}, a client's at {@code
 * /dashboard/clients/{id}} from {@code /dashboard/client.xhtml?id={id}} (the query string, such as
 * a client page's range, comes along). The lists themselves, e.g. {@code /dashboard/jobs}, pass
 * through.
 */
@WebFilter({"/dashboard/jobs/*", "/dashboard/clients/*"})
public class DetailPageForward extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final Map<Pattern, String> PAGES =
      Map.of(
          Pattern.compile("/dashboard/jobs/(\\d{1,18})/?"), "/dashboard/job.xhtml?id=",
          Pattern.compile("/dashboard/clients/(\\d{1,18})/?"), "/dashboard/client.xhtml?id=");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    for (var page : PAGES.entrySet()) {
      Matcher detail = page.getKey().matcher(path);
      if (detail.matches()) {
        request.getRequestDispatcher(page.getValue() + detail.group(1)).forward(request, response);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
