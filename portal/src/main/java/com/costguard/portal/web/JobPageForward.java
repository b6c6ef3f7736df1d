package com.costguard.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a job's page at {@code /dashboard/jobs/{id}} (the address people share) from {@code
 * /dashboard/job.xhtml?id={id}}; the list itself, {@code /dashboard/jobs}, passes through.
 */
@WebFilter("/dashboard/jobs/*")
public class JobPageForward extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final Pattern JOB = Pattern.compile("/dashboard/jobs/(\\d{1,18})/?");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher job = JOB.matcher(path);
    if (job.matches()) {
      request
          .getRequestDispatcher("/dashboard/job.xhtml?id=" + job.group(1))
          .forward(request, response);
    } else {
      chain.doFilter(request, response);
    }
  }
}
