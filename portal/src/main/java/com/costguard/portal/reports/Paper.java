package com.costguard.portal.reports;

import com.costguard.application.RequestRefusedException;
import com.itextpdf.kernel.geom.PageSize;
import java.util.Locale;

/** The paper a PDF report is laid out on. */
public enum Paper {
  A4(PageSize.A4),
  LETTER(PageSize.LETTER);

  private final PageSize size;

  Paper(PageSize size) {
    this.size = size;
  }

  PageSize size() {
    return size;
  }

  /**
   * @param name {@code a4} or {@code letter}, any case; null = A4
   * @throws RequestRefusedException 400 naming {@code paper} for anything else
   */
  public static Paper of(String name) {
    if (name == null || name.isBlank()) {
      return A4;
    }
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "a4" -> A4;
      case "letter" -> LETTER;
      default -> throw RequestRefusedException.invalid("paper", "paper must be a4 or letter");
    };
  }
}
