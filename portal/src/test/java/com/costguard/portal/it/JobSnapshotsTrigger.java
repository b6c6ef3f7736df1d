package com.costguard.portal.it;

import com.costguard.application.JobSnapshots;
import com.costguard.infrastructure.schedule.JobSnapshotSchedule;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/**
 * Test-only, in the test WAR ({@link Deployments#testWar()}): takes the 5-minute job cost snapshots
 * on demand ({@code POST ?at=<instant>}) instead of waiting for the schedule, and tells whether the
 * schedule runs ({@code GET}). Never part of the built application.
 */
@WebServlet("/it/job-snapshots")
public class JobSnapshotsTrigger extends HttpServlet {

  @Inject JobSnapshots snapshots;
  @Inject JobSnapshotSchedule schedule;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int stored = snapshots.take(Instant.parse(request.getParameter("at")));
    answer(response, "{\"stored\":" + stored + "}");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    answer(response, "{\"scheduled\":" + schedule.running() + "}");
  }

  private static void answer(HttpServletResponse response, String json) throws IOException {
    response.setContentType("application/json");
    response.getWriter().write(json);
  }
}
