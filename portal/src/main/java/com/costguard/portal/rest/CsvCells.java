package com.costguard.portal.rest;

import java.util.regex.Pattern;

/**
 * Cells of CSV exports made safe to open in a spreadsheet (CSV or "formula" injection, OWASP): a
 * text starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would
 * be run as a formula, so it gets a leading {@code '}, which makes the spreadsheet show it as text.
 * A plain decimal number such as {@code -33.38} is left as it is: it is no formula, and a figure
 * people sum must stay a number.
 */
public final class CsvCells {

  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private CsvCells() {}

  public static String safe(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    boolean formula =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    return formula && !PLAIN_NUMBER.matcher(text).matches() ? "'" + text : text;
  }
}
