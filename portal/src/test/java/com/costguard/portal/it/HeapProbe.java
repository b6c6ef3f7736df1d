package com.costguard.portal.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * Test-only, in the test WAR ({@link Deployments#testWar()}): {@code POST} runs a full garbage
 * collection in the application's JVM and answers the heap still in use, {@code {"used": bytes}}:
 * what is left after GC is what the application holds on to, the figure a leak makes grow ({@link
 * SoakIT}). Never part of the built application.
 */
@WebServlet("/it/heap")
public class HeapProbe extends HttpServlet {

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // Twice: objects with finalizers or cleaners are freed by the second collection.
    System.gc();
    System.gc();
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    response.setContentType("application/json");
    response.getWriter().write("{\"used\":" + used + "}");
  }
}
