package com.costguard.portal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.costguard.model.audit.AuditAction;
import com.costguard.model.audit.AuditEntry;
import com.costguard.model.audit.AuditedChange;
import com.costguard.model.audit.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditCsvTest {

  private static final Instant AT = Instant.parse("2026-03-02T13:00:00.5Z");

  static List<Arguments> cells() {
    return List.of(
        arguments(
            "=HYPERLINK(\"http://evil.example\",\"x\")",
            "'=HYPERLINK(\"http://evil.example\",\"x\")"),
        arguments("+1+cmd", "'+1+cmd"),
        arguments("-2+3", "'-2+3"),
        arguments("@SUM(A1)", "'@SUM(A1)"),
        arguments("-cmd", "'-cmd"),
        arguments("\t=1+1", "'\t=1+1"),
        arguments("\r=1+1", "'\r=1+1"),
        arguments("-33.38", "-33.38"),
        arguments("-5", "-5"),
        arguments("50.10", "50.10"),
        arguments("Q4 = more runs", "Q4 = more runs"),
        arguments("alice", "alice"),
        arguments("", ""));
  }

  @ParameterizedTest
  @MethodSource("cells")
  void cellsThatASpreadsheetWouldRunAreMadeText(String cell, String written) {
    assertThat(CsvCells.safe(cell)).isEqualTo(written);
  }

  private static AuditEntry entry(AuditedChange change, String actor) {
    return new AuditEntry(7, AT, actor, Channel.API, change, AuditEntry.GENESIS);
  }

  /** The rows written, read back by header name. */
  private static List<CSVRecord> written(AuditEntry... entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AuditCsv.write(Stream.of(entries), out);
    String csv = out.toString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith(String.join(",", AuditCsv.HEADER) + "\r\n");
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))) {
      assertThat(parser.getHeaderNames()).containsExactlyElementsOf(AuditCsv.HEADER);
      return parser.getRecords();
    }
  }

  @Test
  void aHeaderRowThenOneRowPerEntryWithTheChangedValues() throws IOException {
    AuditEntry limit =
        entry(
            new AuditedChange(
                AuditAction.BUDGET_LIMIT_CHANGED,
                AuditedChange.BUDGET,
                "12",
                Optional.of("{\"limit\":750.50}"),
                Optional.of("{\"limit\":500.00}"),
                Optional.of(new BigDecimal("-33.38")),
                Optional.of("Fewer runs, \"as agreed\"\nin March"),
                Optional.of("zoë")),
            "bea");

    List<CSVRecord> rows = written(limit);

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).values())
        .containsExactly(
            "2026-03-02T13:00:00.500Z",
            "bea",
            "750.50",
            "500.00",
            "-33.38",
            "Fewer runs, \"as agreed\"\nin March",
            "zoë",
            "api",
            "budget.limit_changed",
            "budget 12",
            "7",
            limit.hash());
  }

  @Test
  void severalChangedFieldsAreWrittenAsTheirJsonAndAbsentOnesAsEmpty() throws IOException {
    AuditEntry created =
        entry(
            AuditedChange.of(
                AuditAction.BUDGET_CREATED,
                AuditedChange.BUDGET,
                12,
                Optional.empty(),
                Optional.of("{\"name\":\"=HYPERLINK(1)\",\"limit\":500.00}")),
            "bea");
    AuditEntry reset =
        entry(
            AuditedChange.of(
                AuditAction.BUDGET_RESET,
                AuditedChange.BUDGET,
                12,
                Optional.of("{\"lastResetAt\":null}"),
                Optional.of("{\"lastResetAt\":\"2026-03-02T13:00:00Z\"}")),
            "bea");

    List<CSVRecord> rows = written(created, reset);

    assertThat(rows.get(0).get("Old")).isEmpty();
    assertThat(rows.get(0).get("New")).isEqualTo("{\"name\":\"=HYPERLINK(1)\",\"limit\":500.00}");
    assertThat(rows.get(0).get("Change %")).isEmpty();
    assertThat(rows.get(1).get("Old")).isEmpty();
    assertThat(rows.get(1).get("New")).isEqualTo("2026-03-02T13:00:00Z");
  }

  @Test
  void formulasFromAnyFieldAreNeutralised() throws IOException {
    AuditEntry renamed =
        entry(
            new AuditedChange(
                AuditAction.BUDGET_UPDATED,
                AuditedChange.BUDGET,
                "12",
                Optional.of("{\"name\":\"Acme\"}"),
                Optional.of("{\"name\":\"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\"}"),
                Optional.empty(),
                Optional.of("@SUM(1+1)*cmd|' /C calc'!A0"),
                Optional.of("+approver")),
            "-mallory");

    CSVRecord row = written(renamed).get(0);

    assertThat(row.get("New")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
    assertThat(row.get("Justification")).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");
    assertThat(row.get("Approver")).isEqualTo("'+approver");
    assertThat(row.get("Changed by")).isEqualTo("'-mallory");
    assertThat(row.get("Old")).isEqualTo("Acme");
  }
}
