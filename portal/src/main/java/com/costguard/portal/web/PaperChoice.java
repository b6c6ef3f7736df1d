package com.costguard.portal.web;

import com.costguard.portal.reports.Paper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The paper chosen next to a page's PDF button ({@code a4}, the default, or {@code letter}), as
 * {@code GET /api/v1/reports/...?paper=} takes it.
 */
@Named
@RequestScoped
public class PaperChoice {

  private String paper;

  public String getPaper() {
    return paper;
  }

  public void setPaper(String paper) {
    this.paper = paper;
  }

  Paper paper() {
    return Paper.of(paper);
  }
}
