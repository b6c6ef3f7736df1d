package com.costguard.portal.it;

import com.costguard.infrastructure.schedule.AlertSchedule;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Test-only, added to the WAR by {@link AlertsMailIT}: stops ({@code POST ?action=stop}) and starts
 * ({@code POST ?action=start}) the alert dispatcher's schedule, as a crash and a restart would, and
 * runs one sweep at once ({@code POST ?action=sweep}, {@link AlertSweepIT}). Never part of the
 * built application.
 */
@WebServlet("/it/alert-schedule")
public class AlertScheduleTrigger extends HttpServlet {

  @Inject AlertSchedule schedule;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    switch (String.valueOf(request.getParameter("action"))) {
      case "stop" -> schedule.stop();
      case "start" -> schedule.start();
      case "sweep" -> schedule.sweep();
      default -> {
        response.sendError(400, "action is stop, start or sweep");
        return;
      }
    }
    response.setContentType("application/json");
    response.getWriter().write("{\"running\":" + schedule.running() + "}");
  }
}
