package com.costguard.portal.it;

import com.costguard.application.BudgetAlerts;
import com.costguard.infrastructure.schedule.AlertSchedule;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/**
 * Test-only, in the test WAR ({@link Deployments#testWar()}): stops ({@code POST ?action=stop}) and
 * starts ({@code POST ?action=start}) the alert dispatcher's schedule, as a crash and a restart
 * would; runs the sweep's unit for one budget now ({@code POST ?action=sweep&budget=ID}, what the
 * one-minute sweep does for each budget), answering how many alerts that fired; and runs one whole
 * sweep now ({@code POST ?action=sweep-all}: increase request expiry, thresholds and anomalies,
 * {@link AlertSweepIT}); and races for a sweep slot ({@code POST ?action=sweep-slot&slot=INSTANT},
 * answering whether this instance won it and swept, {@link ClusterIT}). Never part of the built
 * application.
 */
@WebServlet("/it/alert-schedule")
public class AlertScheduleTrigger extends HttpServlet {

  @Inject AlertSchedule schedule;
  @Inject BudgetAlerts budgetAlerts;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String fired = "";
    switch (String.valueOf(request.getParameter("action"))) {
      case "stop" -> schedule.stop();
      case "start" -> schedule.start();
      case "sweep" ->
          fired =
              ",\"fired\":"
                  + budgetAlerts.evaluateNow(Long.parseLong(request.getParameter("budget")));
      case "sweep-all" -> schedule.sweep();
      case "sweep-slot" ->
          fired =
              ",\"swept\":"
                  + schedule.sweepIfFirst(
                      Instant.parse(request.getParameter("slot")), Instant.now());
      default -> {
        response.sendError(400, "action is stop, start, sweep, sweep-all or sweep-slot");
        return;
      }
    }
    response.setContentType("application/json");
    response.getWriter().write("{\"running\":" + schedule.running() + fired + "}");
  }
}
